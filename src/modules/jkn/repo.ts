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

/** The import log and stage table; the snapshot pipeline keeps them (platform/ingest). */
export const importTables = snapshotTables('jkn_import', 'jkn_stage');

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

/** The JKN log also counts the memberships ended (MEM-7) and the NIKs the population does not know. */
export const finishImport = (
  q: Queryable,
  id: number,
  c: BaseCounts & { ended: number; unknownNik: number; reportPath: string; status?: 'applied' | 'pending_review' },
) => importTables.finishImport(q, id, c, { ended: c.ended, unknown_nik: c.unknownNik });

/** The end of a reviewed import: applied with what was approved, or rejected (MEM-7). */
export const setImportDecision = (
  q: Queryable,
  id: number,
  status: 'applied' | 'rejected',
  c: { inserted: number; updated: number; ended: number },
) => importTables.setImportDecision(q, id, status, c, { ended: c.ended });
