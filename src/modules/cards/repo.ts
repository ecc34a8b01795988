import type { Queryable } from '../../platform/db/index.js';
import type { CardMemberDraft, Coverage, FamilyPerson } from './rules/members.js';
import type { CardStatus, EndReason, IssueReason } from './rules/lifecycle.js';

/**
 * SQL for the card register. The family's current members are read straight
 * from `person` (alive and not moved out on the day), because issuing for a
 * whole city must be set-based; nothing here writes another module's table.
 */

export interface PersonRow extends FamilyPerson {
  noKk: string;
  villageCode: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
}

/** The current members of these families on `today`. */
export async function currentMembers(q: Queryable, noKks: readonly string[], today: string): Promise<PersonRow[]> {
  const r = await q.query<{
    nik: string;
    no_kk: string;
    name: string;
    sex: 'L' | 'P';
    birth_date: string;
    relation: string;
    ektp_recorded: boolean;
    village_code: string;
    address: string | null;
    rt: string | null;
    rw: string | null;
  }>(
    `SELECT nik, no_kk, name, sex, birth_date, relation, ektp_recorded, village_code, address, rt, rw
     FROM person
     WHERE no_kk = ANY($1::text[])
       AND (death_date IS NULL OR death_date > $2::date) AND (moved_out_date IS NULL OR moved_out_date > $2::date)`,
    [noKks, today],
  );
  return r.rows.map((p) => ({
    nik: p.nik,
    noKk: p.no_kk,
    name: p.name,
    sex: p.sex,
    birthDate: p.birth_date,
    relation: p.relation,
    ektpRecorded: p.ektp_recorded,
    villageCode: p.village_code,
    address: p.address,
    rt: p.rt,
    rw: p.rw,
  }));
}

export async function familyExists(q: Queryable, noKk: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM person WHERE no_kk = $1 LIMIT 1', [noKk])).rows.length > 0;
}

/**
 * Families with a current member in the area (a code prefix: province,
 * regency, district or village) and no active card, in KK order. One scan.
 */
export async function familiesWithoutCard(q: Queryable, areaPrefix: string, today: string): Promise<string[]> {
  const r = await q.query<{ no_kk: string }>(
    `SELECT DISTINCT p.no_kk FROM person p
     WHERE p.village_code LIKE $1 || '%'
       AND (p.death_date IS NULL OR p.death_date > $2::date) AND (p.moved_out_date IS NULL OR p.moved_out_date > $2::date)
       AND NOT EXISTS (SELECT 1 FROM family_card c WHERE c.no_kk = p.no_kk AND c.status = 'ACTIVE')
     ORDER BY p.no_kk`,
    [areaPrefix, today],
  );
  return r.rows.map((x) => x.no_kk);
}

/** `n` numbers from the card sequence, in one round trip. */
export async function nextSequences(q: Queryable, n: number): Promise<number[]> {
  const r = await q.query<{ n: number }>(
    `SELECT nextval('family_card_number_seq') AS n FROM generate_series(1, $1::int)`,
    [n],
  );
  return r.rows.map((x) => Number(x.n));
}

export interface NewCard {
  number: string;
  noKk: string;
  issuedOn: string;
  verifyCode: string;
  regionCode: string;
  villageCode: string;
  headNik: string | null;
  headName: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  issueReason: IssueReason;
  issueNote: string | null;
  replacesCardId: number | null;
  issuedBy: number | null;
}

/**
 * Inserts cards from arrays; a family that got an active card meanwhile is
 * skipped (the one-active-card index), not an error. Returns what was inserted.
 */
export async function insertCards(
  q: Queryable,
  cards: readonly NewCard[],
): Promise<{ id: number; noKk: string; number: string }[]> {
  if (cards.length === 0) return [];
  const col = <K extends keyof NewCard>(k: K) => cards.map((c) => c[k]);
  const r = await q.query<{ id: number; no_kk: string; number: string }>(
    `INSERT INTO family_card (number, no_kk, issued_on, status, verify_code, region_code, village_code, head_nik, head_name,
       address, rt, rw, issue_reason, issue_note, replaces_card_id, issued_by)
     SELECT t.number, t.no_kk, t.issued_on, 'ACTIVE', t.verify_code, t.region_code, t.village_code, t.head_nik, t.head_name,
       t.address, t.rt, t.rw, t.issue_reason, t.issue_note, t.replaces_card_id, t.issued_by
     FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[], $15::bigint[])
       AS t(number, no_kk, issued_on, verify_code, region_code, village_code, head_nik, head_name,
            address, rt, rw, issue_reason, issue_note, replaces_card_id, issued_by)
     ON CONFLICT (no_kk) WHERE status = 'ACTIVE' DO NOTHING
     RETURNING id, no_kk, number`,
    [
      col('number'),
      col('noKk'),
      col('issuedOn'),
      col('verifyCode'),
      col('regionCode'),
      col('villageCode'),
      col('headNik'),
      col('headName'),
      col('address'),
      col('rt'),
      col('rw'),
      col('issueReason'),
      col('issueNote'),
      col('replacesCardId'),
      col('issuedBy'),
    ],
  );
  return r.rows.map((x) => ({ id: Number(x.id), noKk: x.no_kk, number: x.number }));
}

