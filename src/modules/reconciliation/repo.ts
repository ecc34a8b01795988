import type { Queryable } from '../../platform/db/index.js';
import { appendChangesFrom } from '../membership/index.js';
import type { GuardFigures } from './rules/guard.js';
import type { ChangeSetKind, ChangeSetStatus } from './rules/kinds.js';

/** SQL for this module's own tables: change set headers and their items. */

export interface ChangeSetRow {
  id: number;
  kind: ChangeSetKind;
  import_id: number;
  as_of: string;
  previous_as_of: string | null;
  status: ChangeSetStatus;
  totals: Record<string, number>;
  item_count: number;
  approved_count: number;
  declined_count: number;
  stale_count: number;
  created_at: Date;
  created_by_username: string | null;
  decided_at: Date | null;
  decided_by_username: string | null;
  decision_note: string | null;
  file_name: string | null;
  suspect: boolean;
  guard: GuardFigures | null;
}

const HEADER_COLS = `c.id, c.kind, c.import_id, c.as_of, c.previous_as_of, c.status, c.totals, c.item_count, c.approved_count, c.declined_count,
  c.stale_count, c.created_at, u.username AS created_by_username, c.decided_at, c.decided_by_username, c.decision_note,
  c.suspect, c.guard, coalesce(pi.file_name, ji.file_name) AS file_name`;
const HEADER_FROM = `reconciliation_change_set c
  LEFT JOIN app_user u ON u.id = c.created_by
  LEFT JOIN population_import pi ON c.kind = 'population' AND pi.id = c.import_id
  LEFT JOIN jkn_import ji ON c.kind = 'jkn' AND ji.id = c.import_id`;

export async function createChangeSet(
  q: Queryable,
  h: { kind: ChangeSetKind; importId: number; asOf: string; previousAsOf: string | null; createdBy: number | null },
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO reconciliation_change_set (kind, import_id, as_of, previous_as_of, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [h.kind, h.importId, h.asOf, h.previousAsOf, h.createdBy],
  );
  return Number(r.rows[0]!.id);
}

/** Counts per kind of a set's items, with how many of them are new records and how many distinct NIKs change. */
export async function countItems(q: Queryable, id: number) {
  const r = await q.query<{ kind: string; n: number; new_records: number; ended: number }>(
    `SELECT kind, count(*) AS n, count(*) FILTER (WHERE before IS NULL AND after IS NOT NULL) AS new_records,
            count(*) FILTER (WHERE after IS NULL) AS ended
     FROM reconciliation_item WHERE change_set_id = $1 GROUP BY kind`,
    [id],
  );
  const changedNiks = await q.query<{ n: number }>(
    `SELECT count(DISTINCT nik) AS n FROM reconciliation_item
     WHERE change_set_id = $1 AND before IS NOT NULL AND after IS NOT NULL AND kind <> 'MISSING'`,
    [id],
  );
  const totals: Record<string, number> = {};
  let items = 0;
  let newRecords = 0;
  let ended = 0;
  for (const row of r.rows) {
    totals[row.kind] = Number(row.n);
    items += Number(row.n);
    newRecords += Number(row.new_records);
    ended += Number(row.ended);
  }
  return { totals, items, newRecords, ended, changedNiks: Number(changedNiks.rows[0]!.n) };
}

export async function setTotals(q: Queryable, id: number, totals: Record<string, number>, items: number) {
  await q.query(`UPDATE reconciliation_change_set SET totals = $2::jsonb, item_count = $3 WHERE id = $1`, [
    id,
    JSON.stringify(totals),
    items,
  ]);
}

export async function setGuard(q: Queryable, id: number, suspect: boolean, guard: GuardFigures) {
  await q.query(`UPDATE reconciliation_change_set SET suspect = $2, guard = $3::jsonb WHERE id = $1`, [
    id,
    suspect,
    JSON.stringify(guard),
  ]);
}

