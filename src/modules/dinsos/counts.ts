import type { Queryable } from '../../platform/db/index.js';

/** Active Dinsos letters whose validity ends between today and today + `days` (index recommendation_valid_to). */
export async function lettersExpiring(
  q: Queryable,
  today: string,
  days: number,
): Promise<{ count: number; soonest: string | null }> {
  const r = await q.query<{ n: number; soonest: string | null }>(
    `SELECT count(*)::int AS n, min(valid_to)::text AS soonest
     FROM recommendation
     WHERE status = 'ACTIVE' AND valid_to BETWEEN $1::date AND $1::date + $2::int`,
    [today, days],
  );
  return { count: r.rows[0]!.n, soonest: r.rows[0]!.soonest };
}
