import type { Queryable } from '../../platform/db/index.js';
import { applyPersonChanges, PERSON_COLUMNS } from '../population/index.js';

/**
 * The population side of MEM-7, set-based: one pass of the staged snapshot
 * against `person` writes every proposed change as items, and approval
 * applies the approved items in a few statements. Nothing here loops over rows.
 */

/** person's data columns, in the stage's order (the stage has the register's columns). */
const NAMES = PERSON_COLUMNS.map((c) => c[0]);

const obj = (alias: string, cols: readonly string[]) =>
  `jsonb_build_object(${cols.map((c) => `'${c}', ${alias}.${c}`).join(', ')})`;
const distinct = (cols: readonly string[]) =>
  `(${cols.map((c) => `p.${c}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `s.${c}`).join(', ')})`;

/**
 * Fields a CORRECTION carries, each with when it counts as one. A death or
 * move-out date newly recorded is its own kind (DEATH, MOVE_OUT); changed or
 * withdrawn it is a correction. So is an e-KTP record that disappears.
 */
const CORRECTION_FIELDS: [string, string][] = [
  ['name', 'p.name IS DISTINCT FROM s.name'],
  ['sex', 'p.sex IS DISTINCT FROM s.sex'],
  ['birth_place', 'p.birth_place IS DISTINCT FROM s.birth_place'],
  ['birth_date', 'p.birth_date IS DISTINCT FROM s.birth_date'],
  ['death_date', 'p.death_date IS NOT NULL AND p.death_date IS DISTINCT FROM s.death_date'],
  ['moved_out_date', 'p.moved_out_date IS NOT NULL AND p.moved_out_date IS DISTINCT FROM s.moved_out_date'],
  ['ektp_recorded', 'p.ektp_recorded AND NOT s.ektp_recorded'],
];
const correction = (alias: 'p' | 's') =>
  CORRECTION_FIELDS.map(
    ([f, when]) => `CASE WHEN ${when} THEN jsonb_build_object('${f}', ${alias}.${f}) ELSE '{}'::jsonb END`,
  ).join(' || ');

const FAMILY = ['no_kk', 'relation'];
const ADDRESS = ['village_code', 'address', 'rt', 'rw'];

/**
 * Every difference between the staged snapshot ($2 = its as-of date) and the
 * register, as items of change set $1. A person new to the register is a
 * BIRTH when born after the previous snapshot ($3), else a MOVE_IN; a person
 * of the register absent from the snapshot, alive and not moved out, is
 * MISSING. One person may have several items (died and changed address).
 * Unchanged rows produce nothing.
 */
const PROPOSE_SQL = `
INSERT INTO reconciliation_item (change_set_id, nik, kind, village_code, name, line_no, before, after, effective_date)
SELECT $1::bigint, coalesce(s.nik, p.nik), k.kind, coalesce(s.village_code, p.village_code), coalesce(s.name, p.name), s.line_no,
       k.before, k.after, k.effective_date
