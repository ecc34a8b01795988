import type { Queryable } from '../../platform/db/index.js';
import { pageOf } from '../../platform/db/page.js';
import { scopeFacility, type Scope } from '../../platform/http/actor.js';
import type { BirthDocumentKind, BirthInput } from './rules/birth.js';

export interface BirthRow {
  id: number;
  reg_number: string;
  child_nik: string | null;
  child_name: string;
  sex: 'L' | 'P';
  birth_date: string;
  birth_place: string | null;
  mother_nik: string | null;
  father_nik: string | null;
  no_kk: string;
  document_kind: BirthDocumentKind;
  document_number: string;
  document_id: number;
  facility_code: string | null;
  facility_name: string | null;
  status: 'ACTIVE' | 'CANCELLED';
  cancel_reason: string | null;
  recorded_at: Date;
  recorded_by_name: string | null;
}

const COLS = `b.id, b.reg_number, b.child_nik, b.child_name, b.sex, b.birth_date, b.birth_place, b.mother_nik, b.father_nik, b.no_kk,
  b.document_kind, b.document_number, b.document_id, b.facility_code, f.name AS facility_name, b.status, b.cancel_reason,
  b.recorded_at, u.username AS recorded_by_name`;
const FROM = `birth_record b LEFT JOIN facility f ON f.code = b.facility_code LEFT JOIN app_user u ON u.id = b.recorded_by`;

/** The parents found in the registry, mother first. */
export async function findParents(q: Queryable, niks: string[]) {
  const r = await q.query<{ nik: string; no_kk: string; sex: 'L' | 'P'; death_date: string | null }>(
    'SELECT nik, no_kk, sex, death_date FROM person WHERE nik = ANY($1::text[])',
    [niks],
  );
  return r.rows;
}

export async function activeForChildNik(q: Queryable, nik: string): Promise<number | null> {
  const r = await q.query<{ id: number }>(`SELECT id FROM birth_record WHERE child_nik = $1 AND status = 'ACTIVE'`, [
    nik,
  ]);
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

export async function sameDocument(q: Queryable, kind: BirthDocumentKind, number: string): Promise<string | null> {
  const r = await q.query<{ reg_number: string }>(
    `SELECT reg_number FROM birth_record WHERE document_kind = $1 AND upper(document_number) = upper($2) AND status = 'ACTIVE'`,
    [kind, number.trim()],
  );
  return r.rows[0]?.reg_number ?? null;
}

/** Inserts with a registration number BY-<year>-<serial> taken from the row's own id. */
export async function insert(
  q: Queryable,
  b: BirthInput & {
    birthPlace: string | null;
    noKk: string;
    documentId: number;
    facilityCode: string | null;
    recordedBy: number | null;
    year: number;
  },
): Promise<{ id: number; reg_number: string }> {
  const r = await q.query<{ id: number; reg_number: string }>(
    `WITH n AS (SELECT nextval(pg_get_serial_sequence('birth_record', 'id')) AS id)
     INSERT INTO birth_record (id, reg_number, child_nik, child_name, sex, birth_date, birth_place, mother_nik, father_nik, no_kk,
                               document_kind, document_number, document_id, facility_code, recorded_by)
     SELECT n.id, 'BY-' || $1::int || '-' || lpad(n.id::text, 6, '0'), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 FROM n
     RETURNING id, reg_number`,
    [
      b.year,
      b.childNik,
      b.childName.trim().toUpperCase(),
      b.sex,
      b.birthDate,
      b.birthPlace,
      b.motherNik,
      b.fatherNik,
      b.noKk,
      b.documentKind,
      b.documentNumber.trim(),
      b.documentId,
      b.facilityCode,
      b.recordedBy,
    ],
  );
  return { id: Number(r.rows[0]!.id), reg_number: r.rows[0]!.reg_number };
}

/** One record within `scope` (facility staff: their facility's records only). */
export async function get(q: Queryable, id: number, scope: Scope): Promise<BirthRow | null> {
  const r = await q.query<BirthRow>(
    `SELECT ${COLS} FROM ${FROM} WHERE b.id = $1 AND ($2::text IS NULL OR b.facility_code = $2)`,
    [id, scopeFacility(scope)],
  );
  return r.rows[0] ?? null;
}

export async function list(
  q: Queryable,
  f: { scope: Scope; status: string | null; search: string | null; limit: number; offset: number },
): Promise<{ rows: BirthRow[]; total: number }> {
  const where = `($1::text IS NULL OR b.facility_code = $1) AND ($2::text IS NULL OR b.status = $2)
    AND ($3::text IS NULL OR b.reg_number = $3 OR b.child_nik = $3 OR b.mother_nik = $3 OR b.father_nik = $3 OR b.no_kk = $3 OR b.child_name LIKE $3 || '%')`;
  return pageOf<BirthRow>(q, {
    select: COLS,
    from: FROM,
    countFrom: 'birth_record b',
    where,
    params: [scopeFacility(f.scope), f.status, f.search],
    orderBy: 'b.recorded_at DESC, b.id DESC',
    limit: f.limit,
    offset: f.offset,
  });
}

export async function cancel(q: Queryable, id: number, reason: string): Promise<boolean> {
  const r = await q.query(
    `UPDATE birth_record SET status = 'CANCELLED', cancel_reason = $2 WHERE id = $1 AND status = 'ACTIVE'`,
    [id, reason],
  );
  return r.rowCount > 0;
}
