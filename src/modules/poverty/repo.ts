import type { Queryable } from '../../platform/db/index.js';
import { mergePeriods } from '../../platform/ingest/periods.js';
import { snapshotTables } from '../../platform/ingest/snapshot-tables.js';

export const STAGE_COPY_SQL = 'COPY poverty_stage (line_no, nik, decile, dtks_status, designated_on) FROM STDIN';

export const { latestAppliedAsOf, createImport, failImport, clearStage, analyzeStage, removeDuplicateNiks } =
  snapshotTables('poverty_import', 'poverty_stage');

const PERIODS = {
  table: 'poverty_status',
  stage: 'poverty_stage',
  data: ['decile', 'dtks_status', 'designated_on'],
  startColumn: 'designated_on',
} as const;

export const mergeStage = (q: Queryable, asOf: string, importId: number) => mergePeriods(q, PERIODS, asOf, importId);

export async function unknownNiks(q: Queryable) {
  const r = await q.query<{ line_no: number; nik: string }>(
    `SELECT s.line_no, s.nik FROM poverty_stage s WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.nik = s.nik) ORDER BY 1`,
  );
  return r.rows;
}

export async function finishImport(
  q: Queryable,
  id: number,
  c: {
    rowsRead: number;
    accepted: number;
    rejected: number;
    warnings: number;
    inserted: number;
    updated: number;
    unchanged: number;
    ended?: number;
    unknownNik?: number;
    reportPath: string;
  },
) {
  await q.query(
    `UPDATE poverty_import SET status = 'applied', rows_read = $2, accepted = $3, rejected = $4, warnings = $5, inserted = $6,
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
      c.ended ?? 0,
      c.unknownNik ?? 0,
      c.reportPath,
    ],
  );
}

/** Whether any poverty data has been loaded (a poor-only basis needs it). */
export async function hasPovertyData(q: Queryable): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM poverty_import WHERE status = 'applied' LIMIT 1`);
  return r.rows.length > 0;
}
