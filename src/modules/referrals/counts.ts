import type { Queryable } from '../../platform/db/index.js';

/** Referrals made for a diagnosis on the primary-care competency list (REF-6) and not reviewed yet. */
export async function flaggedUnreviewed(q: Queryable): Promise<number> {
  const r = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM referral WHERE competency_flag AND competency_verdict IS NULL`,
  );
  return r.rows[0]!.n;
}

/**
 * A facility's referral work: incoming ones waiting for its answer (bed, arrival,
 * admission) and its own outgoing ones still waiting for a bed.
 */
export async function facilityReferralCounts(
  q: Queryable,
  facilityCode: string,
): Promise<{ incomingOpen: number; outgoingWaiting: number }> {
  const r = await q.query<{ incoming: number; outgoing: number }>(
    `SELECT (SELECT count(*)::int FROM referral WHERE to_facility_code = $1 AND status IN ('AWAITING_BED', 'SENT', 'ARRIVED')) AS incoming,
            (SELECT count(*)::int FROM referral WHERE from_facility_code = $1 AND status IN ('AWAITING_BED', 'SENT')) AS outgoing`,
    [facilityCode],
  );
  return { incomingOpen: r.rows[0]!.incoming, outgoingWaiting: r.rows[0]!.outgoing };
}
