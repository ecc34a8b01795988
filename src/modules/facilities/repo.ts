import type { Queryable } from '../../platform/db/index.js';
import { scopeFacility, type Scope } from '../../platform/http/actor.js';
import type { FacilityRecord } from './rules/registry-row.js';

/** SQL for the facility registry, agreements, bed board, monthly reports, sanctions and emergency reports. */

export interface FacilityRow {
  code: string;
  name: string;
  level: 'PPK1' | 'PPK2';
  kind: string | null;
  class: string | null;
  ownership: string | null;
  location: string | null;
  is_rsud: boolean;
  village_code: string | null;
  address: string | null;
  phone: string | null;
  partner: boolean;
}

export interface AgreementRow {
  id: string;
  facility_code: string;
  facility_name: string;
  number: string;
  valid_from: string;
  valid_to: string;
  services: string[];
  status: 'ACTIVE' | 'TERMINATED';
  terminated_on: string | null;
  termination_reason: string | null;
  document_id: string | null;
  created_at: Date;
}

const d = (c: string) => `to_char(${c}, 'YYYY-MM-DD')`;

/**
 * "Agreement in force" is owned here, in SQL by facility_agreements_in_force (migration 0024, kept equal to
 * rules/agreement.ts inForce). PARTNER(code, param): facility `code` has an agreement in force on date `param`.
 */
const PARTNER = (code: string, param: string) =>
  `EXISTS (SELECT 1 FROM facility_agreements_in_force(${param}::date) a WHERE a.facility_code = ${code})`;

export async function upsertFacilities(q: Queryable, rows: FacilityRecord[]): Promise<void> {
  const col = <K extends keyof FacilityRecord>(k: K) => rows.map((r) => r[k]);
  await q.query(
    `INSERT INTO facility (code, name, level, kind, class, ownership, location, is_rsud, village_code, address, phone)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[], $10::text[], $11::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, kind = EXCLUDED.kind, class = EXCLUDED.class,
       ownership = EXCLUDED.ownership, location = EXCLUDED.location, is_rsud = EXCLUDED.is_rsud,
       village_code = EXCLUDED.village_code, address = EXCLUDED.address, phone = EXCLUDED.phone`,
    [
      col('code'),
      col('name'),
      col('level'),
      col('kind'),
      col('class'),
      col('ownership'),
      col('location'),
      col('isRsud'),
      col('villageCode'),
      col('address'),
      col('phone'),
    ],
  );
}

export interface FacilityFilter {
  kind?: string;
  class?: string;
  location?: string;
  partner?: boolean;
  q?: string;
}

export async function listFacilities(q: Queryable, date: string, f: FacilityFilter): Promise<FacilityRow[]> {
  const where: string[] = [];
  const params: unknown[] = [date];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.kind) add('f.kind = ?', f.kind);
  if (f.class) add('f.class = ?', f.class);
  if (f.location) add('f.location = ?', f.location);
  if (f.q) add(`(f.name || ' ' || f.code) ILIKE ?`, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const r = await q.query<FacilityRow>(
    `SELECT * FROM (
       SELECT f.code, f.name, f.level, f.kind, f.class, f.ownership, f.location, f.is_rsud, f.village_code, f.address, f.phone,
              ${PARTNER('f.code', '$1')} AS partner
       FROM facility f ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ) x ${f.partner === undefined ? '' : `WHERE x.partner = ${f.partner ? 'true' : 'false'}`}
     ORDER BY x.level DESC, x.name, x.code`,
    params,
  );
  return r.rows;
}

export async function getFacility(q: Queryable, code: string, date: string): Promise<FacilityRow | null> {
  const r = await q.query<FacilityRow>(
    `SELECT f.code, f.name, f.level, f.kind, f.class, f.ownership, f.location, f.is_rsud, f.village_code, f.address, f.phone,
            ${PARTNER('f.code', '$2')} AS partner
     FROM facility f WHERE f.code = $1`,
    [code, date],
  );
  return r.rows[0] ?? null;
}

const AGREEMENT_COLS = `a.id, a.facility_code, f.name AS facility_name, a.number, ${d('a.valid_from')} AS valid_from, ${d('a.valid_to')} AS valid_to,
  a.services, a.status, ${d('a.terminated_on')} AS terminated_on, a.termination_reason, a.document_id, a.created_at`;

