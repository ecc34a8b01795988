import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import {
  addDays,
  jakartaDate,
  todayJakarta,
  type CalendarService,
  type IsoDate,
} from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, invalid, ruleRefusal } from '../../platform/http/errors.js';
import { notify } from '../../platform/notifications/notifications.js';
import type { EligibilityAnswer } from '../membership/index.js';
import { authorId, requireActor, requireOwnFacility, requireScope } from '../../platform/http/actor.js';
import type { BedBoardQuery, BedReportInput, EmergencyInput, EmergencyReport, MonthlyInput } from './schemas.js';

/** A reason of the eligibility answer kept with an emergency report (stored as jsonb). */
type CoverageReason = NonNullable<EmergencyReport['coverage']>['reasons'][number];
import * as repo from './repo.js';
import type { Service } from './rules/agreement.js';
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
 * What hospitals report to the office: class III beds (FAC-5), the month's
 * services (FAC-6) and emergencies treated without an agreement (FAC-4). A
 * facility files and sees only its own reports.
 */
export interface HospitalReportDeps {
  audit: AuditWriter;
  calendar: CalendarService;
  now: () => Date;
  isPartner: (code: string, date: IsoDate, service?: Service) => Promise<boolean>;
  requirePartner: (code: string, date: IsoDate, opts: { emergency: boolean; service?: Service }) => Promise<void>;
  /** The patient's coverage on the admission date (an audited read). */
  eligibility: { check(nik: string, date?: string): Promise<EligibilityAnswer> };
}

/** The facility a facility user acts for; office users may not file a facility's reports. */
function ownFacility(): string {
  return requireOwnFacility('Hanya petugas fasilitas yang dapat melaporkan untuk fasilitasnya sendiri.');
}

