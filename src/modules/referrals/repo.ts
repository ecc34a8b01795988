import type { Queryable } from '../../platform/db/index.js';
import { nextYearlySeq } from '../../platform/db/counter.js';
import { lockKey } from '../../platform/db/types.js';
import { scopeFacility, type Scope } from '../../platform/http/actor.js';
import type { LocationCategory } from './rules/ranking.js';
import type { Kind, Status } from './rules/referral.js';

/**
 * SQL for referrals. Facility scoping lives here: every read of referrals takes a `Scope`, and a
 * facility's scope only ever sees referrals from or to itself.
 */

/** A partner on $1: the facilities module owns "agreement in force" (its SQL function, migration 0024). */
const IN_FORCE = `EXISTS (SELECT 1 FROM facility_agreements_in_force($1::date) a WHERE a.facility_code = f.code)`;

export interface FacilityInfo {
  code: string;
  name: string;
  level: 'PPK1' | 'PPK2';
  location: LocationCategory | null;
  villageCode: string | null;
  address: string | null;
  partner: boolean;
  freeBeds: number | null;
  bedsReportedAt: string | null;
}

const FACILITY_COLS = `f.code, f.name, f.level, f.location, f.village_code AS "villageCode", f.address,
  ${IN_FORCE} AS partner, b.class3_available AS "freeBeds", b.reported_at::text AS "bedsReportedAt"`;

/** The latest bed report comes from the facilities module's bed board view (migration 0024); LATERAL keeps it one index probe per facility. */
const FACILITY_FROM = `facility f
  LEFT JOIN LATERAL (SELECT * FROM facility_latest_bed_report b WHERE b.facility_code = f.code) b ON true`;

function facility(r: FacilityInfo): FacilityInfo {
  return {
    ...r,
    freeBeds: r.freeBeds === null ? null : Number(r.freeBeds),
    location: (r.location as LocationCategory | null) ?? null,
  };
}

export async function facilityInfo(q: Queryable, code: string, date: string): Promise<FacilityInfo | null> {
  const r = await q.query<FacilityInfo>(`SELECT ${FACILITY_COLS} FROM ${FACILITY_FROM} WHERE f.code = $2`, [
    date,
    code,
  ]);
  return r.rows[0] ? facility(r.rows[0]) : null;
}

/** Hospitals a referral may go to: partners in force (every hospital when `all`). */
export async function hospitals(q: Queryable, date: string, all: boolean): Promise<FacilityInfo[]> {
  const r = await q.query<FacilityInfo>(
    `SELECT ${FACILITY_COLS} FROM ${FACILITY_FROM} WHERE f.level = 'PPK2' ${all ? '' : `AND ${IN_FORCE}`}`,
    [date],
  );
  return r.rows.map(facility);
}

export interface Referral {
  id: number;
  number: string;
  nik: string;
  personName: string;
  fromFacilityCode: string | null;
  fromFacilityName: string | null;
  fromLevel: 'PPK1' | 'PPK2' | null;
  toFacilityCode: string;
  toFacilityName: string;
  kind: Kind;
  diagnosisCode: string;
  diagnosisTitle: string;
  status: Status;
  createdAt: string;
  /** The creation date in Asia/Jakarta. */
  createdOn: string;
  emergency: boolean;
  eligible: boolean;
  eligibilityBasis: string | null;
  eligibilityReasons: { code: string; severity: string; message: string }[];
  competencyFlag: boolean;
  competencyReview: {
    verdict: 'JUSTIFIED' | 'NOT_JUSTIFIED';
    note: string;
    reviewer: string;
    reviewedAt: string;
  } | null;
  partner: boolean;
  clinicalNotes: string;
  bedConfirmedAt: string | null;
  declinedReason: string | null;
  arrivedAt: string | null;
  admittedAt: string | null;
  returnedAt: string | null;
  returnCondition: string | null;
  returnFollowUp: string | null;
  verifyCode: string;
  creatorName: string;
}