/** Locks a set for a decision and opens its next decision round; null when there is none. */
export async function lockChangeSet(q: Queryable, id: number) {
  const r = await q.query<{
    id: number;
    kind: ChangeSetKind;
    import_id: number;
    as_of: string;
    status: ChangeSetStatus;
    suspect: boolean;
    decision_rounds: number;
  }>(
    `SELECT id, kind, import_id, as_of, status, suspect, decision_rounds FROM reconciliation_change_set WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return r.rows[0] ?? null;
}

export async function nextRound(q: Queryable, id: number): Promise<number> {
  const r = await q.query<{ n: number }>(
    `UPDATE reconciliation_change_set SET decision_rounds = decision_rounds + 1 WHERE id = $1 RETURNING decision_rounds AS n`,
    [id],
  );
  return Number(r.rows[0]!.n);
}

/** What a decision covers: every undecided item (`all`), or those of the kinds and the items named. */
export interface ItemSelection {
  all: boolean;
  kinds: readonly string[];
  itemIds: readonly number[];
}

/** An item whose approval ends someone: a resident absent from the snapshot, a membership absent from the JKN file. */
const ENDING = `(kind = 'MISSING' OR after IS NULL)`;
const SELECTED = `($2::boolean OR kind = ANY($3::text[]) OR id = ANY($4::bigint[]))`;

/** Undecided items of the selection whose approval would end someone. */
export async function countEnding(q: Queryable, id: number, s: ItemSelection): Promise<number> {
  const r = await q.query<{ n: number }>(
    `SELECT count(*) AS n FROM reconciliation_item WHERE change_set_id = $1 AND decision = 'PENDING' AND ${SELECTED} AND ${ENDING}`,
    [id, s.all, s.kinds, s.itemIds],
  );
  return Number(r.rows[0]!.n);
}

/** Decides the undecided items of the selection in one round; the others stay undecided. Returns how many. */
export async function decideItems(
  q: Queryable,
  id: number,
  decision: 'APPROVED' | 'DECLINED',
  s: ItemSelection,
  round: number,
  by: number | null,
) {
  const r = await q.query(
    `UPDATE reconciliation_item SET decision = $5, decision_round = $6, decided_by = $7, decided_at = now()
     WHERE change_set_id = $1 AND decision = 'PENDING' AND ${SELECTED}`,
    [id, s.all, s.kinds, s.itemIds, decision, round, by],
  );
  return r.rowCount;
}

/** The set's counts by decision, written on its header; `pending` is what is still undecided. */
export async function refreshCounts(q: Queryable, id: number) {
  const r = await q.query<{ pending: number; approved: number; declined: number; stale: number }>(
    `WITH c AS (
       SELECT count(*) FILTER (WHERE decision = 'PENDING') AS pending, count(*) FILTER (WHERE decision = 'APPROVED') AS approved,
              count(*) FILTER (WHERE decision = 'DECLINED') AS declined, count(*) FILTER (WHERE decision = 'STALE') AS stale
       FROM reconciliation_item WHERE change_set_id = $1
     ), u AS (
       UPDATE reconciliation_change_set s SET approved_count = c.approved, declined_count = c.declined, stale_count = c.stale FROM c WHERE s.id = $1
     )
     SELECT * FROM c`,
    [id],
  );
  const c = r.rows[0]!;
  return {
    pending: Number(c.pending),
    approved: Number(c.approved),
    declined: Number(c.declined),
    stale: Number(c.stale),
  };
}

/** What the import brought in once its set is closed: new records, changed NIKs and ended memberships approved and applied. */
export async function appliedCounts(q: Queryable, id: number) {
  const r = await q.query<{ inserted: number; updated: number; ended: number }>(
    `SELECT count(*) FILTER (WHERE before IS NULL) AS inserted,
            count(DISTINCT nik) FILTER (WHERE before IS NOT NULL AND after IS NOT NULL) AS updated,
            count(*) FILTER (WHERE after IS NULL) AS ended
     FROM reconciliation_item WHERE change_set_id = $1 AND decision = 'APPROVED'`,
    [id],
  );
  const c = r.rows[0]!;
  return { inserted: Number(c.inserted), updated: Number(c.updated), ended: Number(c.ended) };
}

/** Item ids that do not belong to the set. */
export async function foreignItemIds(q: Queryable, id: number, itemIds: readonly number[]): Promise<number[]> {
  if (itemIds.length === 0) return [];
  const r = await q.query<{ id: number }>(
    `SELECT x.id FROM unnest($2::bigint[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM reconciliation_item i WHERE i.id = x.id AND i.change_set_id = $1)`,
    [id, itemIds],
  );
  return r.rows.map((x) => Number(x.id));
}

export async function closeChangeSet(
  q: Queryable,
  id: number,
  d: {
    status: ChangeSetStatus;
    approved: number;
    declined: number;
    stale: number;
    decidedBy: number | null;
    decidedByUsername: string | null;
    note: string | null;
  },
) {
  await q.query(
    `UPDATE reconciliation_change_set SET status = $2, approved_count = $3, declined_count = $4, stale_count = $5,
       decided_by = $6, decided_by_username = $7, decision_note = coalesce(decision_note, $8), decided_at = now() WHERE id = $1`,
    [id, d.status, d.approved, d.declined, d.stale, d.decidedBy, d.decidedByUsername, d.note],
  );
}

/** A note given with one round of a set still open; kept on the set with the earlier ones. */
export async function addNote(q: Queryable, id: number, note: string) {
  await q.query(
    `UPDATE reconciliation_change_set SET decision_note = concat_ws(' · ', decision_note, $2::text) WHERE id = $1`,
    [id, note],
  );
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Approved items of a decision round as MEM-6 history rows, written by the membership module in this
 * transaction from a temporary view over the items (`details` per kind: see the *-changes.ts files).
 */
export async function appendMembershipChanges(
  q: Queryable,
  id: number,
  map: [string[], string[], string[]],
  detailsSql: string,
  recordedBy: number | null,
  round: number,
) {
  // A view takes no parameters: the numbers are integers read from the database, the texts this module's own (rules/kinds.ts).
  const rows = map[0].map((kind, n) => `(${literal(kind)}, ${literal(map[1][n]!)}, ${literal(map[2][n]!)})`);
  await q.exec(`CREATE OR REPLACE TEMP VIEW reconciliation_membership_changes AS
    SELECT i.id AS ord, i.nik, m.change_kind AS kind, i.effective_date, m.reason, 'RECONCILIATION'::text AS source,
           i.change_set_id AS source_id, ${detailsSql} AS details
    FROM reconciliation_item i JOIN (VALUES ${rows.join(', ')}) AS m(item_kind, change_kind, reason) ON m.item_kind = i.kind
    WHERE i.change_set_id = ${Math.trunc(id)} AND i.decision = 'APPROVED' AND i.decision_round = ${Math.trunc(round)}`);
  const n = await appendChangesFrom(q, 'reconciliation_membership_changes', recordedBy);
  await q.exec('DROP VIEW reconciliation_membership_changes');
  return n;
}

export async function pendingOf(q: Queryable, kind: ChangeSetKind) {
  const r = await q.query<{ id: number; as_of: string; item_count: number }>(
    `SELECT id, as_of, item_count FROM reconciliation_change_set WHERE kind = $1 AND status = 'PENDING'`,
    [kind],
  );
  return r.rows[0] ?? null;
}

export async function listChangeSets(
  q: Queryable,
  f: { kind?: ChangeSetKind; status?: ChangeSetStatus; limit: number },
) {
  const r = await q.query<ChangeSetRow>(
    `SELECT ${HEADER_COLS} FROM ${HEADER_FROM}
     WHERE ($1::text IS NULL OR c.kind = $1) AND ($2::text IS NULL OR c.status = $2)
     ORDER BY c.id DESC LIMIT $3`,
    [f.kind ?? null, f.status ?? null, f.limit],
  );
  return r.rows;
}

export async function getChangeSet(q: Queryable, id: number) {
  const r = await q.query<ChangeSetRow>(`SELECT ${HEADER_COLS} FROM ${HEADER_FROM} WHERE c.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function changeSetOfImport(q: Queryable, kind: ChangeSetKind, importId: number) {
  const r = await q.query<{ id: number }>(
    `SELECT id FROM reconciliation_change_set WHERE kind = $1 AND import_id = $2`,
    [kind, importId],
  );
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

/** The change sets made from these imports of a kind, by import id. */
export async function changeSetsOfImports(q: Queryable, kind: ChangeSetKind, importIds: readonly number[]) {
  const r = await q.query<{ id: number; import_id: number }>(
    `SELECT id, import_id FROM reconciliation_change_set WHERE kind = $1 AND import_id = ANY($2::bigint[])`,
    [kind, importIds],
  );
  return new Map(r.rows.map((c) => [Number(c.import_id), Number(c.id)]));
}

/** Items per village and kind (village NULL for NIKs the population does not know). */
export async function countByVillage(q: Queryable, id: number) {
  const r = await q.query<{ village_code: string | null; kind: string; n: number }>(
    `SELECT village_code, kind, count(*) AS n FROM reconciliation_item WHERE change_set_id = $1 GROUP BY village_code, kind ORDER BY village_code, kind`,
    [id],
  );
  return r.rows;
}

/** Items per kind and decision, with how many of them end someone. */
export async function countByDecision(q: Queryable, id: number) {
  const r = await q.query<{ kind: string; decision: string; n: number; ending: number }>(
    `SELECT kind, decision, count(*) AS n, count(*) FILTER (WHERE ${ENDING}) AS ending FROM reconciliation_item WHERE change_set_id = $1 GROUP BY kind, decision`,
    [id],
  );
  return r.rows;
}

export interface ItemFilter {
  kind?: string;
  /** A village (10 digits) or a district (6 digits); '-' for items without a village. */
  area?: string;
  decision?: string;
}

export interface ItemRow {
  id: number;
  nik: string;
  kind: string;
  village_code: string | null;
  name: string | null;
  line_no: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  effective_date: string;
  decision: 'PENDING' | 'APPROVED' | 'DECLINED' | 'STALE';
}

const ITEM_COLS = 'id, nik, kind, village_code, name, line_no, before, after, effective_date, decision';

function where(f: ItemFilter, first: number) {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.kind) {
    params.push(f.kind);
    parts.push(`kind = $${first + params.length}`);
  }
  if (f.area === '-') parts.push('village_code IS NULL');
  else if (f.area) {
    params.push(f.area);
    parts.push(`starts_with(village_code, $${first + params.length})`);
  }
  if (f.decision) {
    params.push(f.decision);
    parts.push(`decision = $${first + params.length}`);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

export async function pageItems(q: Queryable, id: number, f: ItemFilter, page: number, pageSize: number) {
  const w = where(f, 1);
  const total = await q.query<{ n: number }>(
    `SELECT count(*) AS n FROM reconciliation_item WHERE change_set_id = $1${w.sql}`,
    [id, ...w.params],
  );
  const rows = await q.query<ItemRow>(
    `SELECT ${ITEM_COLS} FROM reconciliation_item WHERE change_set_id = $1${w.sql}
     ORDER BY id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    [id, ...w.params],
  );
  return { total: Number(total.rows[0]!.n), rows: rows.rows };
}

/** A repeatable random sample: the same seed gives the same items. */
export async function sampleItems(q: Queryable, id: number, f: ItemFilter, size: number, seed: string) {
  const w = where(f, 2);
  const r = await q.query<ItemRow>(
    `SELECT ${ITEM_COLS} FROM reconciliation_item WHERE change_set_id = $1${w.sql} ORDER BY md5($2 || id::text) LIMIT ${size}`,
    [id, seed, ...w.params],
  );
  return r.rows;
}

/** Items after `afterId` in id order, for streaming a download. */
export async function itemsAfter(q: Queryable, id: number, f: ItemFilter, afterId: number, limit: number) {
  const w = where(f, 2);
  const r = await q.query<ItemRow>(
    `SELECT ${ITEM_COLS} FROM reconciliation_item WHERE change_set_id = $1 AND id > $2${w.sql} ORDER BY id LIMIT ${limit}`,
    [id, afterId, ...w.params],
  );
  return r.rows;
}