export async function agreementsOf(q: Queryable, code: string): Promise<AgreementRow[]> {
  const r = await q.query<AgreementRow>(
    `SELECT ${AGREEMENT_COLS} FROM facility_agreement a JOIN facility f ON f.code = a.facility_code
     WHERE a.facility_code = $1 ORDER BY a.valid_from DESC, a.id DESC`,
    [code],
  );
  return r.rows;
}

export async function getAgreement(q: Queryable, id: number, forUpdate = false): Promise<AgreementRow | null> {
  const r = await q.query<AgreementRow>(
    `SELECT ${AGREEMENT_COLS} FROM facility_agreement a JOIN facility f ON f.code = a.facility_code WHERE a.id = $1${forUpdate ? ' FOR UPDATE OF a' : ''}`,
    [id],
  );
  return r.rows[0] ?? null;
}

export async function expiringAgreements(q: Queryable, today: string, horizon: string): Promise<AgreementRow[]> {
  const r = await q.query<AgreementRow>(
    `SELECT ${AGREEMENT_COLS} FROM facility_agreements_in_force($1::date) i JOIN facility_agreement a ON a.id = i.id
       JOIN facility f ON f.code = a.facility_code
     WHERE a.terminated_on IS NULL AND a.valid_to <= $2::date
       -- a renewal already signed that starts by the day after the end means the facility stays covered
       AND NOT EXISTS (SELECT 1 FROM facility_agreement n WHERE n.facility_code = a.facility_code AND n.id <> a.id
                       AND n.status = 'ACTIVE' AND n.valid_from <= a.valid_to + 1 AND n.valid_to > a.valid_to)
     ORDER BY a.valid_to, f.name`,
    [today, horizon],
  );
  return r.rows;
}

/** An agreement in force on a date: what another module may know of it. */
export interface AgreementInForce {
  id: string;
  number: string;
  services: string[];
  validFrom: string;
  validTo: string;
}

/** The agreements of facility `code` in force on `date`, the latest ending first. */
export async function agreementsInForce(q: Queryable, code: string, date: string): Promise<AgreementInForce[]> {
  const r = await q.query<AgreementInForce>(
    `SELECT a.id, a.number, a.services, ${d('a.valid_from')} AS "validFrom", ${d('a.valid_to')} AS "validTo"
     FROM facility_agreements_in_force($2::date) a WHERE a.facility_code = $1 ORDER BY a.valid_to DESC, a.id DESC`,
    [code, date],
  );
  return r.rows;
}

/** The number of the agreement of `code` in force on `date` that covers one of `services` (the latest ending), or null. */
export async function agreementCovering(
  q: Queryable,
  code: string,
  date: string,
  services: readonly string[],
): Promise<string | null> {
  const r = await q.query<{ number: string }>(
    `SELECT a.number FROM facility_agreements_in_force($2::date) a
     WHERE a.facility_code = $1 AND a.services && $3::text[] ORDER BY a.valid_to DESC LIMIT 1`,
    [code, date, services],
  );
  return r.rows[0]?.number ?? null;
}

export async function insertAgreement(
  q: Queryable,
  a: {
    facilityCode: string;
    number: string;
    validFrom: string;
    validTo: string;
    services: string[];
    documentId: number | null;
    createdBy: number | null;
  },
): Promise<number | null> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO facility_agreement (facility_code, number, valid_from, valid_to, services, status, document_id, created_by)
     VALUES ($1, $2, $3, $4, $5::text[], 'ACTIVE', $6, $7) ON CONFLICT (number) DO NOTHING RETURNING id`,
    [a.facilityCode, a.number, a.validFrom, a.validTo, a.services, a.documentId, a.createdBy],
  );
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

export async function overlapping(q: Queryable, code: string, from: string, to: string): Promise<string | null> {
  const r = await q.query<{ number: string }>(
    `SELECT number FROM facility_agreement WHERE facility_code = $1 AND status = 'ACTIVE'
       AND valid_from <= $3::date AND valid_to >= $2::date LIMIT 1`,
    [code, from, to],
  );
  return r.rows[0]?.number ?? null;
}

export async function terminateAgreement(q: Queryable, id: number, on: string, reason: string): Promise<void> {
  await q.query(
    `UPDATE facility_agreement SET status = 'TERMINATED', terminated_on = $2, termination_reason = $3 WHERE id = $1`,
    [id, on, reason],
  );
}

/* ---------- bed board ---------- */

export interface BedRow {
  facility_code: string;
  facility_name: string;
  class: string | null;
  location: string | null;
  village_code: string | null;
  is_rsud: boolean;
  reported_at: Date | null;
  class3_total: number | null;
  class3_available: number | null;
  above_class_patients: number | null;
}

export async function insertBedReport(
  q: Queryable,
  b: {
    facilityCode: string;
    class3Total: number;
    class3Available: number;
    aboveClassPatients: number;
    reportedBy: number | null;
    at?: Date;
  },
): Promise<number> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO bed_report (facility_code, class3_total, class3_available, above_class_patients, reported_by, reported_at)
     VALUES ($1, $2, $3, $4, $5, COALESCE($6::timestamptz, now())) RETURNING id`,
    [b.facilityCode, b.class3Total, b.class3Available, b.aboveClassPatients, b.reportedBy, b.at ?? null],
  );
  return Number(r.rows[0]!.id);
}

