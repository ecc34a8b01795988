import type { Queryable } from './types.js';

/**
 * The next number of the year from a `<kind>_counter (year, last_seq)` table. The counter row
 * stays locked until the caller's transaction ends: concurrent issuers wait here, and a rollback
 * returns the number, so the sequence has no gaps. `table` comes from the module, never from input.
 */
export async function nextYearlySeq(q: Queryable, table: `${string}_counter`, year: number): Promise<number> {
  const r = await q.query<{ last_seq: number }>(
    `INSERT INTO ${table} (year, last_seq) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_seq = ${table}.last_seq + 1 RETURNING last_seq`,
    [year],
  );
  return Number(r.rows[0]!.last_seq);
}
