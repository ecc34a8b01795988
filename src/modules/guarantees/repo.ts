import type { Queryable } from '../../platform/db/index.js';
import { nextYearlySeq } from '../../platform/db/counter.js';
import { pageOf } from '../../platform/db/page.js';
import { scopeFacility, type Scope } from '../../platform/http/actor.js';
import { instantOf } from '../../platform/schemas.js';
import type { CareType, LatePolicy } from './labels.js';
import type { SjpBasis } from './rules/checklist.js';
import type { SjpStatus } from './rules/status.js';

export interface SjpRow {
  id: number;
  tracking_code: string;
  number: string | null;
  nik: string | null;
  patient_name: string;
  facility_code: string;
  facility_name: string;
  care_type: CareType;
  admitted_at: Date;
  admission_date: string;
  diagnosis_code: string;
  diagnosis_text: string | null;
  care_class: string;
  basis: SjpBasis;
  eligibility_basis: string | null;
  referral_id: number | null;
  birth_id: number | null;
  mother_nik: string | null;
  origin: 'FACILITY' | 'OFFICE';
  status: SjpStatus;
  due_at: Date;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  late_hours: string | null;
  missing: string[];
  completion_note: string | null;
  reject_code: string | null;
  reject_note: string | null;
  cancel_reason: string | null;
  valid_from: string | null;
  valid_to: string | null;
  decided_at: Date | null;
  decider_name: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLS = `r.id, r.tracking_code, r.number, r.nik, r.patient_name, r.facility_code, f.name AS facility_name, r.care_type, r.admitted_at,
  to_char(r.admission_date, 'YYYY-MM-DD') AS admission_date, r.diagnosis_code, r.diagnosis_text, r.care_class, r.basis, r.eligibility_basis,
  r.referral_id, r.birth_id, r.mother_nik, r.origin, r.status, r.due_at, r.first_submitted_at, r.submitted_at, r.late_hours::text AS late_hours,
  r.missing, r.completion_note, r.reject_code, r.reject_note, r.cancel_reason, to_char(r.valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(r.valid_to, 'YYYY-MM-DD') AS valid_to, r.decided_at, r.decider_name, r.created_at, r.updated_at`;
const FROM = `sjp_request r JOIN facility f ON f.code = r.facility_code`;

export async function facilityName(q: Queryable, code: string): Promise<string | null> {
  const r = await q.query<{ name: string }>('SELECT name FROM facility WHERE code = $1', [code]);
  return r.rows[0]?.name ?? null;
}

export async function latePolicyOn(
  q: Queryable,
  date: string,
): Promise<{ policy: 'ACCEPT' | 'REFUSE'; effectiveFrom: string | null }> {
  const r = await q.query<{ late_policy: 'ACCEPT' | 'REFUSE'; effective_from: string }>(
    `SELECT late_policy, to_char(effective_from, 'YYYY-MM-DD') AS effective_from FROM sjp_setting
      WHERE effective_from <= $1::date ORDER BY effective_from DESC LIMIT 1`,
    [date],
  );
  const row = r.rows[0];
  return row
    ? { policy: row.late_policy, effectiveFrom: row.effective_from }
    : { policy: 'ACCEPT', effectiveFrom: null };
}

export async function listSettings(q: Queryable) {
  const r = await q.query<{ id: number; effective_from: string; late_policy: string; note: string; created_at: Date }>(
    `SELECT id, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, late_policy, note, created_at FROM sjp_setting ORDER BY effective_from`,
  );
  return r.rows.map((s) => ({
    id: Number(s.id),
    effectiveFrom: s.effective_from,
    latePolicy: s.late_policy as LatePolicy,
    note: s.note,
    createdAt: instantOf(s.created_at),
  }));
}

export async function insertSetting(
  q: Queryable,
  s: { effectiveFrom: string; latePolicy: string; note: string; createdBy: number | null },
) {
  const r = await q.query<{ id: number }>(
    `INSERT INTO sjp_setting (effective_from, late_policy, note, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (effective_from) DO NOTHING RETURNING id`,
    [s.effectiveFrom, s.latePolicy, s.note, s.createdBy],
  );
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

export interface NewRequest {
  trackingCode: string;
  nik: string | null;
  patientName: string;
  facilityCode: string;
  careType: CareType;
  admittedAt: Date;
  admissionDate: string;
  diagnosisCode: string;
  diagnosisText: string | null;
  basis: SjpBasis;
  eligibilityBasis: string | null;
  referralId: number | null;
  birthId: number | null;
  motherNik: string | null;
  origin: 'FACILITY' | 'OFFICE';
  dueAt: Date;
  costCutoffAt: Date | null;
  createdBy: number | null;
}

/** Inserts a draft; null when an open request for the same care already exists. */
export async function insert(q: Queryable, n: NewRequest): Promise<number | null> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO sjp_request (tracking_code, nik, patient_name, facility_code, care_type, admitted_at, admission_date, diagnosis_code,
                              diagnosis_text, basis, eligibility_basis, referral_id, birth_id, mother_nik, origin, status, due_at, created_by, cost_cutoff_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'DRAFT', $16, $17, $18)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      n.trackingCode,
      n.nik,
      n.patientName,
      n.facilityCode,
      n.careType,
      n.admittedAt,
      n.admissionDate,
      n.diagnosisCode,
      n.diagnosisText,
      n.basis,
      n.eligibilityBasis,
      n.referralId,
      n.birthId,
      n.motherNik,
      n.origin,
      n.dueAt,
      n.createdBy,
      n.costCutoffAt,
    ],
  );
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

