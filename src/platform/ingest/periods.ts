import { isEmpty, withIndexesRebuilt } from '../db/bulk.js';
import type { Queryable } from '../db/index.js';

/** A table of validity periods per NIK — `(nik, valid_from, valid_to, <data>, import_id, import_line)` — and its stage. */
export interface PeriodTables {
  table: string;
  stage: string;
  /** The data columns, the same in both tables. */
  data: readonly string[];
  /** The stage column giving when a first-seen NIK's period began (membership start, designation date), if any. */
  startColumn: string | null;
}

/**
 * Applies a staged snapshot as of `asOf` to validity periods: a changed row
 * closes its open period and opens a new one; a NIK missing from the file has
 * its period closed (its history stays); a re-import of the same date corrects
 * that date's rows in place. A NIK seen for the first time is valid from its
 * start date when the file gives one.
 */
export async function mergePeriods(q: Queryable, t: PeriodTables, asOf: string, importId: number) {
  const cols = t.data.join(', ');
  const fromStage = t.data.map((c) => `s.${c}`).join(', ');
  const firstFrom = t.startColumn ? `LEAST(coalesce(s.${t.startColumn}, $1::date), $1::date)` : '$1::date';
  if (await isEmpty(q, t.table)) {
    const r = await withIndexesRebuilt(q, t.table, () =>
      q.query(
        `INSERT INTO ${t.table} (nik, valid_from, ${cols}, import_id, import_line)
         SELECT s.nik, ${firstFrom}, ${fromStage}, $2, s.line_no FROM ${t.stage} s`,
        [asOf, importId],
      ),
    );
    return { inserted: r.rowCount, updated: 0, ended: 0 };
  }
  return mergeRows(q, t, t.stage, `NOT EXISTS (SELECT 1 FROM ${t.stage} s WHERE s.nik = m.nik)`, asOf, importId);
}

/**
 * Applies reviewed changes (MEM-7) rather than a whole file: `rows` holds the
 * new rows of NIKs that are new or changed (shaped like the stage), `ended`
 * the NIKs whose open period ends at `asOf`. Every other NIK keeps its periods.
 */
export async function applyPeriodChanges(
  q: Queryable,
  t: PeriodTables,
  rows: string,
  ended: string,
  asOf: string,
  importId: number,
) {
  return mergeRows(q, t, rows, `m.nik IN (SELECT e.nik FROM ${ended} e)`, asOf, importId);
}

async function mergeRows(
  q: Queryable,
  t: PeriodTables,
  stage: string,
  endsWhen: string,
  asOf: string,
  importId: number,
) {
  const cols = t.data.join(', ');
  const fromStage = t.data.map((c) => `s.${c}`).join(', ');
  const firstFrom = t.startColumn ? `LEAST(coalesce(s.${t.startColumn}, $1::date), $1::date)` : '$1::date';
  const differs = `(${t.data.map((c) => `m.${c}`).join(', ')}) IS DISTINCT FROM (${fromStage})`;
  const closedChanged = await q.query(
    `UPDATE ${t.table} m SET valid_to = $1 FROM ${stage} s
     WHERE m.nik = s.nik AND m.valid_to IS NULL AND m.valid_from < $1 AND ${differs}`,
    [asOf],
  );
  const fixedInPlace = await q.query(
    `UPDATE ${t.table} m SET ${t.data.map((c) => `${c} = s.${c}`).join(', ')}, import_id = $2, import_line = s.line_no FROM ${stage} s
     WHERE m.nik = s.nik AND m.valid_to IS NULL AND m.valid_from >= $1 AND ${differs}`,
    [asOf, importId],
  );
  const ended = await q.query(
    `UPDATE ${t.table} m SET valid_to = $1
     WHERE m.valid_to IS NULL AND m.valid_from < $1 AND ${endsWhen}`,
    [asOf],
  );
  const withdrawn = await q.query(
    `DELETE FROM ${t.table} m
     WHERE m.valid_to IS NULL AND m.valid_from >= $1 AND ${endsWhen}`,
    [asOf],
  );
  const inserted = await q.query(
    `INSERT INTO ${t.table} (nik, valid_from, ${cols}, import_id, import_line)
     SELECT s.nik,
            CASE WHEN EXISTS (SELECT 1 FROM ${t.table} h WHERE h.nik = s.nik) THEN $1::date ELSE ${firstFrom} END,
            ${fromStage}, $2, s.line_no
     FROM ${stage} s
     WHERE NOT EXISTS (SELECT 1 FROM ${t.table} m WHERE m.nik = s.nik AND m.valid_to IS NULL)`,
    [asOf, importId],
  );
  return {
    inserted: inserted.rowCount - closedChanged.rowCount,
    updated: closedChanged.rowCount + fixedInPlace.rowCount,
    ended: ended.rowCount + withdrawn.rowCount,
  };
}
