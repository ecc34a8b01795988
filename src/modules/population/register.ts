import type { Queryable } from '../../platform/db/index.js';

/**
 * The register's writes that other modules ask for, each in the caller's transaction: reviewed
 * snapshot changes (MEM-7, set-based, from the reconciliation module) and a death or move-out
 * recorded by hand (MEM-6, from the membership module). `person` has no other writer than this
 * module (the baseline load is in repo.ts).
 */

/** person's data columns with their SQL types, in the snapshot's order. */
export const PERSON_COLUMNS = [
  ['no_kk', 'text'],
  ['name', 'text'],
  ['sex', 'text'],
  ['birth_place', 'text'],
  ['birth_date', 'date'],
  ['relation', 'text'],
  ['address', 'text'],
  ['rt', 'text'],
  ['rw', 'text'],
  ['village_code', 'text'],
  ['ektp_recorded', 'boolean'],
  ['death_date', 'date'],
  ['moved_out_date', 'date'],
] as const;
const NAMES = PERSON_COLUMNS.map((c) => c[0]);
const RECORD_TYPE = PERSON_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ');
const SET_FROM_FIELDS = PERSON_COLUMNS.map(
  ([c, t]) =>
    `${c} = CASE WHEN a.fields ? '${c}' THEN ${t === 'text' ? `a.fields->>'${c}'` : `(a.fields->>'${c}')::${t}`} ELSE p.${c} END`,
).join(',\n  ');

/** A relation the caller made (a temporary view or table): an identifier, never text from outside. */
function relation(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a relation name: ${name}`);
  return name;
}

/**
 * Applies reviewed changes to the register in two statements ($asOf = the snapshot's date, $importId its
 * import). `newPeople` holds the people to add: `(nik text, line_no bigint, moved_in boolean, after jsonb)`,
 * `after` carrying every data column; a move-in is a resident from the as-of date. `changed` holds one
 * row per person to change: `(nik text, fields jsonb, line_no bigint)`, `fields` the columns to set; a
 * row with a line number (the person is in the file) also records the file as the person's provenance.
 */
export async function applyPersonChanges(
  tx: Queryable,
  source: { newPeople: string; changed: string },
  asOf: string,
  importId: number,
): Promise<{ inserted: number; updated: number }> {
  const inserted = await tx.query(
    `INSERT INTO person (nik, ${NAMES.join(', ')}, first_seen_as_of, data_as_of, import_id, import_line, resident_from)
     SELECT n.nik, ${NAMES.map((c) => `r.${c}`).join(', ')}, $1::date, $1::date, $2::bigint, n.line_no,
            CASE WHEN n.moved_in THEN $1::date END
     FROM ${relation(source.newPeople)} n CROSS JOIN LATERAL jsonb_to_record(n.after) AS r(${RECORD_TYPE})`,
    [asOf, importId],
  );
  const updated = await tx.query(
    `UPDATE person p SET
       ${SET_FROM_FIELDS},
       data_as_of = CASE WHEN a.line_no IS NULL THEN p.data_as_of ELSE $1::date END,
       import_id = CASE WHEN a.line_no IS NULL THEN p.import_id ELSE $2::bigint END,
       import_line = coalesce(a.line_no, p.import_line)
     FROM ${relation(source.changed)} a WHERE p.nik = a.nik`,
    [asOf, importId],
  );
  return { inserted: inserted.rowCount, updated: updated.rowCount };
}

/** Records (a date) or withdraws (null) a person's death or move out of the city, in the caller's transaction. */
export async function setPersonEndDate(
  tx: Queryable,
  nik: string,
  field: 'deathDate' | 'movedOutDate',
  date: string | null,
): Promise<void> {
  const column = field === 'deathDate' ? 'death_date' : 'moved_out_date';
  await tx.query(`UPDATE person SET ${column} = $2 WHERE nik = $1`, [nik, date]);
}
