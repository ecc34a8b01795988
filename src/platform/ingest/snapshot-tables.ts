import type { Queryable } from '../db/index.js';
import type { BaseCounts } from './snapshot-import.js';

/** Count columns only some import logs keep (JKN and poverty: `ended`, `unknown_nik`). */
export type ExtraCounts = Partial<Record<'ended' | 'unknown_nik', number>>;

/** `, ended = $5, unknown_nik = $6` for the extra counts, numbered from `first`; the names come from ExtraCounts, never from input. */
function extraSet(extra: ExtraCounts, first: number): { sql: string; values: number[] } {
  const cols = Object.keys(extra) as (keyof ExtraCounts)[];
  return {
    sql: cols.map((c, i) => `, ${c} = $${first + i}`).join(''),
    values: cols.map((c) => extra[c]!),
  };
}

/**
 * The bookkeeping every snapshot import does on its own import-log table
 * (`<kind>_import`) and stage table. Table names come from the module, never
 * from input.
 */
export type SnapshotTables = ReturnType<typeof snapshotTables>;

export function snapshotTables(imports: string, stage: string) {
  return {
    async latestAppliedAsOf(q: Queryable): Promise<string | null> {
      const r = await q.query<{ as_of: string | null }>(
        `SELECT max(as_of) AS as_of FROM ${imports} WHERE status = 'applied'`,
      );
      return r.rows[0]?.as_of ?? null;
    },
    /** Data rows of the latest applied import: a later file with far fewer is suspect (issue 10). */
    async latestAppliedRows(q: Queryable): Promise<number | null> {
      const r = await q.query<{ rows_read: number }>(
        `SELECT rows_read FROM ${imports} WHERE status = 'applied' ORDER BY as_of DESC, id DESC LIMIT 1`,
      );
      return r.rows[0] ? Number(r.rows[0].rows_read) : null;
    },
    async createImport(
      q: Queryable,
      i: { asOf: string; fileName: string; sha256: string; jobId: number | null; createdBy: number | null },
    ) {
      const r = await q.query<{ id: number }>(
        `INSERT INTO ${imports} (as_of, file_name, file_sha256, job_id, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [i.asOf, i.fileName, i.sha256, i.jobId, i.createdBy && i.createdBy > 0 ? i.createdBy : null],
      );
      return r.rows[0]!.id;
    },
    async failImport(q: Queryable, id: number, reportPath: string | null) {
      await q.query(`UPDATE ${imports} SET status = 'failed', report_path = $2, finished_at = now() WHERE id = $1`, [
        id,
        reportPath,
      ]);
    },
    async clearStage(q: Queryable) {
      await q.exec(`TRUNCATE ${stage}`);
    },
    /** Statistics for the planner: the stage goes from empty to millions of rows within one import. */
    async analyzeStage(q: Queryable) {
      await q.exec(`ANALYZE ${stage}`);
    },
    removeDuplicateNiks: (q: Queryable) => removeDuplicateNiks(q, stage, 'line_no'),
    /** The end of a run: its counts and report, applied or (a reviewed kind) waiting for review. */
    async finishImport(
      q: Queryable,
      id: number,
      c: BaseCounts & { reportPath: string; status?: 'applied' | 'pending_review' },
      extra: ExtraCounts = {},
    ) {
      const more = extraSet(extra, 11);
      await q.query(
        `UPDATE ${imports} SET status = $10, rows_read = $2, accepted = $3, rejected = $4, warnings = $5, inserted = $6,
           updated = $7, unchanged = $8, report_path = $9${more.sql}, finished_at = now() WHERE id = $1`,
        [
          id,
          c.rowsRead,
          c.accepted,
          c.rejected,
          c.warnings,
          c.inserted,
          c.updated,
          c.unchanged,
          c.reportPath,
          c.status ?? 'applied',
          ...more.values,
        ],
      );
    },
    /** The end of a reviewed import: applied with what was approved, or rejected (MEM-7). */
    async setImportDecision(
      q: Queryable,
      id: number,
      status: 'applied' | 'rejected',
      c: { inserted: number; updated: number },
      extra: ExtraCounts = {},
    ) {
      const more = extraSet(extra, 5);
      await q.query(
        `UPDATE ${imports} SET status = $2, inserted = $3, updated = $4${more.sql} WHERE id = $1 AND status = 'pending_review'`,
        [id, status, c.inserted, c.updated, ...more.values],
      );
    },
  };
}

/**
 * Removes every row of a NIK that occurs more than once in `table` (the file
 * cannot say which is right) and returns them with their file row number.
 */
export async function removeDuplicateNiks(q: Queryable, table: string, lineColumn: 'line_no' | 'import_line') {
  const r = await q.query<{ line_no: number; nik: string }>(
    `WITH d AS (SELECT nik FROM ${table} GROUP BY nik HAVING count(*) > 1)
     DELETE FROM ${table} t USING d WHERE t.nik = d.nik RETURNING t.${lineColumn} AS line_no, t.nik`,
  );
  return r.rows.sort((a, b) => a.line_no - b.line_no);
}