const COLS = `r.id::int AS id, r.number, r.nik, r.person_name AS "personName",
  r.from_facility_code AS "fromFacilityCode", ff.name AS "fromFacilityName", ff.level AS "fromLevel",
  r.to_facility_code AS "toFacilityCode", tf.name AS "toFacilityName", r.kind,
  r.diagnosis_code AS "diagnosisCode", i.title AS "diagnosisTitle", r.status, r.created_at::text AS "createdAt",
  (r.created_at AT TIME ZONE 'Asia/Jakarta')::date::text AS "createdOn",
  r.emergency, r.eligible, r.eligibility_basis AS "eligibilityBasis", r.eligibility_reasons AS "eligibilityReasons",
  r.competency_flag AS "competencyFlag",
  CASE WHEN r.competency_verdict IS NULL THEN NULL ELSE json_build_object('verdict', r.competency_verdict, 'note', r.competency_note,
    'reviewer', r.competency_reviewer, 'reviewedAt', r.competency_reviewed_at::text) END AS "competencyReview", r.partner, r.clinical_notes AS "clinicalNotes",
  r.bed_confirmed_at::text AS "bedConfirmedAt", r.declined_reason AS "declinedReason", r.arrived_at::text AS "arrivedAt",
  r.admitted_at::text AS "admittedAt", r.returned_at::text AS "returnedAt", r.return_condition AS "returnCondition",
  r.return_follow_up AS "returnFollowUp", r.verify_code AS "verifyCode", r.creator_name AS "creatorName"`;
const FROM = `referral r JOIN facility tf ON tf.code = r.to_facility_code LEFT JOIN facility ff ON ff.code = r.from_facility_code
  JOIN icd10 i ON i.code = r.diagnosis_code`;

function referral(r: Referral): Referral {
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return {
    ...r,
    id: Number(r.id),
    eligibilityReasons: parse(r.eligibilityReasons),
    competencyReview: r.competencyReview ? parse(r.competencyReview) : null,
  };
}

export async function getReferral(q: Queryable, id: number, scope: Scope, forUpdate = false): Promise<Referral | null> {
  const r = await q.query<Referral>(
    `SELECT ${COLS} FROM ${FROM} WHERE r.id = $1 AND ($2::text IS NULL OR r.from_facility_code = $2 OR r.to_facility_code = $2)
     ${forUpdate ? 'FOR UPDATE OF r' : ''}`,
    [id, scopeFacility(scope)],
  );
  return r.rows[0] ? referral(r.rows[0]) : null;
}

export async function referralByCode(q: Queryable, code: string): Promise<Referral | null> {
  const r = await q.query<Referral>(`SELECT ${COLS} FROM ${FROM} WHERE r.verify_code = $1`, [code]);
  return r.rows[0] ? referral(r.rows[0]) : null;
}

export interface ListFilter {
  /** OUT: referrals the facility sent; IN: referrals it received; both when absent. */
  direction?: 'IN' | 'OUT';
  status?: Status;
  flagged?: boolean;
  /** Flagged referrals the office has not reviewed yet. */
  unreviewed?: boolean;
  nik?: string;
  limit: number;
  offset: number;
}

export async function listReferrals(
  q: Queryable,
  scope: Scope,
  f: ListFilter,
): Promise<{ items: Referral[]; total: number }> {
  const where = ['($1::text IS NULL OR r.from_facility_code = $1 OR r.to_facility_code = $1)'];
  const params: unknown[] = [scopeFacility(scope)];
  if (f.direction === 'OUT') where.push('r.from_facility_code = $1');
  if (f.direction === 'IN') where.push('r.to_facility_code = $1');
  if (f.status) where.push(`r.status = $${params.push(f.status)}`);
  if (f.flagged) where.push('r.competency_flag');
  if (f.unreviewed) where.push('r.competency_flag AND r.competency_verdict IS NULL');
  if (f.nik) where.push(`r.nik = $${params.push(f.nik)}`);
  const w = where.join(' AND ');
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM referral r WHERE ${w}`, params);
  const r = await q.query<Referral>(
    `SELECT ${COLS} FROM ${FROM} WHERE ${w} ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { items: r.rows.map(referral), total: Number(total.rows[0]!.n) };
}

export async function lockPatient(tx: Queryable, nik: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(`referral:${nik}`)]);
}

/** An open referral of the same patient, from the same facility, to the same hospital, for the same diagnosis. */
export async function openDuplicate(
  q: Queryable,
  nik: string,
  from: string | null,
  to: string,
  diagnosis: string,
): Promise<{ id: number; number: string } | null> {
  const r = await q.query<{ id: number; number: string }>(
    `SELECT id::int AS id, number FROM referral WHERE nik = $1 AND from_facility_code IS NOT DISTINCT FROM $2 AND to_facility_code = $3
       AND diagnosis_code = $4 AND status IN ('AWAITING_BED', 'SENT', 'ARRIVED', 'ADMITTED') LIMIT 1`,
    [nik, from, to, diagnosis],
  );
  return r.rows[0] ?? null;
}

export async function byRequestKey(
  q: Queryable,
  from: string | null,
  key: string,
): Promise<{ id: number; number: string } | null> {
  const r = await q.query<{ id: number; number: string }>(
    `SELECT id::int AS id, number FROM referral WHERE from_facility_code IS NOT DISTINCT FROM $1 AND request_key = $2`,
    [from, key],
  );
  return r.rows[0] ?? null;
}