FROM population_stage s
FULL JOIN person p ON p.nik = s.nik
CROSS JOIN LATERAL (
  SELECT CASE WHEN s.birth_date > $3::date THEN 'BIRTH' ELSE 'MOVE_IN' END, NULL::jsonb, ${obj('s', NAMES)},
         CASE WHEN s.birth_date > $3::date THEN s.birth_date ELSE $2::date END
  WHERE p.nik IS NULL
  UNION ALL
  SELECT 'MISSING', jsonb_build_object('moved_out_date', NULL), jsonb_build_object('moved_out_date', $2::date), $2::date
  WHERE s.nik IS NULL
  UNION ALL
  SELECT 'DEATH', jsonb_build_object('death_date', p.death_date), jsonb_build_object('death_date', s.death_date), s.death_date
  WHERE s.nik IS NOT NULL AND p.nik IS NOT NULL AND p.death_date IS NULL AND s.death_date IS NOT NULL
  UNION ALL
  SELECT 'MOVE_OUT', jsonb_build_object('moved_out_date', p.moved_out_date), jsonb_build_object('moved_out_date', s.moved_out_date), s.moved_out_date
  WHERE s.nik IS NOT NULL AND p.nik IS NOT NULL AND p.moved_out_date IS NULL AND s.moved_out_date IS NOT NULL
  UNION ALL
  SELECT 'FAMILY_CHANGE', ${obj('p', FAMILY)}, ${obj('s', FAMILY)}, $2::date
  WHERE s.nik IS NOT NULL AND p.nik IS NOT NULL AND ${distinct(FAMILY)}
  UNION ALL
  SELECT 'ADDRESS_CHANGE', ${obj('p', ADDRESS)}, ${obj('s', ADDRESS)}, $2::date
  WHERE s.nik IS NOT NULL AND p.nik IS NOT NULL AND ${distinct(ADDRESS)}
  UNION ALL
  SELECT 'EKTP_RECORDED', jsonb_build_object('ektp_recorded', p.ektp_recorded), jsonb_build_object('ektp_recorded', s.ektp_recorded), $2::date
  WHERE s.nik IS NOT NULL AND p.nik IS NOT NULL AND NOT p.ektp_recorded AND s.ektp_recorded
  UNION ALL
  SELECT 'CORRECTION', c.before, c.after, $2::date
  FROM (SELECT ${correction('p')} AS before, ${correction('s')} AS after) c
  WHERE s.nik IS NOT NULL AND p.nik IS NOT NULL AND c.after <> '{}'::jsonb
) AS k(kind, before, after, effective_date)
WHERE p.nik IS NULL
   OR (s.nik IS NULL AND p.death_date IS NULL AND p.moved_out_date IS NULL)
   OR (s.nik IS NOT NULL AND ${distinct(NAMES)})`;

export async function proposePopulationItems(
  tx: Queryable,
  changeSetId: number,
  asOf: string,
  previousAsOf: string | null,
) {
  const r = await tx.query(PROPOSE_SQL, [changeSetId, asOf, previousAsOf ?? asOf]);
  return r.rowCount;
}

/**
 * Approved items whose person changed since the set was made (a death
 * recorded by hand meanwhile, a person added) are not applied: they are
 * marked STALE and the officer sees them counted.
 */
async function markStale(tx: Queryable, changeSetId: number, round: number) {
  const r = await tx.query(
    `UPDATE reconciliation_item i SET decision = 'STALE'
     WHERE i.change_set_id = $1 AND i.decision = 'APPROVED' AND i.decision_round = $2 AND CASE
       WHEN i.kind IN ('BIRTH', 'MOVE_IN') THEN EXISTS (SELECT 1 FROM person p WHERE p.nik = i.nik)
       ELSE NOT EXISTS (SELECT 1 FROM person p WHERE p.nik = i.nik AND i.before <@ to_jsonb(p)) END`,
    [changeSetId, round],
  );
  return r.rowCount;
}

/**
 * Applies the items of a set approved in decision round `round` to the register
 * through the population module, in this transaction: new people added (a
 * move-in resident from the as-of date), the fields of every other approved
 * item set. Items approved in earlier rounds were applied then; declined and
 * undecided items leave their person as it is. The two temporary views read
 * the items where they lie (no copy), after the stale ones are marked.
 */
export async function applyPopulationItems(
  tx: Queryable,
  changeSetId: number,
  asOf: string,
  importId: number,
  round: number,
) {
  const stale = await markStale(tx, changeSetId, round);
  // Views take no parameters: both numbers are integers the service read from the database.
  const approved = `i.change_set_id = ${Math.trunc(changeSetId)} AND i.decision = 'APPROVED' AND i.decision_round = ${Math.trunc(round)}`;
  await tx.exec(`CREATE OR REPLACE TEMP VIEW reconciliation_new_people AS
      SELECT i.nik, i.line_no, i.kind = 'MOVE_IN' AS moved_in, i.after
      FROM reconciliation_item i WHERE ${approved} AND i.kind IN ('BIRTH', 'MOVE_IN');
    CREATE OR REPLACE TEMP VIEW reconciliation_person_changes AS
      SELECT i.nik, jsonb_object_agg(e.key, e.value) AS fields, max(i.line_no) AS line_no
      FROM reconciliation_item i CROSS JOIN LATERAL jsonb_each(i.after) e
      WHERE ${approved} AND i.kind NOT IN ('BIRTH', 'MOVE_IN')
      GROUP BY i.nik`);
  const applied = await applyPersonChanges(
    tx,
    { newPeople: 'reconciliation_new_people', changed: 'reconciliation_person_changes' },
    asOf,
    importId,
  );
  await tx.exec('DROP VIEW reconciliation_new_people; DROP VIEW reconciliation_person_changes');
  return { ...applied, stale };
}

/** What a new person's history row keeps: the family and village they joined, no more. */
export const NEW_PERSON_DETAILS = `jsonb_build_object('after', jsonb_build_object('no_kk', i.after->'no_kk', 'village_code', i.after->'village_code'))`;

/** Residents the register holds as alive and not moved out: the base a snapshot's MISSING share is measured on. */
export async function activeResidents(tx: Queryable): Promise<number> {
  const r = await tx.query<{ n: number }>(
    `SELECT count(*) AS n FROM person WHERE death_date IS NULL AND moved_out_date IS NULL`,
  );
  return Number(r.rows[0]!.n);
}
