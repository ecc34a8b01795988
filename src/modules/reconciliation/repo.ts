import type { Queryable } from '../../platform/db/index.js';
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
  created_at: string;
  created_by_username: string | null;
  decided_at: string | null;
  decided_by_username: string | null;
  decision_note: string | null;
  file_name: string | null;
}

const HEADER_COLS = `c.id, c.kind, c.import_id, c.as_of, c.previous_as_of, c.status, c.totals, c.item_count, c.approved_count, c.declined_count,
  c.stale_count, c.created_at, u.username AS created_by_username, c.decided_at, c.decided_by_username, c.decision_note,
  coalesce(pi.file_name, ji.file_name) AS file_name`;
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
  await q.query(`UPDATE reconciliation_change_set SET totals = $2::jsonb, item_count = $3 WHERE id = $1`, [id, JSON.stringify(totals), items]);
}

/** Locks a set for a decision; null when there is none. */
export async function lockChangeSet(q: Queryable, id: number) {
  const r = await q.query<{ id: number; kind: ChangeSetKind; import_id: number; as_of: string; status: ChangeSetStatus }>(
    `SELECT id, kind, import_id, as_of, status FROM reconciliation_change_set WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return r.rows[0] ?? null;
}

/** Marks every item APPROVED or DECLINED by the selection (all when both lists are empty); returns the counts. */
export async function decideItems(q: Queryable, id: number, kinds: readonly string[], itemIds: readonly number[]) {
  const all = kinds.length === 0 && itemIds.length === 0;
  const r = await q.query<{ approved: number; declined: number }>(
    `WITH d AS (
       UPDATE reconciliation_item SET decision = CASE WHEN $2 OR kind = ANY($3::text[]) OR id = ANY($4::bigint[]) THEN 'APPROVED' ELSE 'DECLINED' END
       WHERE change_set_id = $1 AND decision = 'PENDING' RETURNING decision
     )
     SELECT count(*) FILTER (WHERE decision = 'APPROVED') AS approved, count(*) FILTER (WHERE decision = 'DECLINED') AS declined FROM d`,
    [id, all, kinds, itemIds],
  );
  return { approved: Number(r.rows[0]!.approved), declined: Number(r.rows[0]!.declined) };
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

export async function declineAll(q: Queryable, id: number) {
  const r = await q.query(`UPDATE reconciliation_item SET decision = 'DECLINED' WHERE change_set_id = $1 AND decision = 'PENDING'`, [id]);
  return r.rowCount;
}

export async function closeChangeSet(
  q: Queryable,
  id: number,
  d: { status: ChangeSetStatus; approved: number; declined: number; stale: number; decidedBy: number | null; decidedByUsername: string | null; note: string | null },
) {
  await q.query(
    `UPDATE reconciliation_change_set SET status = $2, approved_count = $3, declined_count = $4, stale_count = $5,
       decided_by = $6, decided_by_username = $7, decision_note = $8, decided_at = now() WHERE id = $1`,
    [id, d.status, d.approved, d.declined, d.stale, d.decidedBy, d.decidedByUsername, d.note],
  );
}

/** Approved items as MEM-6 history rows (`details` per kind: see the *-changes.ts files). */
export async function appendMembershipChanges(
  q: Queryable,
  id: number,
  map: [string[], string[], string[]],
  detailsSql: string,
  recordedBy: number | null,
) {
  const r = await q.query(
    `INSERT INTO membership_change (nik, kind, effective_date, reason, source, source_id, details, recorded_by)
     SELECT i.nik, m.change_kind, i.effective_date, m.reason, 'RECONCILIATION', i.change_set_id, ${detailsSql}, $5
     FROM reconciliation_item i JOIN unnest($2::text[], $3::text[], $4::text[]) AS m(item_kind, change_kind, reason) ON m.item_kind = i.kind
     WHERE i.change_set_id = $1 AND i.decision = 'APPROVED'
     ORDER BY i.id`,
    [id, ...map, recordedBy],
  );
  return r.rowCount;
}

export async function pendingOf(q: Queryable, kind: ChangeSetKind) {
  const r = await q.query<{ id: number; as_of: string; item_count: number }>(
    `SELECT id, as_of, item_count FROM reconciliation_change_set WHERE kind = $1 AND status = 'PENDING'`,
    [kind],
  );
  return r.rows[0] ?? null;
}

export async function listChangeSets(q: Queryable, f: { kind?: ChangeSetKind; status?: ChangeSetStatus; limit: number }) {
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
  const r = await q.query<{ id: number }>(`SELECT id FROM reconciliation_change_set WHERE kind = $1 AND import_id = $2`, [kind, importId]);
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

/** Items per village and kind (village NULL for NIKs the population does not know). */
export async function countByVillage(q: Queryable, id: number) {
  const r = await q.query<{ village_code: string | null; kind: string; n: number }>(
    `SELECT village_code, kind, count(*) AS n FROM reconciliation_item WHERE change_set_id = $1 GROUP BY village_code, kind ORDER BY village_code, kind`,
    [id],
  );
  return r.rows;
}

/** Items per kind and decision, for a decided set. */
export async function countByDecision(q: Queryable, id: number) {
  const r = await q.query<{ kind: string; decision: string; n: number }>(
    `SELECT kind, decision, count(*) AS n FROM reconciliation_item WHERE change_set_id = $1 GROUP BY kind, decision`,
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
  decision: string;
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
  const total = await q.query<{ n: number }>(`SELECT count(*) AS n FROM reconciliation_item WHERE change_set_id = $1${w.sql}`, [id, ...w.params]);
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
