import type { Queryable } from '../../platform/db/index.js';
import { scopeFacility, type Scope } from '../../platform/http/actor.js';

/**
 * Active cooperation agreements (PKS) whose term ends between today and
 * today + `days` (Jakarta dates), with the soonest end; the scope is one facility's agreements or all.
 */
export async function agreementsExpiring(
  q: Queryable,
  today: string,
  days: number,
  scope: Scope,
): Promise<{ count: number; soonest: string | null }> {
  const r = await q.query<{ n: number; soonest: string | null }>(
    `SELECT count(*)::int AS n, min(valid_to)::text AS soonest
     FROM facility_agreement
     WHERE status = 'ACTIVE' AND valid_to BETWEEN $1::date AND $1::date + $2::int
       AND ($3::text IS NULL OR facility_code = $3)`,
    [today, days, scopeFacility(scope)],
  );
  return { count: r.rows[0]!.n, soonest: r.rows[0]!.soonest };
}