/** Partner hospitals (agreement in force on `date`) with their latest bed report, if any. */
export async function bedBoard(
  q: Queryable,
  date: string,
  f: { location?: string; codes?: string[] },
): Promise<BedRow[]> {
  const params: unknown[] = [date];
  const where = [`f.level = 'PPK2'`, PARTNER('f.code', '$1')];
  if (f.location) {
    params.push(f.location);
    where.push(`f.location = $${params.length}`);
  }
  if (f.codes) {
    params.push(f.codes);
    where.push(`f.code = ANY($${params.length}::text[])`);
  }
  const r = await q.query<BedRow>(
    `SELECT f.code AS facility_code, f.name AS facility_name, f.class, f.location, f.village_code, f.is_rsud,
            b.reported_at, b.class3_total, b.class3_available, b.above_class_patients
     FROM facility f
     LEFT JOIN LATERAL (SELECT * FROM bed_report b WHERE b.facility_code = f.code ORDER BY b.reported_at DESC, b.id DESC LIMIT 1) b ON true
     WHERE ${where.join(' AND ')}
     ORDER BY f.name`,
    params,
  );
  return r.rows;
}

export async function bedHistory(q: Queryable, code: string, limit = 20) {
  const r = await q.query<{
    id: string;
    reported_at: Date;
    class3_total: number;
    class3_available: number;
    above_class_patients: number;
  }>(
    `SELECT id, reported_at, class3_total, class3_available, above_class_patients FROM bed_report WHERE facility_code = $1
     ORDER BY reported_at DESC, id DESC LIMIT $2`,
    [code, limit],
  );
  return r.rows;
}

/* ---------- monthly reports ---------- */

export interface MonthlyRow {
  id: string;
  facility_code: string;
  period: string;
  outpatient_visits: number;
  inpatient_admissions: number;
  class3_patient_days: number;
  referrals_received: number;
  referrals_back: number;
  deaths: number;
  submitted_at: Date;
  submitted_on: string;
}

const MONTHLY_COLS = `m.id, m.facility_code, m.period, m.outpatient_visits, m.inpatient_admissions, m.class3_patient_days,
  m.referrals_received, m.referrals_back, m.deaths, m.submitted_at, to_char(m.submitted_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS submitted_on`;

/** A hospital's monthly report: the month and its figures. */
export interface MonthlyFigures {
  period: string;
  outpatientVisits: number;
  inpatientAdmissions: number;
  class3PatientDays: number;
  referralsReceived: number;
  referralsBack: number;
  deaths: number;
}

