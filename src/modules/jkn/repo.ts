import { isEmpty, withIndexesRebuilt } from '../../platform/db/bulk.js';
import type { Queryable } from '../../platform/db/index.js';
import { removeDuplicateNiks, snapshotTables } from '../../platform/ingest/snapshot-tables.js';

export const STAGE_COPY_SQL = `COPY jkn_stage (line_no, nik, card_number, name, segment, class, status, start_date, arrears_months, primary_facility) FROM STDIN`;

const DATA = ['card_number', 'name', 'segment', 'class', 'status', 'start_date', 'arrears_months', 'primary_facility'] as const;
export const { latestAppliedAsOf, createImport, failImport, clearStage, analyzeStage, removeDuplicateNiks: removeStagedDuplicates } =
  snapshotTables('jkn_import', 'jkn_stage');

const differs = (a: string, b: string) => `(${DATA.map((c) => `${a}.${c}`).join(', ')}) IS DISTINCT FROM (${DATA.map((c) => `${b}.${c}`).join(', ')})`;

/** NIKs of the file that the population does not know, from the stage or (first load) the loaded table. */
export async function unknownNiks(q: Queryable, from: 'jkn_stage' | 'jkn_membership' = 'jkn_stage') {
  const line = from === 'jkn_membership' ? 'import_line' : 'line_no';
  const r = await q.query<{ line_no: number; nik: string }>(
    `SELECT s.${line} AS line_no, s.nik FROM ${from} s WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.nik = s.nik) ORDER BY 1`,
  );
  return r.rows;
}

export const MEMBERSHIP_COPY_SQL = `COPY jkn_membership (nik, valid_from, ${DATA.join(', ')}, import_id, import_line) FROM STDIN`;

export const removeDuplicateNiksFromMembership = (q: Queryable) => removeDuplicateNiks(q, 'jkn_membership', 'import_line');

/**
 * Applies the staged file as of `asOf` to the membership periods: a changed
 * membership closes its open period and opens a new one; a membership missing
 * from the file is closed (its history stays); a re-import of the same date
 * corrects that date's rows in place.
 */
export async function mergeStage(q: Queryable, asOf: string, importId: number) {
  if (await isEmpty(q, 'jkn_membership')) {
    const r = await withIndexesRebuilt(q, 'jkn_membership', () =>
      q.query(
        `INSERT INTO jkn_membership (nik, valid_from, ${DATA.join(', ')}, import_id, import_line)
         SELECT s.nik, LEAST(coalesce(s.start_date, $1::date), $1::date), ${DATA.map((c) => `s.${c}`).join(', ')}, $2, s.line_no FROM jkn_stage s`,
        [asOf, importId],
      ),
    );
    return { inserted: r.rowCount, updated: 0, ended: 0 };
  }
  const closedChanged = await q.query(
    `UPDATE jkn_membership m SET valid_to = $1 FROM jkn_stage s
     WHERE m.nik = s.nik AND m.valid_to IS NULL AND m.valid_from < $1 AND ${differs('m', 's')}`,
    [asOf],
  );
  const fixedInPlace = await q.query(
    `UPDATE jkn_membership m SET ${DATA.map((c) => `${c} = s.${c}`).join(', ')}, import_id = $2, import_line = s.line_no FROM jkn_stage s
     WHERE m.nik = s.nik AND m.valid_to IS NULL AND m.valid_from >= $1 AND ${differs('m', 's')}`,
    [asOf, importId],
  );
  const ended = await q.query(
    `UPDATE jkn_membership m SET valid_to = $1
     WHERE m.valid_to IS NULL AND m.valid_from < $1 AND NOT EXISTS (SELECT 1 FROM jkn_stage s WHERE s.nik = m.nik)`,
    [asOf],
  );
  const withdrawn = await q.query(
    `DELETE FROM jkn_membership m
     WHERE m.valid_to IS NULL AND m.valid_from >= $1 AND NOT EXISTS (SELECT 1 FROM jkn_stage s WHERE s.nik = m.nik)`,
    [asOf],
  );
  // A NIK seen for the first time is a member from its start date when the file gives one.
  const inserted = await q.query(
    `INSERT INTO jkn_membership (nik, valid_from, ${DATA.join(', ')}, import_id, import_line)
     SELECT s.nik,
            CASE WHEN EXISTS (SELECT 1 FROM jkn_membership h WHERE h.nik = s.nik) THEN $1::date
                 ELSE LEAST(coalesce(s.start_date, $1::date), $1::date) END,
            ${DATA.map((c) => `s.${c}`).join(', ')}, $2, s.line_no
     FROM jkn_stage s
     WHERE NOT EXISTS (SELECT 1 FROM jkn_membership m WHERE m.nik = s.nik AND m.valid_to IS NULL)`,
    [asOf, importId],
  );
  return {
    inserted: inserted.rowCount - closedChanged.rowCount,
    updated: closedChanged.rowCount + fixedInPlace.rowCount,
    ended: ended.rowCount + withdrawn.rowCount,
  };
}

export async function finishImport(
  q: Queryable,
  id: number,
  c: { rowsRead: number; accepted: number; rejected: number; warnings: number; inserted: number; updated: number; unchanged: number; ended: number; unknownNik: number; reportPath: string },
) {
  await q.query(
    `UPDATE jkn_import SET status = 'applied', rows_read = $2, accepted = $3, rejected = $4, warnings = $5, inserted = $6,
       updated = $7, unchanged = $8, ended = $9, unknown_nik = $10, report_path = $11, finished_at = now() WHERE id = $1`,
    [id, c.rowsRead, c.accepted, c.rejected, c.warnings, c.inserted, c.updated, c.unchanged, c.ended, c.unknownNik, c.reportPath],
  );
}
