import type { Queryable } from '../../platform/db/index.js';
import { nextYearlySeq } from '../../platform/db/counter.js';
import { lockKey } from '../../platform/db/types.js';
import type { Category } from './rules/categories.js';
import type { RegistryPerson, ResolvedLetter } from './rules/letter.js';
import type { LetterState } from './rules/validity.js';

/** A letter row as the service uses it. */
export interface Letter {
  id: number;
  number: string;
  year: number;
  seq: number;
  nik: string;
  personName: string;
  sex: 'L' | 'P';
  birthDate: string;
  noKk: string | null;
  address: string | null;
  villageCode: string | null;
  inPopulation: boolean;
  category: Category;
  institution: string | null;
  reason: string;
  validFrom: string;
  validTo: string;
  status: 'ACTIVE' | 'REVOKED';
  revokedOn: string | null;
  revokeReason: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
  verifyCode: string;
  issuedOn: string;
  issuerName: string;
  issuedAt: string;
}

interface LetterRow {
  id: number;
  number: string;
  year: number;
  seq: number;
  nik: string;
  person_name: string;
  sex: 'L' | 'P';
  birth_date: string;
  no_kk: string | null;
  address: string | null;
  village_code: string | null;
  in_population: boolean;
  category: Category;
  institution: string | null;
  reason: string;
  valid_from: string;
  valid_to: string;
  status: 'ACTIVE' | 'REVOKED';
  revoked_on: string | null;
  revoke_reason: string | null;
  revoked_at: Date | string | null;
  revoked_by_name: string | null;
  verify_code: string;
  issued_on: string;
  issuer_name: string;
  issued_at: Date | string;
}

const COLS = `r.id, r.number, r.year, r.seq, r.nik, r.person_name, r.sex, r.birth_date, r.no_kk, r.address, r.village_code,
  r.in_population, r.category, r.institution, r.reason, r.valid_from, r.valid_to, r.status, r.revoked_on, r.revoke_reason,
  r.revoked_at, r.revoker_name AS revoked_by_name, r.verify_code, r.issued_on, r.issuer_name, r.issued_at`;
const FROM = 'recommendation r';

const iso = (v: Date | string | null) =>
  v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString();

function toLetter(r: LetterRow): Letter {
  return {
    id: Number(r.id),
    number: r.number,
    year: r.year,
    seq: r.seq,
    nik: r.nik,
    personName: r.person_name,
    sex: r.sex,
    birthDate: r.birth_date,
    noKk: r.no_kk,
    address: r.address,
    villageCode: r.village_code,
    inPopulation: r.in_population,
    category: r.category,
    institution: r.institution,
    reason: r.reason,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status,
    revokedOn: r.revoked_on,
    revokeReason: r.revoke_reason,
    revokedAt: iso(r.revoked_at),
    revokedByName: r.revoked_by_name,
    verifyCode: r.verify_code,
    issuedOn: r.issued_on,
    issuerName: r.issuer_name,
    issuedAt: iso(r.issued_at)!,
  };
}

/**
 * The person with this NIK in the population data. Read here rather than
 * through the population module's search, which audits each read as a
 * search; the recommendation service audits this read itself.
 */
export async function registryPerson(
  q: Queryable,
  nik: string,
): Promise<(Omit<RegistryPerson, 'address'> & { street: string | null; rt: string | null; rw: string | null }) | null> {
  const r = await q.query<{
    nik: string;
    no_kk: string;
    name: string;
    sex: 'L' | 'P';
    birth_date: string;
    death_date: string | null;
    moved_out_date: string | null;
    village_code: string;
    address: string | null;
    rt: string | null;
    rw: string | null;
  }>(
    'SELECT nik, no_kk, name, sex, birth_date, death_date, moved_out_date, village_code, address, rt, rw FROM person WHERE nik = $1',
    [nik],
  );
  const p = r.rows[0];
  if (!p) return null;
  return {
    nik: p.nik,
    noKk: p.no_kk,
    name: p.name,
    sex: p.sex,
    birthDate: p.birth_date,
    deathDate: p.death_date,
    movedOutDate: p.moved_out_date,
    villageCode: p.village_code,
    street: p.address,
    rt: p.rt,
    rw: p.rw,
  };
}

