import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import { addDays, jakartaDate, todayJakarta, type CalendarService, type IsoDate } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/index.js';
import type { DocumentStore } from '../../platform/documents/store.js';
import { currentContext } from '../../platform/http/context.js';
import { conflict, forbidden, invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import { notify } from '../../platform/notifications/notifications.js';
import * as repo from './repo.js';
import { checkNewAgreement, checkTermination, inForce, SERVICE_LABEL, type Service } from './rules/agreement.js';
import {
  BED_REPORT_STALE_HOURS,
  bedReportAgeHours,
  checkBeds,
  EMERGENCY_REPORT_WORKING_HOURS,
  emergencyOnTime,
  isPeriod,
  monthlyDueDate,
  monthlyStatus,
  nextMonth,
  periodEnded,
} from './rules/deadlines.js';

export const SANCTION_KINDS = ['TEGURAN_LISAN', 'TEGURAN_TERTULIS', 'TIDAK_DIREKOMENDASIKAN', 'PEMUTUSAN'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

function actor() {
  const a = currentContext()?.actor;
  return { id: a && a.id > 0 ? a.id : null, facilityCode: a?.facilityCode ?? null };
}

/** The facility a facility user acts for; office users may not file a facility's reports. */
function ownFacility(): string {
  const code = actor().facilityCode;
  if (!code) throw forbidden('Hanya petugas fasilitas yang dapat melaporkan untuk fasilitasnya sendiri.');
  return code;
}

function problemsError(code: string, problems: { field?: string; message: string }[]) {
  return invalid(code, problems.map((p) => p.message).join(' '), { problems });
}

function agreementView(r: repo.AgreementRow, today: IsoDate) {
  return {
    id: Number(r.id),
    facilityCode: r.facility_code,
    facilityName: r.facility_name,
    number: r.number,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    services: r.services,
    status: r.status,
    terminatedOn: r.terminated_on,
    terminationReason: r.termination_reason,
    documentId: r.document_id === null ? null : Number(r.document_id),
    inForce: inForce({ validFrom: r.valid_from, validTo: r.valid_to, services: r.services, terminatedOn: r.terminated_on }, today),
  };
}

function facilityView(r: repo.FacilityRow) {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    class: r.class,
    ownership: r.ownership,
    location: r.location,
    isRsud: r.is_rsud,
    villageCode: r.village_code,
    address: r.address,
    phone: r.phone,
    partner: r.partner,
  };
}

function bedView(r: repo.BedRow, now: Date) {
  const age = r.reported_at ? bedReportAgeHours(new Date(r.reported_at), now) : null;
  return {
    facilityCode: r.facility_code,
    facilityName: r.facility_name,
    class: r.class,
    location: r.location,
    villageCode: r.village_code,
    isRsud: r.is_rsud,
    reportedAt: r.reported_at ? new Date(r.reported_at).toISOString() : null,
    ageHours: age === null ? null : Math.round(age * 10) / 10,
    stale: age === null || age > BED_REPORT_STALE_HOURS,
    class3Total: r.class3_total,
    class3Available: r.class3_available,
    aboveClassPatients: r.above_class_patients,
  };
}

export type BedBoardEntry = ReturnType<typeof bedView>;

/**
 * Facilities and agreements (SPEC §5): the registry, cooperation agreements,
 * sanctions, the bed board, monthly service reports and emergency reports from
 * facilities without an agreement. Registry and agreements are visible to every
 * user with facility.read; a facility files and sees only its own reports.
 */
export function createFacilityService(db: Db, deps: { audit: AuditWriter; documents: DocumentStore; calendar: CalendarService; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  /* ----- partner status (used by referrals and SJP) ----- */

  /** Whether the facility has an agreement in force on `date` (covering `service`, when given). */
  async function isPartner(code: string, date: IsoDate, service?: Service): Promise<boolean> {
    const rows = await repo.agreementsInForce(db, code, date);
    return rows.some((a) => service === undefined || a.services.includes(service));
  }

  /** Refuses care at a non-partner facility unless it is an emergency (FAC-2, FAC-4). */
  async function requirePartner(code: string, date: IsoDate, opts: { emergency: boolean; service?: Service }): Promise<void> {
    if (opts.emergency) return;
    if (await isPartner(code, date, opts.service)) return;
    const f = await repo.getFacility(db, code, date);
    const name = f?.name ?? code;
    throw ruleRefusal(
      'NO_AGREEMENT',
      opts.service
        ? `${name} tidak memiliki PKS yang berlaku pada ${date} untuk layanan ${SERVICE_LABEL[opts.service]}; layanan di sana tidak dijamin kecuali gawat darurat.`
        : `${name} tidak memiliki PKS yang berlaku pada ${date}; layanan di sana tidak dijamin kecuali gawat darurat.`,
      { facilityCode: code, date, service: opts.service ?? null },
    );
  }

  /* ----- registry ----- */

  async function list(f: repo.FacilityFilter) {
    return (await repo.listFacilities(db, todayJakarta(now()), f)).map(facilityView);
  }

  async function get(code: string) {
    const today = todayJakarta(now());
    const f = await repo.getFacility(db, code, today);
    if (!f) throw notFound('FACILITY_NOT_FOUND', `Fasilitas ${code} tidak terdaftar.`);
    // Sanctions are a matter between the office and that facility: another facility does not see them.
    const scope = actor().facilityCode;
    const [agreements, sanctions, beds] = await Promise.all([
      repo.agreementsOf(db, code),
      scope === null || scope === code ? repo.sanctionsOf(db, code) : Promise.resolve([]),
      f.level === 'PPK2' ? repo.bedHistory(db, code, 1) : Promise.resolve([]),
    ]);
    const b = beds[0];
    return {
      ...facilityView(f),
      agreements: agreements.map((a) => agreementView(a, today)),
      sanctions: sanctions.map(sanctionView),
      latestBeds: b
        ? {
            reportedAt: new Date(b.reported_at).toISOString(),
            stale: bedReportAgeHours(new Date(b.reported_at), now()) > BED_REPORT_STALE_HOURS,
            class3Total: b.class3_total,
            class3Available: b.class3_available,
            aboveClassPatients: b.above_class_patients,
          }
        : null,
    };
  }

  /* ----- agreements ----- */

  async function createAgreement(code: string, input: { number: string; validFrom: string; validTo: string; services: string[]; documentId: number }) {
    const number = input.number.trim().replace(/\s+/g, ' ');
    const problems = checkNewAgreement({ ...input, number });
    if (problems.length) throw problemsError('AGREEMENT_INVALID', problems);
    if (!(await repo.getFacility(db, code, input.validFrom))) throw notFound('FACILITY_NOT_FOUND', `Fasilitas ${code} tidak terdaftar.`);
    await deps.documents.requireUsable([input.documentId]);
    const id = await db.tx(async (tx) => {
      const f = await repo.getFacility(tx, code, input.validFrom);
      if (!f) throw notFound('FACILITY_NOT_FOUND', `Fasilitas ${code} tidak terdaftar.`);
      const other = await repo.overlapping(tx, code, input.validFrom, input.validTo);
      if (other) throw conflict('AGREEMENT_OVERLAP', `Masa berlaku bertumpang tindih dengan PKS ${other} yang masih aktif untuk fasilitas ini.`);
      const id = await repo.insertAgreement(tx, {
        facilityCode: code,
        number,
        validFrom: input.validFrom,
        validTo: input.validTo,
        services: input.services,
        documentId: input.documentId,
        createdBy: actor().id,
      });
      if (id === null) throw conflict('AGREEMENT_NUMBER_TAKEN', `Nomor PKS ${number} sudah dipakai.`);
      await auditInTx(tx, { action: 'facility.agreement.create', entityType: 'facility_agreement', entityId: String(id), details: { facilityCode: code } });
      return id;
    });
    return agreementView((await repo.getAgreement(db, id))!, todayJakarta(now()));
  }

  async function agreements(code: string) {
    const today = todayJakarta(now());
    if (!(await repo.getFacility(db, code, today))) throw notFound('FACILITY_NOT_FOUND', `Fasilitas ${code} tidak terdaftar.`);
    return (await repo.agreementsOf(db, code)).map((a) => agreementView(a, today));
  }

  async function agreementDocumentId(id: number): Promise<number> {
    const a = await repo.getAgreement(db, id);
    if (!a || a.document_id === null) throw notFound('AGREEMENT_NOT_FOUND', `PKS ${id} atau dokumennya tidak ditemukan.`);
    return Number(a.document_id);
  }

  async function expiring(days = 60) {
    const today = todayJakarta(now());
    const rows = await repo.expiringAgreements(db, today, addDays(today, days));
    return rows.map((a) => ({ ...agreementView(a, today), daysLeft: daysBetween(today, a.valid_to) }));
  }

  async function terminate(id: number, input: { terminatedOn: string; reason: string }) {
    const reason = input.reason.trim();
    if (reason.length < 3) throw invalid('TERMINATION_INVALID', 'Alasan pemutusan wajib diisi (paling sedikit 3 karakter).');
    await db.tx(async (tx) => {
      const a = await repo.getAgreement(tx, id, true);
      if (!a) throw notFound('AGREEMENT_NOT_FOUND', `PKS ${id} tidak ditemukan.`);
      const problems = checkTermination(
        { validFrom: a.valid_from, validTo: a.valid_to, services: a.services, terminatedOn: a.terminated_on, status: a.status },
        input.terminatedOn,
      );
      if (problems.length) throw problemsError('TERMINATION_INVALID', problems);
      await repo.terminateAgreement(tx, id, input.terminatedOn, reason);
      await auditInTx(tx, { action: 'facility.agreement.terminate', entityType: 'facility_agreement', entityId: String(id), details: { terminatedOn: input.terminatedOn } });
      await notify(tx, { role: 'rumahsakit', facilityCode: a.facility_code }, {
        kind: 'facility.agreement_terminated',
        title: `PKS ${a.number} diputus mulai ${input.terminatedOn}`,
        body: reason,
        link: `/fasilitas/${a.facility_code}`,
        entityType: 'facility_agreement',
        entityId: String(id),
      });
    });
    return agreementView((await repo.getAgreement(db, id))!, todayJakarta(now()));
  }

  /* ----- sanctions (FAC-3) ----- */

  function sanctionView(s: repo.SanctionRow) {
    return {
      id: Number(s.id),
      facilityCode: s.facility_code,
      kind: s.kind,
      imposedOn: s.imposed_on,
      basis: s.basis,
      documentId: s.document_id === null ? null : Number(s.document_id),
      agreementId: s.agreement_id === null ? null : Number(s.agreement_id),
    };
  }

  async function impose(code: string, input: { kind: string; imposedOn: string; basis: string; documentId: number | null }) {
    if (!(SANCTION_KINDS as readonly string[]).includes(input.kind)) {
      throw invalid('SANCTION_INVALID', `Jenis sanksi "${input.kind}" tidak dikenal. Pilihan: ${SANCTION_KINDS.join(', ')}.`);
    }
    const basis = input.basis.trim();
    if (basis.length < 3) throw invalid('SANCTION_INVALID', 'Dasar sanksi wajib diisi (paling sedikit 3 karakter).');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.imposedOn) || Number.isNaN(Date.parse(input.imposedOn))) {
      throw invalid('SANCTION_INVALID', 'Tanggal sanksi tidak valid (YYYY-MM-DD).');
    }
    if (input.documentId !== null) await deps.documents.requireUsable([input.documentId]);
    const id = await db.tx(async (tx) => {
      const f = await repo.getFacility(tx, code, input.imposedOn);
      if (!f) throw notFound('FACILITY_NOT_FOUND', `Fasilitas ${code} tidak terdaftar.`);
      let agreementId: number | null = null;
      if (input.kind === 'PEMUTUSAN') {
        // Termination ends the agreement in force on that date (FAC-3 → FAC-2).
        const live = await repo.agreementsInForce(tx, code, input.imposedOn);
        if (live.length === 0) throw ruleRefusal('NO_AGREEMENT', `${f.name} tidak memiliki PKS yang berlaku pada ${input.imposedOn}; tidak ada yang dapat diputus.`);
        for (const a of live) {
          const row = (await repo.getAgreement(tx, Number(a.id), true))!;
          const problems = checkTermination(
            { validFrom: row.valid_from, validTo: row.valid_to, services: row.services, terminatedOn: row.terminated_on, status: row.status },
            input.imposedOn,
          );
          if (problems.length) throw problemsError('TERMINATION_INVALID', problems);
          await repo.terminateAgreement(tx, Number(a.id), input.imposedOn, `Sanksi pemutusan: ${basis}`);
          agreementId = Number(a.id);
        }
      }
      const id = await repo.insertSanction(tx, { facilityCode: code, kind: input.kind, imposedOn: input.imposedOn, basis, documentId: input.documentId, agreementId, createdBy: actor().id });
      await auditInTx(tx, { action: 'facility.sanction.create', entityType: 'facility_sanction', entityId: String(id), details: { facilityCode: code, kind: input.kind, agreementId } });
      await notify(tx, { role: f.level === 'PPK2' ? 'rumahsakit' : 'puskesmas', facilityCode: code }, {
        kind: 'facility.sanction',
        title: `Sanksi ${input.kind.replace(/_/g, ' ').toLowerCase()} per ${input.imposedOn}`,
        body: basis,
        link: `/fasilitas/${code}`,
        entityType: 'facility_sanction',
        entityId: String(id),
      });
      return id;
    });
    return (await repo.sanctionsOf(db, code)).map(sanctionView).find((s) => s.id === id)!;
  }

  /* ----- bed board (FAC-5) ----- */

  async function reportBeds(input: { class3Total: number; class3Available: number; aboveClassPatients: number }) {
    const code = ownFacility();
    const problems = checkBeds(input);
    if (problems.length) throw invalid('BEDS_INVALID', problems.join(' '), { problems });
    const id = await db.tx(async (tx) => {
      const id = await repo.insertBedReport(tx, { facilityCode: code, ...input, reportedBy: actor().id });
      await auditInTx(tx, { action: 'facility.beds.report', entityType: 'bed_report', entityId: String(id), details: { facilityCode: code } });
      return id;
    });
    return { id, ...(await latestBeds([code]))[0] };
  }

  /** Latest bed report of every partner hospital (optionally of the given codes); no report is shown as stale. */
  async function latestBeds(codes?: string[], f: { location?: string } = {}): Promise<BedBoardEntry[]> {
    const t = now();
    return (await repo.bedBoard(db, todayJakarta(t), { location: f.location, codes })).map((r) => bedView(r, t));
  }

  async function board(f: { location?: string; sort?: 'available' | 'name' | 'age' }) {
    const rows = await latestBeds(undefined, f);
    const sort = f.sort ?? 'available';
    if (sort === 'available') rows.sort((a, b) => Number(a.stale) - Number(b.stale) || (b.class3Available ?? -1) - (a.class3Available ?? -1) || a.facilityName.localeCompare(b.facilityName));
    if (sort === 'age') rows.sort((a, b) => (a.ageHours ?? Infinity) - (b.ageHours ?? Infinity));
    return { staleAfterHours: BED_REPORT_STALE_HOURS, rows };
  }

  async function ownBedHistory() {
    const code = ownFacility();
    return (await repo.bedHistory(db, code)).map((b) => ({
      id: Number(b.id),
      reportedAt: new Date(b.reported_at).toISOString(),
      class3Total: b.class3_total,
      class3Available: b.class3_available,
      aboveClassPatients: b.above_class_patients,
    }));
  }

  /* ----- monthly service report (FAC-6) ----- */

  async function dueDate(period: string): Promise<IsoDate> {
    const cal = await deps.calendar.calendar();
    return monthlyDueDate(period, (d) => cal.isWorkingDay(d));
  }

  function monthlyView(m: repo.MonthlyRow, due: IsoDate, today: IsoDate) {
    return {
      id: Number(m.id),
      facilityCode: m.facility_code,
      period: m.period,
      outpatientVisits: m.outpatient_visits,
      inpatientAdmissions: m.inpatient_admissions,
      class3PatientDays: m.class3_patient_days,
      referralsReceived: m.referrals_received,
      referralsBack: m.referrals_back,
      deaths: m.deaths,
      submittedAt: new Date(m.submitted_at).toISOString(),
      dueDate: due,
      status: monthlyStatus(m.submitted_on, due, today),
    };
  }

  async function submitMonthly(input: {
    period: string;
    outpatientVisits: number;
    inpatientAdmissions: number;
    class3PatientDays: number;
    referralsReceived: number;
    referralsBack: number;
    deaths: number;
  }) {
    const code = ownFacility();
    const today = todayJakarta(now());
    if (!isPeriod(input.period)) throw invalid('MONTHLY_INVALID', 'Bulan laporan harus berformat YYYY-MM.');
    if (!periodEnded(input.period, today)) throw ruleRefusal('MONTH_NOT_ENDED', `Laporan bulan ${input.period} baru dapat dikirim setelah bulan itu berakhir.`);
    const id = await db.tx(async (tx) => {
      const id = await repo.insertMonthly(tx, { facilityCode: code, ...input, submittedBy: actor().id });
      if (id === null) throw conflict('MONTHLY_DUPLICATE', `Laporan bulan ${input.period} sudah dikirim.`);
      await auditInTx(tx, { action: 'facility.monthly.submit', entityType: 'monthly_report', entityId: String(id), details: { facilityCode: code, period: input.period } });
      return id;
    });
    const due = await dueDate(input.period);
    const row = (await repo.monthlyOf(db, code)).find((m) => Number(m.id) === id)!;
    return monthlyView(row, due, today);
  }

  async function ownMonthly() {
    const code = ownFacility();
    const today = todayJakarta(now());
    const rows = await repo.monthlyOf(db, code);
    return Promise.all(rows.map(async (m) => monthlyView(m, await dueDate(m.period), today)));
  }

  /** Per partner hospital: filed on time, late, missing (due date passed) or not yet due. */
  async function monthlyOverview(period: string) {
    if (!isPeriod(period)) throw invalid('MONTHLY_INVALID', 'Bulan laporan harus berformat YYYY-MM.');
    const today = todayJakarta(now());
    const due = await dueDate(period);
    const lastDay = addDays(`${nextMonth(period)}-01`, -1);
    const rows = await repo.monthlyForPeriod(db, period, lastDay);
    return {
      period,
      dueDate: due,
      rows: rows.map((r) => ({
        facilityCode: r.code,
        facilityName: r.name,
        status: monthlyStatus(r.report?.submitted_on ?? null, due, today),
        report: r.report ? monthlyView(r.report, due, today) : null,
      })),
    };
  }

  /* ----- emergency reports from non-partner facilities (FAC-4) ----- */

  function emergencyView(e: repo.EmergencyRow) {
    const reportedAt = new Date(e.reported_at);
    const deadlineAt = new Date(e.deadline_at);
    return {
      id: Number(e.id),
      facilityCode: e.facility_code,
      facilityName: e.facility_name,
      nik: e.nik,
      admittedAt: new Date(e.admitted_at).toISOString(),
      condition: e.condition,
      onwardFacilityCode: e.onward_facility_code,
      onwardFacilityName: e.onward_facility_name,
      deadlineAt: deadlineAt.toISOString(),
      reportedAt: reportedAt.toISOString(),
      onTime: emergencyOnTime(reportedAt, deadlineAt),
    };
  }

  async function reportEmergency(input: { nik: string; admittedAt: string; condition: string; onwardFacilityCode: string | null }) {
    const code = ownFacility();
    const t = now();
    const admittedAt = new Date(input.admittedAt);
    if (Number.isNaN(admittedAt.getTime())) throw invalid('EMERGENCY_INVALID', 'Waktu masuk tidak valid (ISO 8601, mis. 2026-03-02T21:30:00+07:00).');
    if (admittedAt.getTime() > t.getTime() + 5 * 60_000) throw invalid('EMERGENCY_INVALID', 'Waktu masuk tidak boleh di masa depan.');
    const condition = input.condition.trim();
    if (condition.length < 3) throw invalid('EMERGENCY_INVALID', 'Kondisi pasien wajib diisi (paling sedikit 3 karakter).');
    const admittedOn = jakartaDate(admittedAt);
    if (await isPartner(code, admittedOn)) {
      throw ruleRefusal('FACILITY_IS_PARTNER', 'Fasilitas Anda memiliki PKS yang berlaku; gunakan alur SJP gawat darurat, bukan laporan fasilitas non-PKS.');
    }
    if (input.onwardFacilityCode) {
      if (input.onwardFacilityCode === code) throw invalid('EMERGENCY_INVALID', 'Fasilitas rujukan lanjutan harus fasilitas lain yang memiliki PKS.');
      await requirePartner(input.onwardFacilityCode, todayJakarta(t), { emergency: false });
    }
    const deadlineAt = await deps.calendar.deadline(admittedAt, EMERGENCY_REPORT_WORKING_HOURS);
    const id = await db.tx(async (tx) => {
      const id = await repo.insertEmergency(tx, { facilityCode: code, nik: input.nik, admittedAt, condition, onwardFacilityCode: input.onwardFacilityCode, deadlineAt, reportedBy: actor().id });
      await auditInTx(tx, { action: 'facility.emergency.report', entityType: 'emergency_report', entityId: String(id), details: { facilityCode: code, onTime: t <= deadlineAt } });
      await notify(tx, { role: 'sjp' }, {
        kind: 'facility.emergency_report',
        title: `Laporan gawat darurat dari fasilitas non-PKS${t > deadlineAt ? ' (terlambat)' : ''}`,
        link: '/gawat-darurat-non-pks',
        entityType: 'emergency_report',
        entityId: String(id),
      });
      return id;
    });
    return emergencyView((await repo.listEmergencies(db, code)).find((e) => Number(e.id) === id)!);
  }

  /** Office users see all reports; a facility only its own. Reading NIKs is audited. */
  async function emergencies() {
    const scope = actor().facilityCode;
    const rows = await repo.listEmergencies(db, scope);
    await deps.audit.record({ action: 'facility.emergency.list', entityType: 'emergency_report', details: { count: rows.length, ids: rows.slice(0, 50).map((r) => Number(r.id)) } });
    return rows.map(emergencyView);
  }

  return {
    isPartner,
    requirePartner,
    list,
    get,
    createAgreement,
    agreements,
    agreementDocumentId,
    expiring,
    terminate,
    impose,
    reportBeds,
    latestBeds,
    board,
    ownBedHistory,
    submitMonthly,
    ownMonthly,
    monthlyOverview,
    reportEmergency,
    emergencies,
  };
}

export type FacilityService = ReturnType<typeof createFacilityService>;

function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