export async function insertMembers(
  q: Queryable,
  rows: readonly { cardId: number; members: readonly CardMemberDraft[] }[],
): Promise<void> {
  const cols: unknown[][] = Array.from({ length: 13 }, () => []);
  for (const { cardId, members } of rows) {
    members.forEach((m, i) => {
      const values = [
        cardId,
        i + 1,
        m.nik,
        m.name,
        m.relation,
        m.birthDate,
        m.sex,
        m.included,
        m.pendingReason,
        m.coverage,
        m.coverageBasis,
        m.coverageRule,
        m.jknSegment,
      ];
      values.forEach((v, k) => cols[k]!.push(v));
    });
  }
  if (cols[0]!.length === 0) return;
  await q.query(
    `INSERT INTO family_card_member (card_id, position, nik, name, relation, birth_date, sex, included, pending_reason,
       coverage, coverage_basis, coverage_rule, jkn_segment)
     SELECT * FROM unnest($1::bigint[], $2::smallint[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::boolean[], $9::text[],
       $10::text[], $11::text[], $12::text[], $13::text[])`,
    cols,
  );
}

/** Ends an active card; false when it was no longer active (someone else ended it first). */
export async function endCard(
  q: Queryable,
  id: number,
  e: {
    status: Exclude<CardStatus, 'ACTIVE'>;
    reason: EndReason;
    note: string;
    endedOn: string;
    endedBy: number | null;
  },
): Promise<boolean> {
  const r = await q.query(
    `UPDATE family_card SET status = $2, end_reason = $3, end_note = $4, ended_on = $5::date, ended_by = $6, ended_at = now()
     WHERE id = $1 AND status = 'ACTIVE'`,
    [id, e.status, e.reason, e.note, e.endedOn, e.endedBy],
  );
  return r.rowCount > 0;
}

export interface CardRow {
  id: number;
  number: string;
  noKk: string;
  status: CardStatus;
  issuedOn: string;
  endedOn: string | null;
  verifyCode: string;
  regionCode: string;
  regencyName: string | null;
  villageCode: string;
  villageName: string | null;
  districtName: string | null;
  headNik: string | null;
  headName: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  issueReason: IssueReason;
  issueNote: string | null;
  issuedBy: string | null;
  replacesCardId: number | null;
  replacedByCardId: number | null;
  endReason: EndReason | null;
  endNote: string | null;
  endedBy: string | null;
  printedOn: string | null;
  printedAt: Date | null;
  printBatchId: number | null;
  handedOverOn: string | null;
  handedOverTo: string | null;
  memberCount: number;
  includedCount: number;
}

const CARD_SELECT = `SELECT c.id, c.number, c.no_kk, c.status, c.issued_on, c.ended_on, c.verify_code, c.region_code, r.name AS regency_name,
    c.village_code, v.name AS village_name, d.name AS district_name, c.head_nik, c.head_name, c.address, c.rt, c.rw,
    c.issue_reason, c.issue_note, ui.username AS issued_by, c.replaces_card_id,
    (SELECT n.id FROM family_card n WHERE n.replaces_card_id = c.id LIMIT 1) AS replaced_by_card_id,
    c.end_reason, c.end_note, ue.username AS ended_by,
    (c.printed_at AT TIME ZONE 'Asia/Jakarta')::date AS printed_on, c.printed_at, c.print_batch_id,
    c.handed_over_on, c.handed_over_to,
    (SELECT count(*) FROM family_card_member m WHERE m.card_id = c.id) AS member_count,
    (SELECT count(*) FROM family_card_member m WHERE m.card_id = c.id AND m.included) AS included_count
  FROM family_card c
  LEFT JOIN admin_area r ON r.code = c.region_code
  LEFT JOIN admin_area d ON d.code = left(c.village_code, 6)
  LEFT JOIN admin_area v ON v.code = c.village_code
  LEFT JOIN app_user ui ON ui.id = c.issued_by
  LEFT JOIN app_user ue ON ue.id = c.ended_by`;

function toCard(x: Record<string, unknown>): CardRow {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(x.id),
    number: x.number as string,
    noKk: x.no_kk as string,
    status: x.status as CardStatus,
    issuedOn: x.issued_on as string,
    endedOn: (x.ended_on as string | null) ?? null,
    verifyCode: x.verify_code as string,
    regionCode: x.region_code as string,
    regencyName: (x.regency_name as string | null) ?? null,
    villageCode: x.village_code as string,
    villageName: (x.village_name as string | null) ?? null,
    districtName: (x.district_name as string | null) ?? null,
    headNik: (x.head_nik as string | null) ?? null,
    headName: x.head_name as string,
    address: (x.address as string | null) ?? null,
    rt: (x.rt as string | null) ?? null,
    rw: (x.rw as string | null) ?? null,
    issueReason: x.issue_reason as IssueReason,
    issueNote: (x.issue_note as string | null) ?? null,
    issuedBy: (x.issued_by as string | null) ?? null,
    replacesCardId: num(x.replaces_card_id),
    replacedByCardId: num(x.replaced_by_card_id),
    endReason: (x.end_reason as EndReason | null) ?? null,
    endNote: (x.end_note as string | null) ?? null,
    endedBy: (x.ended_by as string | null) ?? null,
    printedOn: (x.printed_on as string | null) ?? null,
    printedAt: (x.printed_at as Date | null) ?? null,
    printBatchId: num(x.print_batch_id),
    handedOverOn: (x.handed_over_on as string | null) ?? null,
    handedOverTo: (x.handed_over_to as string | null) ?? null,
    memberCount: Number(x.member_count),
    includedCount: Number(x.included_count),
  };
}

