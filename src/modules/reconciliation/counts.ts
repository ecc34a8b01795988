import type { Queryable } from '../../platform/db/index.js';

/** Change sets waiting for the membership officer's review, per kind (dashboard counter, read-only). */
export async function pendingChangeSets(q: Queryable): Promise<{ population: number; jkn: number }> {
  const r = await q.query<{ kind: string; n: number }>(
    `SELECT kind, count(*)::int AS n FROM reconciliation_change_set WHERE status = 'PENDING' GROUP BY kind`,
  );
  const by = new Map(r.rows.map((x) => [x.kind, x.n]));
  return { population: by.get('population') ?? 0, jkn: by.get('jkn') ?? 0 };
}
