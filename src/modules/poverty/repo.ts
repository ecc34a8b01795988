import type { BaseCounts } from '../../platform/ingest/snapshot-import.js';
import type { Queryable } from '../../platform/db/index.js';
import { mergePeriods } from '../../platform/ingest/periods.js';
import { snapshotTables } from '../../platform/ingest/snapshot-tables.js';

export const STAGE_COPY_SQL = 'COPY poverty_stage (line_no, nik, decile, dtks_status, designated_on) FROM STDIN';

/** The import log and stage table; the snapshot pipeline keeps them (platform/ingest). */
export const importTables = snapshotTables('poverty_import', 'poverty_stage');

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

/** Poverty imports are applied at once (no review); the log also counts ended statuses and unknown NIKs. */
export const finishImport = (
  q: Queryable,
  id: number,
  c: BaseCounts & { ended?: number; unknownNik?: number; reportPath: string },
) =>
  importTables.finishImport(
    q,
    id,
    { ...c, status: 'applied' },
    { ended: c.ended ?? 0, unknown_nik: c.unknownNik ?? 0 },
  );

/** Whether any poverty data has been loaded (a poor-only basis needs it). */
export async function hasPovertyData(q: Queryable): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM poverty_import WHERE status = 'applied' LIMIT 1`);
  return r.rows.length > 0;
}
