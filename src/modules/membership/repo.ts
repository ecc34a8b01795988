import { auditInsertSql, auditParams, type Stamped } from '../../platform/audit/audit.js';
import type { Queryable } from '../../platform/db/index.js';
import type {
  Basis,
  BirthFacts,
  CardFacts,
  CardStatus,
  JknFacts,
  JknSegment,
  PersonFacts,
  PovertyFacts,
  ProgramSettings,
  RecommendationCategory,
  RecommendationFacts,
} from './rules/eligibility.js';
import { periodInForce } from '../../platform/db/period.js';

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
  resident_from: string | null;
  segment: JknSegment | null;
  jkn_status: 'AKTIF' | 'NONAKTIF' | null;
  card_number: string | null;
  arrears_months: number | null;
  decile: number | null;
  dtks_status: 'AKTIF' | 'NONAKTIF' | null;
  card_no: string | null;
  card_status: CardStatus | null;
  b_reg: string | null;
  b_name: string | null;
  b_sex: 'L' | 'P' | null;
  b_birth: string | null;
  b_kk: string | null;
  b_doc: BirthFacts['documentKind'] | null;
  b_mother: string | null;
  b_father: string | null;
  r_number: string | null;
  r_name: string | null;
  r_sex: 'L' | 'P' | null;
  r_birth: string | null;
  r_kk: string | null;
  r_category: RecommendationCategory | null;
  r_from: string | null;
  r_to: string | null;
  r_revoked: string | null;
}

/** A recorded birth before its parents' membership at birth is known. */
export type BirthRecordFacts = Omit<BirthFacts, 'parentMemberAtBirth'> & { parentNiks: string[] };

export interface Facts {
  person: PersonFacts | null;
  jkn: JknFacts | null;
  poverty: PovertyFacts | null;
  card: CardFacts | null;
  birth: BirthRecordFacts | null;
  recommendation: RecommendationFacts | null;
}

// The card listing the person on the date (the latest issued by then, ACTIVE
// unless it had ended), the Dinsos letter in force on the date (else the latest
// begun before it, to say why it no longer applies), and an active birth record.
const FACTS_SQL = `SELECT q.i, p.nik, p.name, p.sex, p.birth_date, p.no_kk, p.ektp_recorded, p.death_date, p.moved_out_date, p.resident_from,
            j.segment, j.status AS jkn_status, j.card_number, j.arrears_months, v.decile, v.dtks_status,
            c.number AS card_no, c.card_status,
            b.reg_number AS b_reg, b.child_name AS b_name, b.sex AS b_sex, b.birth_date AS b_birth, b.no_kk AS b_kk,
            b.document_kind AS b_doc, b.mother_nik AS b_mother, b.father_nik AS b_father,
            r.number AS r_number, r.person_name AS r_name, r.sex AS r_sex, r.birth_date AS r_birth, r.no_kk AS r_kk, r.category AS r_category, r.valid_from AS r_from, r.valid_to AS r_to, r.revoked_on AS r_revoked
     FROM unnest($1::text[], $2::date[]) WITH ORDINALITY AS q(nik, d, i)
     LEFT JOIN person p ON p.nik = q.nik
     LEFT JOIN birth_record b ON b.child_nik = q.nik AND b.status = 'ACTIVE'
     LEFT JOIN LATERAL (
       SELECT fc.number, CASE WHEN fc.ended_on IS NULL OR fc.ended_on > q.d THEN 'ACTIVE' ELSE fc.status END AS card_status
       FROM family_card_member fm JOIN family_card fc ON fc.id = fm.card_id
       WHERE fm.nik = q.nik AND fm.included AND fc.issued_on <= q.d
       ORDER BY fc.issued_on DESC, fc.id DESC LIMIT 1
     ) c ON true
     LEFT JOIN LATERAL (
       SELECT number, person_name, sex, birth_date, no_kk, category, valid_from, valid_to, revoked_on FROM recommendation rc
       WHERE rc.nik = q.nik AND rc.valid_from <= q.d
       ORDER BY (rc.valid_to >= q.d AND (rc.revoked_on IS NULL OR rc.revoked_on > q.d)) DESC, rc.valid_to DESC, rc.id DESC LIMIT 1
     ) r ON true
     LEFT JOIN LATERAL (
       SELECT segment, status, card_number, arrears_months FROM jkn_membership m
       WHERE m.nik = q.nik AND ${periodInForce('m', 'q.d')}
       ORDER BY m.valid_from DESC LIMIT 1
     ) j ON true
     LEFT JOIN LATERAL (
       SELECT decile, dtks_status FROM poverty_status v
       WHERE v.nik = q.nik AND ${periodInForce('v', 'q.d')}
       ORDER BY v.valid_from DESC LIMIT 1
     ) v ON true`;

