import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import { addDays, todayJakarta, type CalendarService, type IsoDate } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/index.js';
import type { DocumentStore } from '../../platform/documents/store.js';
import { conflict, invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import { notify } from '../../platform/notifications/notifications.js';
import { authorId, requireActor, requireScope } from '../../platform/http/actor.js';
import type { Readable } from 'node:stream';
import { problemsError } from './errors.js';
import { SANCTION_KINDS } from './labels.js';
import { loadFacilitiesText, updateFacilityDetails } from './registry.js';
import type { AgreementInput, DetailsInput, ListQuery, SanctionInput, TerminateInput } from './schemas.js';
import { createHospitalReports, type HospitalReportDeps } from './hospital-reports.js';
import * as repo from './repo.js';
import { checkNewAgreement, checkTermination, inForce, SERVICE_LABEL, type Service } from './rules/agreement.js';
import { BED_REPORT_STALE_HOURS, bedReportAgeHours } from './rules/deadlines.js';

export { SANCTION_KINDS };

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
    inForce: inForce(
      { validFrom: r.valid_from, validTo: r.valid_to, services: r.services, terminatedOn: r.terminated_on },
      today,
    ),
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

/**
 * Facilities and agreements (SPEC §5): the registry, cooperation agreements,
 * sanctions, the bed board, monthly service reports and emergency reports from
 * facilities without an agreement. Registry and agreements are visible to every
 * user with facility.read; a facility files and sees only its own reports.
 */
export function createFacilityService(
  db: Db,
  deps: {
    audit: AuditWriter;
    documents: DocumentStore;
    calendar: CalendarService;
    eligibility: HospitalReportDeps['eligibility'];
    now?: () => Date;
  },
) {
  const now = deps.now ?? (() => new Date());

  /* ----- partner status (used by referrals and SJP) ----- */

  /** Whether the facility has an agreement in force on `date` (covering `service`, when given). */
  async function isPartner(code: string, date: IsoDate, service?: Service): Promise<boolean> {
    const rows = await repo.agreementsInForce(db, code, date);
    return rows.some((a) => service === undefined || a.services.includes(service));
  }

  /** Refuses care at a non-partner facility unless it is an emergency (FAC-2, FAC-4). */
  async function requirePartner(
    code: string,
    date: IsoDate,
    opts: { emergency: boolean; service?: Service },
  ): Promise<void> {
    if (opts.emergency) return;
    if (await isPartner(code, date, opts.service)) return;
    const f = await repo.getFacility(db, code, date);
    const name = f?.name ?? code;
    throw ruleRefusal(
      'NO_AGREEMENT',
      opts.service
        ? `${name} tidak memiliki PKS yang berlaku pada ${date} untuk layanan ${SERVICE_LABEL[opts.service].toLowerCase()}; layanan di sana tidak dijamin kecuali gawat darurat.`
        : `${name} tidak memiliki PKS yang berlaku pada ${date}; layanan di sana tidak dijamin kecuali gawat darurat.`,
      { facilityCode: code, date, service: opts.service ?? null },
    );
  }

  /* ----- registry ----- */

  async function list(f: ListQuery) {
    return (await repo.listFacilities(db, todayJakarta(now()), f)).map(facilityView);
  }

  async function get(code: string) {
    const today = todayJakarta(now());
    const f = await repo.getFacility(db, code, today);
    if (!f) throw notFound('FACILITY_NOT_FOUND', `Fasilitas ${code} tidak terdaftar.`);
    // Sanctions are a matter between the office and that facility: another facility does not see them.
    const scope = requireScope();
    const [agreements, sanctions, beds] = await Promise.all([
      repo.agreementsOf(db, code),
      'all' in scope || scope.facility === code ? repo.sanctionsOf(db, code) : Promise.resolve([]),
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

  // Services as plain strings: checkNewAgreement refuses unknown ones, so callers besides the route (test
  // factories, the demo) need not know the list.
  async function createAgreement(code: string, input: Omit<AgreementInput, 'services'> & { services: string[] }) {
    const number = input.number.trim().replace(/\s+/g, ' ');
    const problems = checkNewAgreement({ ...input, number });
    if (problems.length) throw problemsError('AGREEMENT_INVALID', problems);
    if (!(await repo.getFacility(db, code, input.validFrom)))
      throw notFound('FACILITY_NOT_FOUND', `Fasilitas ${code} tidak terdaftar.`);
    await deps.documents.requireUsable([input.documentId]);
    const id = await db.tx(async (tx) => {
      const f = await repo.getFacility(tx, code, input.validFrom);
      if (!f) throw notFound('FACILITY_NOT_FOUND', `Fasilitas ${code} tidak terdaftar.`);
      const other = await repo.overlapping(tx, code, input.validFrom, input.validTo);
      if (other)
        throw conflict(
          'AGREEMENT_OVERLAP',
          `Masa berlaku bertumpang tindih dengan PKS ${other} yang masih aktif untuk fasilitas ini.`,
        );
      const id = await repo.insertAgreement(tx, {
        facilityCode: code,
        number,
        validFrom: input.validFrom,
        validTo: input.validTo,
        services: input.services,
        documentId: input.documentId,
        createdBy: authorId(requireActor()),
      });
      if (id === null) throw conflict('AGREEMENT_NUMBER_TAKEN', `Nomor PKS ${number} sudah dipakai.`);
      await auditInTx(tx, {
        action: 'facility.agreement.create',
        entityType: 'facility_agreement',
        entityId: String(id),
        details: { facilityCode: code },
      });
      return id;
    });
    return agreementView((await repo.getAgreement(db, id))!, todayJakarta(now()));
  }

  async function agreements(code: string) {
    const today = todayJakarta(now());
    if (!(await repo.getFacility(db, code, today)))
      throw notFound('FACILITY_NOT_FOUND', `Fasilitas ${code} tidak terdaftar.`);
    return (await repo.agreementsOf(db, code)).map((a) => agreementView(a, today));
  }

  async function agreementDocumentId(id: number): Promise<number> {
    const a = await repo.getAgreement(db, id);
    if (!a || a.document_id === null)
      throw notFound('AGREEMENT_NOT_FOUND', `PKS ${id} atau dokumennya tidak ditemukan.`);
    return Number(a.document_id);
  }

  /** The signed scan of agreement `id`, opened for download. */
  async function agreementDocument(id: number) {
    return deps.documents.open(await agreementDocumentId(id));
  }

  async function expiring(days = 60) {
    const today = todayJakarta(now());
    const rows = await repo.expiringAgreements(db, today, addDays(today, days));
    return rows.map((a) => ({ ...agreementView(a, today), daysLeft: daysBetween(today, a.valid_to) }));
  }

  async function terminate(id: number, input: TerminateInput) {
    const reason = input.reason.trim();
    if (reason.length < 3)
      throw invalid('TERMINATION_INVALID', 'Alasan pemutusan wajib diisi (paling sedikit 3 karakter).');
    await db.tx(async (tx) => {
      const a = await repo.getAgreement(tx, id, true);
      if (!a) throw notFound('AGREEMENT_NOT_FOUND', `PKS ${id} tidak ditemukan.`);
      const problems = checkTermination(
        {
          validFrom: a.valid_from,
          validTo: a.valid_to,
          services: a.services,
          terminatedOn: a.terminated_on,
          status: a.status,
        },
        input.terminatedOn,
      );
      if (problems.length) throw problemsError('TERMINATION_INVALID', problems);
      await repo.terminateAgreement(tx, id, input.terminatedOn, reason);
      await auditInTx(tx, {
        action: 'facility.agreement.terminate',
        entityType: 'facility_agreement',
        entityId: String(id),
        details: { terminatedOn: input.terminatedOn },
      });
      await notify(
        tx,
        { role: 'rumahsakit', facilityCode: a.facility_code },
        {
          kind: 'facility.agreement_terminated',
          title: `PKS ${a.number} diputus mulai ${input.terminatedOn}`,
          body: reason,
          link: `/fasilitas/${a.facility_code}`,
          entityType: 'facility_agreement',
          entityId: String(id),
        },
      );
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

  async function impose(code: string, input: SanctionInput) {
    if (!(SANCTION_KINDS as readonly string[]).includes(input.kind)) {
      throw invalid(
        'SANCTION_INVALID',
        `Jenis sanksi "${input.kind}" tidak dikenal. Pilihan: ${SANCTION_KINDS.join(', ')}.`,
      );
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
        if (live.length === 0)
          throw ruleRefusal(
            'NO_AGREEMENT',
            `${f.name} tidak memiliki PKS yang berlaku pada ${input.imposedOn}; tidak ada yang dapat diputus.`,
          );
        for (const a of live) {
          const row = (await repo.getAgreement(tx, Number(a.id), true))!;
          const problems = checkTermination(
            {
              validFrom: row.valid_from,
              validTo: row.valid_to,
              services: row.services,
              terminatedOn: row.terminated_on,
              status: row.status,
            },
            input.imposedOn,
          );
          if (problems.length) throw problemsError('TERMINATION_INVALID', problems);
          await repo.terminateAgreement(tx, Number(a.id), input.imposedOn, `Sanksi pemutusan: ${basis}`);
          agreementId = Number(a.id);
        }
      }
      const id = await repo.insertSanction(tx, {
        facilityCode: code,
        kind: input.kind,
        imposedOn: input.imposedOn,
        basis,
        documentId: input.documentId,
        agreementId,
        createdBy: authorId(requireActor()),
      });
      await auditInTx(tx, {
        action: 'facility.sanction.create',
        entityType: 'facility_sanction',
        entityId: String(id),
        details: { facilityCode: code, kind: input.kind, agreementId },
      });
      await notify(
        tx,
        { role: f.level === 'PPK2' ? 'rumahsakit' : 'puskesmas', facilityCode: code },
        {
          kind: 'facility.sanction',
          title: `Sanksi ${input.kind.replace(/_/g, ' ').toLowerCase()} per ${input.imposedOn}`,
          body: basis,
          link: `/fasilitas/${code}`,
          entityType: 'facility_sanction',
          entityId: String(id),
        },
      );
      return id;
    });
    return (await repo.sanctionsOf(db, code)).map(sanctionView).find((s) => s.id === id)!;
  }

  /* ----- registry file, details and the office's documents ----- */

  /** Loads facilities.csv (FAC-1): all rows or none; returns how many were loaded. */
  async function importCsv(csv: string) {
    return { loaded: await loadFacilitiesText(db, csv) };
  }

  /** Changes one facility's details under the rule of a facilities.csv row, then answers as `get` does. */
  async function updateDetails(code: string, input: DetailsInput) {
    await updateFacilityDetails(db, code, input);
    return get(code);
  }

  /** Stores a signed agreement or a sanction letter (PDF, JPEG, PNG) for a later agreement or sanction to cite. */
  async function saveDocument(file: Readable, fileName: string) {
    const doc = await deps.documents.save(file, fileName);
    return { id: doc.id, mediaType: doc.mediaType, sizeBytes: doc.sizeBytes, fileName: doc.fileName };
  }

  const reports = createHospitalReports(db, {
    audit: deps.audit,
    calendar: deps.calendar,
    eligibility: deps.eligibility,
    now,
    isPartner,
    requirePartner,
  });

  return {
    ...reports,
    isPartner,
    requirePartner,
    list,
    get,
    importCsv,
    updateDetails,
    saveDocument,
    createAgreement,
    agreements,
    agreementDocumentId,
    agreementDocument,
    expiring,
    terminate,
    impose,
  };
}

export type FacilityService = ReturnType<typeof createFacilityService>;

function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