export function createHospitalReports(db: Db, deps: HospitalReportDeps) {
  const { now, isPartner, requirePartner } = deps;

  /* ----- bed board (FAC-5) ----- */

  async function reportBeds(input: BedReportInput) {
    const code = ownFacility();
    const problems = checkBeds(input);
    if (problems.length) throw invalid('BEDS_INVALID', problems.join(' '), { problems });
    const id = await db.tx(async (tx) => {
      const id = await repo.insertBedReport(tx, { facilityCode: code, ...input, reportedBy: authorId(requireActor()) });
      await auditInTx(tx, {
        action: 'facility.beds.report',
        entityType: 'bed_report',
        entityId: String(id),
        details: { facilityCode: code },
      });
      return id;
    });
    return { id, ...(await latestBeds([code]))[0] };
  }

  /** Latest bed report of every partner hospital (optionally of the given codes); no report is shown as stale. */
  async function latestBeds(codes?: string[], f: { location?: string } = {}): Promise<BedBoardEntry[]> {
    const t = now();
    return (await repo.bedBoard(db, todayJakarta(t), { location: f.location, codes })).map((r) => bedView(r, t));
  }

  async function board(f: Partial<BedBoardQuery>) {
    const rows = await latestBeds(undefined, f);
    const sort = f.sort ?? 'available';
    if (sort === 'available')
      rows.sort(
        (a, b) =>
          Number(a.stale) - Number(b.stale) ||
          (b.class3Available ?? -1) - (a.class3Available ?? -1) ||
          a.facilityName.localeCompare(b.facilityName),
      );
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

  async function submitMonthly(input: MonthlyInput) {
    const code = ownFacility();
    const today = todayJakarta(now());
    if (!isPeriod(input.period)) throw invalid('MONTHLY_INVALID', 'Bulan laporan harus berformat YYYY-MM.');
    if (!periodEnded(input.period, today))
      throw ruleRefusal(
        'MONTH_NOT_ENDED',
        `Laporan bulan ${input.period} baru dapat dikirim setelah bulan itu berakhir.`,
      );
    const id = await db.tx(async (tx) => {
      const id = await repo.insertMonthly(tx, { facilityCode: code, ...input, submittedBy: authorId(requireActor()) });
      if (id === null) throw conflict('MONTHLY_DUPLICATE', `Laporan bulan ${input.period} sudah dikirim.`);
      await auditInTx(tx, {
        action: 'facility.monthly.submit',
        entityType: 'monthly_report',
        entityId: String(id),
        details: { facilityCode: code, period: input.period },
      });
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
      // The patient's coverage on the admission date, decided when the report was filed; null: filed before this was recorded.
      coverage:
        e.eligible === null
          ? null
          : {
              eligible: e.eligible,
              basis: e.eligibility_basis,
              reasons: (typeof e.eligibility_reasons === 'string'
                ? JSON.parse(e.eligibility_reasons)
                : (e.eligibility_reasons ?? [])) as CoverageReason[],
            },
    };
  }

  async function reportEmergency(input: EmergencyInput) {
    const code = ownFacility();
    const t = now();
    const admittedAt = new Date(input.admittedAt);
    if (Number.isNaN(admittedAt.getTime()))
      throw invalid('EMERGENCY_INVALID', 'Waktu masuk tidak valid (ISO 8601, mis. 2026-03-02T21:30:00+07:00).');
    if (admittedAt.getTime() > t.getTime() + 5 * 60_000)
      throw invalid('EMERGENCY_INVALID', 'Waktu masuk tidak boleh di masa depan.');
    const condition = input.condition.trim();
    if (condition.length < 3)
      throw invalid('EMERGENCY_INVALID', 'Kondisi pasien wajib diisi (paling sedikit 3 karakter).');
    const admittedOn = jakartaDate(admittedAt);
    if (await isPartner(code, admittedOn)) {
      throw ruleRefusal(
        'FACILITY_IS_PARTNER',
        'Fasilitas Anda memiliki PKS yang berlaku; gunakan alur SJP gawat darurat, bukan laporan fasilitas non-PKS.',
      );
    }
    if (input.onwardFacilityCode) {
      if (input.onwardFacilityCode === code)
        throw invalid('EMERGENCY_INVALID', 'Fasilitas rujukan lanjutan harus fasilitas lain yang memiliki PKS.');
      await requirePartner(input.onwardFacilityCode, todayJakarta(t), { emergency: false });
    }
    const deadlineAt = await deps.calendar.deadline(admittedAt, EMERGENCY_REPORT_WORKING_HOURS);
    // FAC-4 is about members. A non-member's report is still taken (the patient was treated and the
    // facility may not know), but it says so, for the facility and for the office.
    const cover = await deps.eligibility.check(input.nik, admittedOn);
    const coverage = { eligible: cover.eligible, basis: cover.basis, reasons: cover.reasons };
    const id = await db.tx(async (tx) => {
      const id = await repo.insertEmergency(tx, {
        facilityCode: code,
        nik: input.nik,
        admittedAt,
        condition,
        onwardFacilityCode: input.onwardFacilityCode,
        deadlineAt,
        reportedBy: authorId(requireActor()),
        coverage,
      });
      await auditInTx(tx, {
        action: 'facility.emergency.report',
        entityType: 'emergency_report',
        entityId: String(id),
        details: { facilityCode: code, onTime: t <= deadlineAt, eligible: cover.eligible },
      });
      await notify(
        tx,
        { role: 'sjp' },
        {
          kind: 'facility.emergency_report',
          title: `Laporan gawat darurat dari fasilitas non-PKS${t > deadlineAt ? ' (terlambat)' : ''}${cover.eligible ? '' : ' — pasien bukan peserta'}`,
          link: '/gawat-darurat-non-pks',
          entityType: 'emergency_report',
          entityId: String(id),
        },
      );
      return id;
    });
    return emergencyView((await repo.listEmergencies(db, { facility: code })).find((e) => Number(e.id) === id)!);
  }

  /** Office users see all reports; a facility only its own. Reading NIKs is audited. */
  async function emergencies() {
    const rows = await repo.listEmergencies(db, requireScope());
    await deps.audit.record({
      action: 'facility.emergency.list',
      entityType: 'emergency_report',
      details: { count: rows.length, ids: rows.slice(0, 50).map((r) => Number(r.id)) },
    });
    return rows.map(emergencyView);
  }

  return {
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