export const nextSeq = (q: Queryable, year: number) => nextYearlySeq(q, 'referral_counter', year);

export interface NewReferral {
  number: string;
  year: number;
  seq: number;
  nik: string;
  personName: string;
  from: string | null;
  to: string;
  kind: Kind;
  diagnosisCode: string;
  status: Status;
  emergency: boolean;
  eligible: boolean;
  eligibilityBasis: string | null;
  eligibilityReasons: unknown[];
  competencyFlag: boolean;
  partner: boolean;
  clinicalNotes: string;
  verifyCode: string;
  requestKey: string | null;
  createdBy: number | null;
  creatorName: string;
}

export async function insertReferral(tx: Queryable, n: NewReferral): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `INSERT INTO referral (number, year, seq, nik, person_name, from_facility_code, to_facility_code, kind, diagnosis_code, status,
       emergency, eligible, eligibility_basis, eligibility_reasons, competency_flag, partner, clinical_notes, verify_code, request_key,
       created_by, creator_name, admitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16, $17, $18, $19, $20, $21,
       CASE WHEN $10 = 'ADMITTED' THEN now() END)
     RETURNING id::int AS id`,
    [
      n.number,
      n.year,
      n.seq,
      n.nik,
      n.personName,
      n.from,
      n.to,
      n.kind,
      n.diagnosisCode,
      n.status,
      n.emergency,
      n.eligible,
      n.eligibilityBasis,
      JSON.stringify(n.eligibilityReasons),
      n.competencyFlag,
      n.partner,
      n.clinicalNotes,
      n.verifyCode,
      n.requestKey,
      n.createdBy,
      n.creatorName,
    ],
  );
  return Number(r.rows[0]!.id);
}

export async function setStatus(
  tx: Queryable,
  id: number,
  status: Status,
  extra: {
    declinedReason?: string;
    returnCondition?: string;
    returnFollowUp?: string;
    by?: { id: number | null; name: string };
  } = {},
): Promise<void> {
  await tx.query(
    `UPDATE referral SET status = $2,
       bed_confirmed_at = CASE WHEN $2 = 'SENT' AND status = 'AWAITING_BED' THEN now() ELSE bed_confirmed_at END,
       declined_reason = CASE WHEN $2 = 'DECLINED' THEN $3 ELSE declined_reason END,
       arrived_at = CASE WHEN $2 = 'ARRIVED' THEN now() ELSE arrived_at END,
       admitted_at = CASE WHEN $2 = 'ADMITTED' THEN now() ELSE admitted_at END,
       returned_at = CASE WHEN $2 = 'RETURNED' THEN now() ELSE returned_at END,
       return_condition = CASE WHEN $2 = 'RETURNED' THEN $4 ELSE return_condition END,
       return_follow_up = CASE WHEN $2 = 'RETURNED' THEN $5 ELSE return_follow_up END,
       returned_by = CASE WHEN $2 = 'RETURNED' THEN $6::bigint ELSE returned_by END,
       returner_name = CASE WHEN $2 = 'RETURNED' THEN $7::text ELSE returner_name END
     WHERE id = $1`,
    [
      id,
      status,
      extra.declinedReason ?? null,
      extra.returnCondition ?? null,
      extra.returnFollowUp ?? null,
      extra.by?.id ?? null,
      extra.by?.name ?? null,
    ],
  );
}

/** Who signs the letters of a referral: the creator (referral letter) and the hospital officer who sent it back. */
export async function signerIds(
  q: Queryable,
  id: number,
): Promise<{ createdBy: number | null; returnedBy: number | null; returnerName: string | null }> {
  const r = await q.query<{ created_by: number | null; returned_by: number | null; returner_name: string | null }>(
    'SELECT created_by, returned_by, returner_name FROM referral WHERE id = $1',
    [id],
  );
  const x = r.rows[0];
  return {
    createdBy: x?.created_by == null ? null : Number(x.created_by),
    returnedBy: x?.returned_by == null ? null : Number(x.returned_by),
    returnerName: x?.returner_name ?? null,
  };
}

/** Records the office's REF-6 review once; false when already reviewed or not flagged. */
export async function reviewCompetency(
  tx: Queryable,
  id: number,
  verdict: 'JUSTIFIED' | 'NOT_JUSTIFIED',
  note: string,
  reviewer: string,
): Promise<boolean> {
  const r = await tx.query(
    `UPDATE referral SET competency_verdict = $2, competency_note = $3, competency_reviewer = $4, competency_reviewed_at = now()
     WHERE id = $1 AND competency_flag AND competency_verdict IS NULL`,
    [id, verdict, note, reviewer],
  );
  return r.rowCount > 0;
}
