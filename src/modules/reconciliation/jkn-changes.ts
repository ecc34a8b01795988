import type { Queryable } from '../../platform/db/index.js';
import { applyChanges as applyJknPeriodChanges } from '../jkn/index.js';

/**
 * The JKN side of MEM-7, set-based: the staged BPJS file against the open
 * membership periods. One item per NIK whose row is new, changed or gone;
 * approval merges the approved rows into the periods (jkn/repo.ts).
 */

const COLUMNS = [
  ['card_number', 'text'],
  ['name', 'text'],
  ['segment', 'text'],
  ['class', 'smallint'],
  ['status', 'text'],
  ['start_date', 'date'],
  ['arrears_months', 'integer'],
  ['primary_facility', 'text'],
] as const;
const NAMES = COLUMNS.map((c) => c[0]);
const obj = (alias: string) => `jsonb_build_object(${NAMES.map((c) => `'${c}', ${alias}.${c}`).join(', ')})`;

/**
 * $1 change set, $2 as-of, $3 the government-paid segments in force. A row is
 * NEWLY_PBI when it becomes an active government-paid membership, NO_LONGER_PBI
 * when such a membership changes segment, turns NONAKTIF or leaves the file;
 * a NIK the population does not know is UNKNOWN_NIK (shown, applied like any
 * other row when approved); everything else is OTHER_JKN.
 */
const PROPOSE_SQL = `
WITH d AS MATERIALIZED (
  SELECT coalesce(s.nik, m.nik) AS nik, s.line_no,
         CASE WHEN m.nik IS NULL THEN NULL ELSE ${obj('m')} END AS before,
         CASE WHEN s.nik IS NULL THEN NULL ELSE ${obj('s')} END AS after,
         coalesce(m.segment = ANY($3::text[]) AND m.status = 'AKTIF', false) AS pbi_before,
         coalesce(s.segment = ANY($3::text[]) AND s.status = 'AKTIF', false) AS pbi_after,
         coalesce(s.name, m.name) AS jkn_name
  FROM jkn_stage s
  FULL JOIN (SELECT * FROM jkn_membership WHERE valid_to IS NULL) m ON m.nik = s.nik
  WHERE s.nik IS NULL OR m.nik IS NULL
     OR (${NAMES.map((c) => `m.${c}`).join(', ')}) IS DISTINCT FROM (${NAMES.map((c) => `s.${c}`).join(', ')})
)
INSERT INTO reconciliation_item (change_set_id, nik, kind, village_code, name, line_no, before, after, effective_date)
SELECT $1::bigint, d.nik,
       CASE WHEN p.nik IS NULL THEN 'UNKNOWN_NIK'
            WHEN d.pbi_after AND NOT d.pbi_before THEN 'NEWLY_PBI'
            WHEN d.pbi_before AND NOT d.pbi_after THEN 'NO_LONGER_PBI'
            ELSE 'OTHER_JKN' END,
       p.village_code, coalesce(p.name, d.jkn_name), d.line_no, d.before, d.after, $2::date
FROM d LEFT JOIN person p ON p.nik = d.nik`;

export async function proposeJknItems(
  tx: Queryable,
  changeSetId: number,
  asOf: string,
  governmentPaid: readonly string[],
) {
  const r = await tx.query(PROPOSE_SQL, [changeSetId, asOf, governmentPaid]);
  return r.rowCount;
}

/** Approved items whose NIK's open period is no longer the one the item was made against. */
async function markStale(tx: Queryable, changeSetId: number, round: number) {
  const r = await tx.query(
    `UPDATE reconciliation_item i SET decision = 'STALE'
     WHERE i.change_set_id = $1 AND i.decision = 'APPROVED' AND i.decision_round = $2 AND CASE
       WHEN i.before IS NULL THEN EXISTS (SELECT 1 FROM jkn_membership m WHERE m.nik = i.nik AND m.valid_to IS NULL)
       ELSE NOT EXISTS (SELECT 1 FROM jkn_membership m WHERE m.nik = i.nik AND m.valid_to IS NULL AND i.before <@ to_jsonb(m)) END`,
    [changeSetId, round],
  );
  return r.rowCount;
}

/** Merges the rows approved in decision `round` into the membership periods as of $asOf; other NIKs keep theirs. */
export async function applyJknItems(tx: Queryable, changeSetId: number, asOf: string, importId: number, round: number) {
  const stale = await markStale(tx, changeSetId, round);
  await tx.exec(`CREATE TEMP TABLE reconciliation_jkn_rows (line_no bigint, nik text COLLATE "C" NOT NULL,
      ${COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')}) ON COMMIT DROP;
    CREATE TEMP TABLE reconciliation_jkn_ended (nik text COLLATE "C" NOT NULL) ON COMMIT DROP`);
  await tx.query(
    `INSERT INTO reconciliation_jkn_rows (line_no, nik, ${NAMES.join(', ')})
     SELECT i.line_no, i.nik, ${NAMES.map((c) => `r.${c}`).join(', ')}
     FROM reconciliation_item i CROSS JOIN LATERAL jsonb_to_record(i.after) AS r(${COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})
     WHERE i.change_set_id = $1 AND i.decision = 'APPROVED' AND i.decision_round = $2 AND i.after IS NOT NULL`,
    [changeSetId, round],
  );
  await tx.query(
    `INSERT INTO reconciliation_jkn_ended (nik) SELECT nik FROM reconciliation_item WHERE change_set_id = $1 AND decision = 'APPROVED' AND decision_round = $2 AND after IS NULL`,
    [changeSetId, round],
  );
  const merged = await applyJknPeriodChanges(tx, 'reconciliation_jkn_rows', 'reconciliation_jkn_ended', asOf, importId);
  await tx.exec('DROP TABLE reconciliation_jkn_rows; DROP TABLE reconciliation_jkn_ended');
  return { ...merged, stale };
}

/** A JKN history row keeps the segment and status on both sides, no more. */
export const JKN_DETAILS = `jsonb_build_object(
  'before', CASE WHEN i.before IS NULL THEN NULL ELSE jsonb_build_object('segment', i.before->'segment', 'status', i.before->'status') END,
  'after', CASE WHEN i.after IS NULL THEN NULL ELSE jsonb_build_object('segment', i.after->'segment', 'status', i.after->'status') END)`;

/** Open membership periods: the base a JKN file's ended share is measured on. */
export async function openMemberships(tx: Queryable): Promise<number> {
  const r = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM jkn_membership WHERE valid_to IS NULL`);
  return Number(r.rows[0]!.n);
}
