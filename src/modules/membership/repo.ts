import { auditInsertSql, auditParams, type Stamped } from '../../platform/audit/audit.js';
import type { Queryable } from '../../platform/db/index.js';
import { currentContext } from '../../platform/http/context.js';
import type { Basis, JknFacts, JknSegment, PersonFacts, PovertyFacts, ProgramSettings } from './rules/eligibility.js';

interface FactRow {
  i: number;
  nik: string | null;
  name: string | null;
  sex: 'L' | 'P' | null;
  birth_date: string | null;
  no_kk: string | null;
  ektp_recorded: boolean | null;
  death_date: string | null;
  moved_out_date: string | null;
  segment: JknSegment | null;
  jkn_status: 'AKTIF' | 'NONAKTIF' | null;
  card_number: string | null;
  arrears_months: number | null;
  decile: number | null;
  dtks_status: 'AKTIF' | 'NONAKTIF' | null;
}

export interface Facts {
  person: PersonFacts | null;
  jkn: JknFacts | null;
  poverty: PovertyFacts | null;
}

const FACTS_SQL = `SELECT q.i, p.nik, p.name, p.sex, p.birth_date, p.no_kk, p.ektp_recorded, p.death_date, p.moved_out_date,
            j.segment, j.status AS jkn_status, j.card_number, j.arrears_months, v.decile, v.dtks_status
     FROM unnest($1::text[], $2::date[]) WITH ORDINALITY AS q(nik, d, i)
     LEFT JOIN person p ON p.nik = q.nik
     LEFT JOIN LATERAL (
       SELECT segment, status, card_number, arrears_months FROM jkn_membership m
       WHERE m.nik = q.nik AND m.valid_from <= q.d AND (m.valid_to IS NULL OR m.valid_to > q.d)
       ORDER BY m.valid_from DESC LIMIT 1
     ) j ON true
     LEFT JOIN LATERAL (
       SELECT decile, dtks_status FROM poverty_status v
       WHERE v.nik = q.nik AND v.valid_from <= q.d AND (v.valid_to IS NULL OR v.valid_to > q.d)
       ORDER BY v.valid_from DESC LIMIT 1
     ) v ON true`;

/** The same lookup writing the audit rows of these reads in the same statement: one round trip, committed together. */
const AUDITED_FACTS_SQL = `WITH audited AS (${auditInsertSql(3)}) ${FACTS_SQL}`;

/**
 * Facts for many (NIK, date) pairs in one round trip, results in input order.
 * With `audit`, the records of these reads are inserted by the same statement,
 * so no answer leaves without its audit row.
 */
export async function loadFacts(q: Queryable, niks: string[], dates: string[], audit?: readonly Stamped[]): Promise<Facts[]> {
  const r = audit
    ? await q.query<FactRow>(AUDITED_FACTS_SQL, [niks, dates, ...auditParams(audit)])
    : await q.query<FactRow>(FACTS_SQL, [niks, dates]);
  const out: Facts[] = new Array(niks.length);
  for (const row of r.rows) {
    out[Number(row.i) - 1] = {
      person: row.nik
        ? {
            nik: row.nik,
            name: row.name!,
            sex: row.sex!,
            birthDate: row.birth_date!,
            noKk: row.no_kk!,
            ektpRecorded: row.ektp_recorded!,
            deathDate: row.death_date,
            movedOutDate: row.moved_out_date,
          }
        : null,
      jkn: row.segment
        ? { segment: row.segment, status: row.jkn_status!, cardNumber: row.card_number!, arrearsMonths: row.arrears_months }
        : null,
      poverty: row.decile ? { decile: row.decile, status: row.dtks_status! } : null,
    };
  }
  return out;
}

export async function jknDataFrom(q: Queryable): Promise<string | null> {
  const r = await q.query<{ d: string | null }>(`SELECT min(as_of) AS d FROM jkn_import WHERE status = 'applied'`);
  return r.rows[0]?.d ?? null;
}

export async function listSettings(q: Queryable): Promise<(ProgramSettings & { note: string })[]> {
  const r = await q.query<{ id: number; effective_from: string; bases: Basis[]; excluded_segments: JknSegment[]; note: string }>(
    'SELECT id, effective_from, bases, excluded_segments, note FROM program_setting ORDER BY effective_from',
  );
  return r.rows.map((s) => ({ id: s.id, effectiveFrom: s.effective_from, bases: s.bases, excludedSegments: s.excluded_segments, note: s.note }));
}

/** Inserts a change effective after `today`; null when that date already has one. */
export async function upsertFutureSetting(
  q: Queryable,
  s: { effectiveFrom: string; bases: string[]; excludedSegments: string[]; note: string },
  today: string,
): Promise<number | null> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO program_setting (effective_from, bases, excluded_segments, note, created_by)
     SELECT $1::date, $2::text[], $3::text[], $4, $5 WHERE $1::date > $6::date
     ON CONFLICT (effective_from) DO NOTHING RETURNING id`,
    [s.effectiveFrom, s.bases, s.excludedSegments, s.note.trim(), currentActorId(), today],
  );
  return r.rows[0]?.id ?? null;
}

/** Only a change that has not begun may be withdrawn. */
export async function deleteFutureSetting(q: Queryable, id: number, today: string): Promise<boolean> {
  const r = await q.query('DELETE FROM program_setting WHERE id = $1 AND effective_from > $2::date', [id, today]);
  return r.rowCount > 0;
}

function currentActorId(): number | null {
  const id = currentContext()?.actor?.id;
  return id && id > 0 ? id : null;
}