/** Who decided the request (the letter's signer), by user id. */
export async function deciderId(q: Queryable, id: number): Promise<number | null> {
  const r = await q.query<{ decided_by: number | null }>('SELECT decided_by FROM sjp_request WHERE id = $1', [id]);
  return r.rows[0]?.decided_by == null ? null : Number(r.rows[0].decided_by);
}

/** The open request that a new one collides with (the `sjp_request_open_once` index), for the duplicate error to link to. */
export async function openDuplicate(
  q: Queryable,
  k: { nik: string | null; birthId: number | null; facilityCode: string; careType: string; admissionDate: string },
): Promise<{ id: number; trackingCode: string } | null> {
  const r = await q.query<{ id: number; tracking_code: string }>(
    `SELECT id, tracking_code FROM sjp_request
      WHERE coalesce(nik, 'B' || birth_id::text) = coalesce($1::text, 'B' || $2::text) AND facility_code = $3 AND care_type = $4
        AND admission_date = $5::date AND status IN ('DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION')`,
    [k.nik, k.birthId, k.facilityCode, k.careType, k.admissionDate],
  );
  return r.rows[0] ? { id: Number(r.rows[0].id), trackingCode: r.rows[0].tracking_code } : null;
}

/** One request within `scope` (facility staff: their facility's requests only). `lock` takes a row lock for a change. */
export async function get(q: Queryable, id: number, scope: Scope, lock = false): Promise<SjpRow | null> {
  const r = await q.query<SjpRow>(
    `SELECT ${COLS} FROM ${FROM} WHERE r.id = $1 AND ($2::text IS NULL OR r.facility_code = $2)${lock ? ' FOR UPDATE OF r' : ''}`,
    [id, scopeFacility(scope)],
  );
  return r.rows[0] ?? null;
}

export async function byCode(q: Queryable, code: string): Promise<SjpRow | null> {
  const r = await q.query<SjpRow>(`SELECT ${COLS} FROM ${FROM} WHERE r.tracking_code = $1`, [code]);
  return r.rows[0] ?? null;
}

export async function list(
  q: Queryable,
  f: { scope: Scope; statuses: string[] | null; search: string | null; limit: number; offset: number },
): Promise<{ rows: SjpRow[]; total: number }> {
  const where = `($1::text IS NULL OR r.facility_code = $1) AND ($2::text[] IS NULL OR r.status = ANY($2::text[]))
    AND ($3::text IS NULL OR r.nik = $3 OR r.number = $3 OR r.tracking_code = $3 OR r.patient_name LIKE $3 || '%')`;
  return pageOf<SjpRow>(q, {
    select: COLS,
    from: FROM,
    countFrom: 'sjp_request r',
    where,
    params: [scopeFacility(f.scope), f.statuses, f.search],
    orderBy: 'r.updated_at DESC, r.id DESC',
    limit: f.limit,
    offset: f.offset,
  });
}

/** Every open request within `scope` (the officer's queues are computed from these). */
export async function open(q: Queryable, scope: Scope): Promise<SjpRow[]> {
  const r = await q.query<SjpRow>(
    `SELECT ${COLS} FROM ${FROM} WHERE r.status IN ('DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION') AND ($1::text IS NULL OR r.facility_code = $1)
      ORDER BY r.due_at, r.id`,
    [scopeFacility(scope)],
  );
  return r.rows;
}

/** The documents attached to a request, oldest first (their names and types come from the document store). */
export async function documents(q: Queryable, id: number) {
  const r = await q.query<{ requirement: string; document_id: number; added_at: Date }>(
    `SELECT requirement, document_id, added_at FROM sjp_document WHERE request_id = $1 ORDER BY added_at, document_id`,
    [id],
  );
  return r.rows.map((x) => ({ requirement: x.requirement, documentId: Number(x.document_id), addedAt: x.added_at }));
}

export async function attach(q: Queryable, id: number, docs: readonly { requirement: string; documentId: number }[]) {
  for (const d of docs) {
    await q.query(
      'INSERT INTO sjp_document (request_id, requirement, document_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [id, d.requirement, d.documentId],
    );
  }
}

export async function events(q: Queryable, id: number) {
  const r = await q.query<{ at: Date; status: string; note: string | null; actor_name: string | null }>(
    'SELECT at, status, note, actor_name FROM sjp_event WHERE request_id = $1 ORDER BY id',
    [id],
  );
  return r.rows.map((e) => ({ at: e.at, status: e.status, note: e.note, actor: e.actor_name }));
}

export async function addEvent(q: Queryable, id: number, status: string, note: string | null, actor: string | null) {
  await q.query('INSERT INTO sjp_event (request_id, status, note, actor_name) VALUES ($1, $2, $3, $4)', [
    id,
    status,
    note,
    actor,
  ]);
}

/** Sets columns of a request (names are fixed by the caller, never user input) and touches updated_at. */
export async function update(q: Queryable, id: number, set: Record<string, unknown>) {
  const keys = Object.keys(set);
  const assign = [...keys.map((k, i) => `${k} = $${i + 2}`), 'updated_at = now()'].join(', ');
  await q.query(`UPDATE sjp_request SET ${assign} WHERE id = $1`, [id, ...keys.map((k) => set[k])]);
}

/** The next letter number of the year, counted in the approving transaction (no gaps). */
export const nextSeq = (q: Queryable, year: number) => nextYearlySeq(q, 'sjp_counter', year);

/** Approved letters whose validity ended before `today` become expired; returns their ids. */
export async function expire(q: Queryable, today: string): Promise<number[]> {
  const r = await q.query<{ id: number }>(
    `UPDATE sjp_request SET status = 'EXPIRED', updated_at = now() WHERE status = 'APPROVED' AND valid_to < $1::date RETURNING id`,
    [today],
  );
  return r.rows.map((x) => Number(x.id));
}