export async function insertMonthly(
  q: Queryable,
  m: MonthlyFigures & { facilityCode: string; submittedBy: number | null; at?: Date },
): Promise<number | null> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO monthly_report (facility_code, period, outpatient_visits, inpatient_admissions, class3_patient_days, referrals_received,
       referrals_back, deaths, submitted_by, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10::timestamptz, now()))
     ON CONFLICT (facility_code, period) DO NOTHING RETURNING id`,
    [
      m.facilityCode,
      m.period,
      m.outpatientVisits,
      m.inpatientAdmissions,
      m.class3PatientDays,
      m.referralsReceived,
      m.referralsBack,
      m.deaths,
      m.submittedBy,
      m.at ?? null,
    ],
  );
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

export async function monthlyOf(q: Queryable, code: string): Promise<MonthlyRow[]> {
  const r = await q.query<MonthlyRow>(
    `SELECT ${MONTHLY_COLS} FROM monthly_report m WHERE m.facility_code = $1 ORDER BY m.period DESC LIMIT 36`,
    [code],
  );
  return r.rows;
}

/** Every partner hospital in `period` with its report for that month, if filed. */
export async function monthlyForPeriod(q: Queryable, period: string, lastDay: string) {
  const r = await q.query<{ code: string; name: string; report: MonthlyRow | null }>(
    `SELECT f.code, f.name,
       (SELECT row_to_json(x) FROM (SELECT ${MONTHLY_COLS} FROM monthly_report m WHERE m.facility_code = f.code AND m.period = $1) x) AS report
     FROM facility f
     WHERE f.level = 'PPK2'
       AND EXISTS (SELECT 1 FROM facility_agreements_in_force(($1 || '-01')::date, $2::date) a WHERE a.facility_code = f.code)
     ORDER BY f.name`,
    [period, lastDay],
  );
  return r.rows;
}

/* ---------- sanctions ---------- */

export interface SanctionRow {
  id: string;
  facility_code: string;
  kind: string;
  imposed_on: string;
  basis: string;
  document_id: string | null;
  agreement_id: string | null;
  created_at: Date;
}

export async function insertSanction(
  q: Queryable,
  s: {
    facilityCode: string;
    kind: string;
    imposedOn: string;
    basis: string;
    documentId: number | null;
    agreementId: number | null;
    createdBy: number | null;
  },
): Promise<number> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO facility_sanction (facility_code, kind, imposed_on, basis, document_id, agreement_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [s.facilityCode, s.kind, s.imposedOn, s.basis, s.documentId, s.agreementId, s.createdBy],
  );
  return Number(r.rows[0]!.id);
}

export async function sanctionsOf(q: Queryable, code: string): Promise<SanctionRow[]> {
  const r = await q.query<SanctionRow>(
    `SELECT id, facility_code, kind, ${d('imposed_on')} AS imposed_on, basis, document_id, agreement_id, created_at
     FROM facility_sanction WHERE facility_code = $1 ORDER BY imposed_on DESC, id DESC`,
    [code],
  );
  return r.rows;
}

/* ---------- emergency reports ---------- */

export interface EmergencyRow {
  id: string;
  facility_code: string;
  facility_name: string;
  nik: string;
  admitted_at: Date;
  condition: string;
  onward_facility_code: string | null;
  onward_facility_name: string | null;
  deadline_at: Date;
  reported_at: Date;
  eligible: boolean | null;
  eligibility_basis: string | null;
  eligibility_reasons: { code: string; severity: 'BLOCK' | 'WARN' | 'INFO'; message: string }[] | string | null;
}

export async function insertEmergency(
  q: Queryable,
  e: {
    facilityCode: string;
    nik: string;
    admittedAt: Date;
    condition: string;
    onwardFacilityCode: string | null;
    deadlineAt: Date;
    reportedBy: number | null;
    coverage: { eligible: boolean; basis: string | null; reasons: unknown[] };
  },
): Promise<number> {
  const r = await q.query<{ id: string }>(
    `INSERT INTO emergency_report (facility_code, nik, admitted_at, condition, onward_facility_code, deadline_at, reported_by,
                                   eligible, eligibility_basis, eligibility_reasons)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) RETURNING id`,
    [
      e.facilityCode,
      e.nik,
      e.admittedAt,
      e.condition,
      e.onwardFacilityCode,
      e.deadlineAt,
      e.reportedBy,
      e.coverage.eligible,
      e.coverage.basis,
      JSON.stringify(e.coverage.reasons),
    ],
  );
  return Number(r.rows[0]!.id);
}

/** Emergency reports, newest first; a facility's scope sees its own only. */
export async function listEmergencies(q: Queryable, scope: Scope, limit = 200): Promise<EmergencyRow[]> {
  const r = await q.query<EmergencyRow>(
    `SELECT e.id, e.facility_code, f.name AS facility_name, e.nik, e.admitted_at, e.condition, e.onward_facility_code,
            o.name AS onward_facility_name, e.deadline_at, e.reported_at, e.eligible, e.eligibility_basis, e.eligibility_reasons
     FROM emergency_report e JOIN facility f ON f.code = e.facility_code LEFT JOIN facility o ON o.code = e.onward_facility_code
     WHERE ($1::text IS NULL OR e.facility_code = $1) ORDER BY e.reported_at DESC, e.id DESC LIMIT $2`,
    [scopeFacility(scope), limit],
  );
  return r.rows;
}