export async function cardsById(q: Queryable, ids: readonly number[], forUpdate = false): Promise<CardRow[]> {
  if (forUpdate) await q.query('SELECT 1 FROM family_card WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE', [ids]);
  const r = await q.query<Record<string, unknown>>(`${CARD_SELECT} WHERE c.id = ANY($1::bigint[]) ORDER BY c.id`, [
    ids,
  ]);
  return r.rows.map(toCard);
}

export async function cardsOfFamily(q: Queryable, noKk: string): Promise<CardRow[]> {
  const r = await q.query<Record<string, unknown>>(
    `${CARD_SELECT} WHERE c.no_kk = $1 ORDER BY c.issued_on DESC, c.id DESC`,
    [noKk],
  );
  return r.rows.map(toCard);
}

export async function cardByNumber(q: Queryable, number: string): Promise<{ id: number; noKk: string } | null> {
  const r = await q.query<{ id: number; no_kk: string }>('SELECT id, no_kk FROM family_card WHERE number = $1', [
    number,
  ]);
  const x = r.rows[0];
  return x ? { id: Number(x.id), noKk: x.no_kk } : null;
}

/** A stored member; coverage is null on cards issued before it was recorded (migration 0020). */
export interface CardMemberRow extends Omit<CardMemberDraft, 'coverage'> {
  cardId: number;
  position: number;
  coverage: Coverage | null;
}

export async function membersOf(q: Queryable, cardIds: readonly number[]): Promise<CardMemberRow[]> {
  const r = await q.query<{
    card_id: number;
    position: number;
    nik: string;
    name: string;
    relation: string;
    birth_date: string;
    sex: 'L' | 'P';
    included: boolean;
    pending_reason: 'PENDING_EKTP' | null;
    coverage: Coverage | null;
    coverage_basis: string | null;
    coverage_rule: string | null;
    jkn_segment: string | null;
  }>(
    `SELECT card_id, position, nik, name, relation, birth_date, sex, included, pending_reason, coverage, coverage_basis, coverage_rule, jkn_segment
     FROM family_card_member WHERE card_id = ANY($1::bigint[]) ORDER BY card_id, position`,
    [cardIds],
  );
  return r.rows.map((m) => ({
    cardId: Number(m.card_id),
    position: m.position,
    nik: m.nik,
    name: m.name,
    relation: m.relation,
    birthDate: m.birth_date,
    sex: m.sex,
    included: m.included,
    pendingReason: m.pending_reason,
    coverage: m.coverage,
    coverageBasis: m.coverage_basis,
    coverageRule: m.coverage_rule,
    jknSegment: m.jkn_segment,
  }));
}

/** The public verification: status, issue date and the head's name (for initials), by QR code. */
export async function verifyByCode(
  q: Queryable,
  code: string,
): Promise<{ id: number; status: CardStatus; issuedOn: string; headName: string } | null> {
  const r = await q.query<{ id: number; status: CardStatus; issued_on: string; head_name: string }>(
    'SELECT id, status, issued_on, head_name FROM family_card WHERE verify_code = $1',
    [code],
  );
  const x = r.rows[0];
  return x ? { id: Number(x.id), status: x.status, issuedOn: x.issued_on, headName: x.head_name } : null;
}

/** Which KK a 16-digit number names: a KK itself, else the family of that NIK. */
export async function familyOfNumber(q: Queryable, digits: string): Promise<string | null> {
  const r = await q.query<{ no_kk: string }>(
    `SELECT no_kk FROM (
       SELECT no_kk, 0 AS k FROM person WHERE no_kk = $1
       UNION ALL SELECT no_kk, 1 FROM family_card WHERE no_kk = $1
       UNION ALL SELECT no_kk, 2 FROM person WHERE nik = $1
     ) x ORDER BY k LIMIT 1`,
    [digits],
  );
  return r.rows[0]?.no_kk ?? null;
}

export async function areaNames(
  q: Queryable,
  villageCode: string,
): Promise<{ villageName: string | null; districtName: string | null }> {
  const r = await q.query<{ village: string | null; district: string | null }>(
    `SELECT (SELECT name FROM admin_area WHERE code = $1) AS village, (SELECT name FROM admin_area WHERE code = left($1, 6)) AS district`,
    [villageCode],
  );
  return { villageName: r.rows[0]?.village ?? null, districtName: r.rows[0]?.district ?? null };
}

export { CARD_SELECT, toCard };
