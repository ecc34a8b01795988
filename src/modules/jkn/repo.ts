import { isEmpty, withIndexesRebuilt } from '../../platform/db/bulk.js';
import type { Queryable } from '../../platform/db/index.js';

export const STAGE_COPY_SQL = `COPY jkn_stage (line_no, nik, card_number, name, segment, class, status, start_date, arrears_months, primary_facility) FROM STDIN`;

const DATA = ['card_number', 'name', 'segment', 'class', 'status', 'start_date', 'arrears_months', 'primary_facility'] as const;
const differs = (a: string, b: string) => `(${DATA.map((c) => `${a}.${c}`).join(', ')}) IS DISTINCT FROM (${DATA.map((c) => `${b}.${c}`).join(', ')})`;

export async function latestAppliedAsOf(q: Queryable): Promise<string | null> {
  const r = await q.query<{ as_of: string | null }>(`SELECT max(as_of) AS as_of FROM jkn_import WHERE status = 'applied'`);
  return r.rows[0]?.as_of ?? null;
}

export async function createImport(q: Queryable, i: { asOf: string; fileName: string; sha256: string; jobId: number | null; createdBy: number | null }) {
  const r = await q.query<{ id: number }>(
    `INSERT INTO jkn_import (as_of, file_name, file_sha256, job_id, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [i.asOf, i.fileName, i.sha256, i.jobId, i.createdBy && i.createdBy > 0 ? i.createdBy : null],
  );
  return r.rows[0]!.id;
}

export async function clearStage(q: Queryable) {
  await q.exec('TRUNCATE jkn_stage');
}

export async function analyzeStage(q: Queryable) {
  await q.exec('ANALYZE jkn_stage');
}

export async function removeDuplicateNiks(q: Queryable) {
  const r = await q.query<{ line_no: number; nik: string }>(
    `WITH d AS (SELECT nik FROM jkn_stage GROUP BY nik HAVING count(*) > 1)
     DELETE FROM jkn_stage s USING d WHERE s.nik = d.nik RETURNING s.line_no, s.nik`,
  );
  return r.rows.sort((a, b) => a.line_no - b.line_no);
}

/** NIKs of the file that the population does not know, from the stage or (first load) the loaded table. */
export async function unknownNiks(q: Queryable, from: 'jkn_stage' | 'jkn_membership' = 'jkn_stage') {
  const line = from === 'jkn_membership' ? 'import_line' : 'line_no';
  const r = await q.query<{ line_no: number; nik: string }>(
    `SELECT s.${line} AS line_no, s.nik FROM ${from} s WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.nik = s.nik) ORDER BY 1`,
  );
  return r.rows;
}

export const MEMBERSHIP_COPY_SQL = `COPY jkn_membership (nik, valid_from, ${DATA.join(', ')}, import_id, import_line) FROM STDIN`;

export async function removeDuplicateNiksFromMembership(q: Queryable) {
  const r = await q.query<{ line_no: number; nik: string }>(
    `WITH d AS (SELECT nik FROM jkn_membership GROUP BY nik HAVING count(*) > 1)
     DELETE FROM jkn_membership m USING d WHERE m.nik = d.nik RETURNING m.import_line AS line_no, m.nik`,
  );
  return r.rows.sort((a, b) => a.line_no - b.line_no);
}

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

export async function failImport(q: Queryable, id: number, reportPath: string | null) {
  await q.query(`UPDATE jkn_import SET status = 'failed', report_path = $2, finished_at = now() WHERE id = $1`, [id, reportPath]);
}
