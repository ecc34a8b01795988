import { isEmpty, withIndexesRebuilt } from '../../platform/db/bulk.js';
import type { Queryable } from '../../platform/db/index.js';
import { removeDuplicateNiks, snapshotTables } from '../../platform/ingest/snapshot-tables.js';

export const STAGE_COPY_SQL = `COPY population_stage (line_no, nik, no_kk, name, sex, birth_place, birth_date, relation, address, rt, rw,
  village_code, ektp_recorded, death_date, moved_out_date) FROM STDIN`;

/** The import log and stage table; the snapshot pipeline keeps them (platform/ingest). */
export const importTables = snapshotTables('population_import', 'population_stage');
export const { latestAppliedAsOf, finishImport, setImportDecision } = importTables;

const DATA_COLS = [
  'no_kk',
  'name',
  'sex',
  'birth_place',
  'birth_date',
  'relation',
  'address',
  'rt',
  'rw',
  'village_code',
  'ektp_recorded',
  'death_date',
  'moved_out_date',
] as const;

/** Families without a head, in the stage or (first load) in `person` itself, whose provenance column holds the file row. */
export async function familiesWithoutHead(q: Queryable, from: 'population_stage' | 'person' = 'population_stage') {
  const line = from === 'person' ? 'import_line' : 'line_no';
  const r = await q.query<{ no_kk: string; line_no: number; members: number }>(
    `SELECT no_kk, min(${line}) AS line_no, count(*) AS members FROM ${from}
     GROUP BY no_kk HAVING NOT bool_or(relation = 'KEPALA KELUARGA') ORDER BY min(${line})`,
  );
  return r.rows;
}

export const PERSON_COPY_SQL = `COPY person (nik, ${DATA_COLS.join(', ')}, first_seen_as_of, data_as_of, import_id, import_line) FROM STDIN`;

/** First load: duplicates are removed from `person` itself (it has no key yet). */
export const removeDuplicateNiksFromPerson = (q: Queryable) => removeDuplicateNiks(q, 'person', 'import_line');

/**
 * The baseline: the first snapshot into the empty register, one bulk insert
 * with indexes built afterwards. Later snapshots never come here: they become
 * change sets (src/modules/reconciliation) and only approved items reach `person`.
 */
export async function loadBaseline(q: Queryable, asOf: string, importId: number) {
  const cols = DATA_COLS.join(', ');
  if (!(await isEmpty(q, 'person')))
    throw new Error('loadBaseline: the register is not empty; a later snapshot is reviewed, not applied');
  const r = await withIndexesRebuilt(q, 'person', () =>
    q.query(
      `INSERT INTO person (nik, ${cols}, first_seen_as_of, data_as_of, import_id, import_line)
       SELECT nik, ${cols}, $1::date, $1::date, $2::bigint, line_no FROM population_stage`,
      [asOf, importId],
    ),
  );
  return { inserted: r.rowCount, updated: 0 };
}
