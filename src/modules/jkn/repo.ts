import type { BaseCounts } from '../../platform/ingest/snapshot-import.js';
import type { Queryable } from '../../platform/db/index.js';
import { applyPeriodChanges, mergePeriods } from '../../platform/ingest/periods.js';
import { removeDuplicateNiks, snapshotTables } from '../../platform/ingest/snapshot-tables.js';

export const STAGE_COPY_SQL = `COPY jkn_stage (line_no, nik, card_number, name, segment, class, status, start_date, arrears_months, primary_facility) FROM STDIN`;

const DATA = [
  'card_number',
  'name',
  'segment',
  'class',
  'status',
  'start_date',
  'arrears_months',
  'primary_facility',
] as const;
export const {
  latestAppliedAsOf,
  createImport,
  failImport,
  clearStage,
  analyzeStage,
  removeDuplicateNiks: removeStagedDuplicates,
} = snapshotTables('jkn_import', 'jkn_stage');

/** NIKs of the file that the population does not know, from the stage or (first load) the loaded table. */
export async function unknownNiks(q: Queryable, from: 'jkn_stage' | 'jkn_membership' = 'jkn_stage') {
  const line = from === 'jkn_membership' ? 'import_line' : 'line_no';
  const r = await q.query<{ line_no: number; nik: string }>(
    `SELECT s.${line} AS line_no, s.nik FROM ${from} s WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.nik = s.nik) ORDER BY 1`,
  );
  return r.rows;
}

export const MEMBERSHIP_COPY_SQL = `COPY jkn_membership (nik, valid_from, ${DATA.join(', ')}, import_id, import_line) FROM STDIN`;

export const removeDuplicateNiksFromMembership = (q: Queryable) =>
  removeDuplicateNiks(q, 'jkn_membership', 'import_line');

const PERIODS = { table: 'jkn_membership', stage: 'jkn_stage', data: DATA, startColumn: 'start_date' } as const;

/** Applies the staged file to the membership periods (see mergePeriods). */
export const mergeStage = (q: Queryable, asOf: string, importId: number) => mergePeriods(q, PERIODS, asOf, importId);

/** Applies reviewed rows (a stage-shaped table) and ends the periods of the NIKs listed in `ended` (MEM-7). */
export const applyChanges = (q: Queryable, rows: string, ended: string, asOf: string, importId: number) =>
  applyPeriodChanges(q, PERIODS, rows, ended, asOf, importId);

export async function finishImport(
  q: Queryable,
  id: number,
  c: BaseCounts & { ended: number; unknownNik: number; reportPath: string; status?: 'applied' | 'pending_review' },
) {
  await q.query(
    `UPDATE jkn_import SET status = $12, rows_read = $2, accepted = $3, rejected = $4, warnings = $5, inserted = $6,
       updated = $7, unchanged = $8, ended = $9, unknown_nik = $10, report_path = $11, finished_at = now() WHERE id = $1`,
    [
      id,
      c.rowsRead,
      c.accepted,
      c.rejected,
      c.warnings,
      c.inserted,
      c.updated,
      c.unchanged,
      c.ended,
      c.unknownNik,
      c.reportPath,
      c.status ?? 'applied',
    ],
  );
}

/** The end of a reviewed import: applied with what was approved, or rejected (MEM-7). */
export async function setImportDecision(
  q: Queryable,
  id: number,
  status: 'applied' | 'rejected',
  c: { inserted: number; updated: number; ended: number },
) {
  await q.query(
    `UPDATE jkn_import SET status = $2, inserted = $3, updated = $4, ended = $5 WHERE id = $1 AND status = 'pending_review'`,
    [id, status, c.inserted, c.updated, c.ended],
  );
}