/** The regency/city most of the population lives in (a sample is enough: a snapshot is one city's). */
export async function populationRegency(q: Queryable): Promise<string | null> {
  const r = await q.query<{ code: string }>(
    `SELECT left(village_code, 4) AS code FROM (SELECT village_code FROM person LIMIT 1000) s GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  return r.rows[0]?.code ?? null;
}

/** Serialises issuing for one NIK until the transaction ends, so two officers cannot both pass the overlap check. */
export async function lockNik(tx: Queryable, nik: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(`recommendation:${nik}`)]);
}

/** Letters of this NIK whose coverage shares a day with [from, to]. */
export async function overlapping(q: Queryable, nik: string, from: string, to: string): Promise<Letter[]> {
  const r = await q.query<LetterRow>(
    `SELECT ${COLS} FROM ${FROM}
     WHERE r.nik = $1 AND r.valid_from <= $3::date AND r.valid_to >= $2::date
       AND (r.status = 'ACTIVE' OR (r.revoked_on > $2::date AND r.revoked_on > r.valid_from))
     ORDER BY r.valid_from`,
    [nik, from, to],
  );
  return r.rows.map(toLetter);
}

/** The next letter number of the year, counted in the issuing transaction (no gaps). */
export const nextSeq = (q: Queryable, year: number) => nextYearlySeq(q, 'recommendation_counter', year);

export async function insertLetter(
  tx: Queryable,
  l: ResolvedLetter & {
    number: string;
    year: number;
    seq: number;
    verifyCode: string;
    issuedOn: string;
    issuedBy: number | null;
    issuerName: string;
  },
): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `INSERT INTO recommendation (number, year, seq, nik, person_name, sex, birth_date, no_kk, address, village_code, in_population,
       category, institution, reason, valid_from, valid_to, status, verify_code, issued_on, issued_by, issuer_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, $10, $11, $12, $13, $14, $15::date, $16::date, 'ACTIVE', $17, $18::date, $19, $20)
     RETURNING id`,
    [
      l.number,
      l.year,
      l.seq,
      l.nik,
      l.person.name,
      l.person.sex,
      l.person.birthDate,
      l.person.noKk,
      l.person.address,
      l.person.villageCode,
      l.inPopulation,
      l.category,
      l.institution,
      l.reason,
      l.validFrom,
      l.validTo,
      l.verifyCode,
      l.issuedOn,
      l.issuedBy,
      l.issuerName,
    ],
  );
  return Number(r.rows[0]!.id);
}

/** Who issued a letter (their signature goes on its PDF); null for a letter the system issued. */
export async function issuerOf(q: Queryable, id: number): Promise<number | null> {
  const r = await q.query<{ issued_by: number | null }>('SELECT issued_by FROM recommendation WHERE id = $1', [id]);
  return r.rows[0]?.issued_by ?? null;
}

export async function getLetter(q: Queryable, id: number, forUpdate = false): Promise<Letter | null> {
  const r = await q.query<LetterRow>(`SELECT ${COLS} FROM ${FROM} WHERE r.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return r.rows[0] ? toLetter(r.rows[0]) : null;
}

export async function letterByCode(q: Queryable, code: string): Promise<Letter | null> {
  const r = await q.query<LetterRow>(`SELECT ${COLS} FROM ${FROM} WHERE r.verify_code = $1`, [code]);
  return r.rows[0] ? toLetter(r.rows[0]) : null;
}

export async function lettersOfNik(q: Queryable, nik: string): Promise<Letter[]> {
  const r = await q.query<LetterRow>(
    `SELECT ${COLS} FROM ${FROM} WHERE r.nik = $1 ORDER BY r.valid_from DESC, r.id DESC`,
    [nik],
  );
  return r.rows.map(toLetter);
}

export async function revokeLetter(
  tx: Queryable,
  id: number,
  revokedOn: string,
  reason: string,
  by: { id: number | null; name: string },
): Promise<boolean> {
  const r = await tx.query(
    `UPDATE recommendation SET status = 'REVOKED', revoked_on = $2::date, revoke_reason = $3, revoked_by = $4, revoker_name = $5, revoked_at = now()
     WHERE id = $1 AND status = 'ACTIVE'`,
    [id, revokedOn, reason, by.id, by.name],
  );
  return r.rowCount > 0;
}

export interface ListFilter {
  nik?: string;
  numberPrefix?: string;
  namePrefix?: string;
  /** The letter's state on `today` (rules/validity.ts letterState, in SQL). */
  state?: LetterState;
  category?: Category;
  /** Letters in force today whose last day is at most this many days away. */
  endingWithinDays?: number;
  today: string;
  limit: number;
  offset: number;
}

/** coverageEnd() of rules/validity.ts: the last day covered (a revoked letter stops the day before revoked_on). */
const COVERAGE_END = `CASE WHEN r.status = 'ACTIVE' THEN r.valid_to ELSE LEAST(r.valid_to, r.revoked_on - 1) END`;

/** letterState() of rules/validity.ts as SQL conditions on the date parameter `t`. */
const STATE_SQL: Record<LetterState, (t: string) => string> = {
  ACTIVE: (t) => `r.valid_from <= ${t} AND r.valid_to >= ${t} AND (r.status = 'ACTIVE' OR r.revoked_on > ${t})`,
  NOT_YET_VALID: (t) =>
    `r.valid_from > ${t} AND (r.status = 'ACTIVE' OR (r.revoked_on > ${t} AND r.revoked_on > r.valid_from))`,
  EXPIRED: (t) => `r.status = 'ACTIVE' AND r.valid_to < ${t}`,
  REVOKED: (t) => `r.status = 'REVOKED' AND (r.revoked_on <= ${t} OR r.revoked_on <= r.valid_from)`,
};

export async function listLetters(q: Queryable, f: ListFilter): Promise<{ items: Letter[]; total: number }> {
  const params: unknown[] = [f.today];
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.nik) add((p) => `r.nik = ${p}`, f.nik);
  if (f.numberPrefix) add((p) => `r.number LIKE ${p}`, `${escapeLike(f.numberPrefix)}%`);
  if (f.namePrefix) add((p) => `r.person_name LIKE ${p}`, `${escapeLike(f.namePrefix)}%`);
  if (f.state) where.push(STATE_SQL[f.state]('$1::date'));
  if (f.category) add((p) => `r.category = ${p}`, f.category);
  if (f.endingWithinDays !== undefined) {
    where.push(STATE_SQL.ACTIVE('$1::date'));
    add((p) => `${COVERAGE_END} <= $1::date + ${p}::int`, f.endingWithinDays);
  }
  // $1 (today) is always bound; a condition that does not use it still needs it typed.
  const cond = `WHERE $1::date IS NOT NULL${where.length ? ` AND ${where.join(' AND ')}` : ''}`;
  const total = await q.query<{ n: number }>(`SELECT count(*) AS n FROM recommendation r ${cond}`, params);
  const order = f.endingWithinDays !== undefined ? `${COVERAGE_END}, r.id` : 'r.issued_at DESC, r.id DESC';
  const rows = await q.query<LetterRow>(
    `SELECT ${COLS} FROM ${FROM} ${cond} ORDER BY ${order} LIMIT ${Math.trunc(f.limit)} OFFSET ${Math.trunc(f.offset)}`,
    params,
  );
  return { items: rows.rows.map(toLetter), total: Number(total.rows[0]!.n) };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