/** The same lookup writing the audit rows of these reads in the same statement: one round trip, committed together. */
const AUDITED_FACTS_SQL = `WITH audited AS (${auditInsertSql(3)}) ${FACTS_SQL}`;

/**
 * Facts for many (NIK, date) pairs in one round trip, results in input order.
 * With `audit`, the records of these reads are inserted by the same statement,
 * so no answer leaves without its audit row.
 */
export async function loadFacts(
  q: Queryable,
  niks: string[],
  dates: string[],
  audit?: readonly Stamped[],
): Promise<Facts[]> {
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
            residentFrom: row.resident_from,
          }
        : null,
      jkn: row.segment
        ? {
            segment: row.segment,
            status: row.jkn_status!,
            cardNumber: row.card_number!,
            arrearsMonths: row.arrears_months,
          }
        : null,
      poverty: row.decile ? { decile: row.decile, status: row.dtks_status! } : null,
      card: row.card_no ? { number: row.card_no, status: row.card_status! } : null,
      birth: row.b_reg
        ? {
            regNumber: row.b_reg,
            childName: row.b_name!,
            sex: row.b_sex!,
            birthDate: row.b_birth!,
            noKk: row.b_kk!,
            documentKind: row.b_doc!,
            parentNiks: [row.b_mother, row.b_father].filter((n): n is string => n !== null),
          }
        : null,
      recommendation: row.r_number
        ? {
            number: row.r_number,
            personName: row.r_name!,
            sex: row.r_sex!,
            birthDate: row.r_birth!,
            noKk: row.r_kk,
            category: row.r_category!,
            validFrom: row.r_from!,
            validTo: row.r_to!,
            revokedOn: row.r_revoked,
          }
        : null,
    };
  }
  return out;
}

export async function jknDataFrom(q: Queryable): Promise<string | null> {
  const r = await q.query<{ d: string | null }>(`SELECT min(as_of) AS d FROM jkn_import WHERE status = 'applied'`);
  return r.rows[0]?.d ?? null;
}

export async function listSettings(q: Queryable): Promise<(ProgramSettings & { note: string })[]> {
  const r = await q.query<{
    id: number;
    effective_from: string;
    bases: Basis[];
    excluded_segments: JknSegment[];
    note: string;
  }>('SELECT id, effective_from, bases, excluded_segments, note FROM program_setting ORDER BY effective_from');
  return r.rows.map((s) => ({
    id: s.id,
    effectiveFrom: s.effective_from,
    bases: s.bases,
    excludedSegments: s.excluded_segments,
    note: s.note,
  }));
}

/** Inserts a change effective after `today`; null when that date already has one. */
export async function upsertFutureSetting(
  q: Queryable,
  s: { effectiveFrom: string; bases: string[]; excludedSegments: string[]; note: string },
  today: string,
  createdBy: number | null,
): Promise<number | null> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO program_setting (effective_from, bases, excluded_segments, note, created_by)
     SELECT $1::date, $2::text[], $3::text[], $4, $5 WHERE $1::date > $6::date
     ON CONFLICT (effective_from) DO NOTHING RETURNING id`,
    [s.effectiveFrom, s.bases, s.excludedSegments, s.note.trim(), createdBy, today],
  );
  return r.rows[0]?.id ?? null;
}

/** Only a change that has not begun may be withdrawn. */
export async function deleteFutureSetting(q: Queryable, id: number, today: string): Promise<boolean> {
  const r = await q.query('DELETE FROM program_setting WHERE id = $1 AND effective_from > $2::date', [id, today]);
  return r.rowCount > 0;
}
