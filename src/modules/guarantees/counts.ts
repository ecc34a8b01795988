import { scopeFacility, type Scope } from '../../platform/http/actor.js';
import type { Queryable } from '../../platform/db/index.js';

export interface SjpCounts {
  /** Submitted, waiting for the officer's decision. */
  toDecide: number;
  /** The officer asked for more papers; the hospital must complete them. */
  needsCompletion: number;
  /** Started by the hospital, not yet submitted. */
  drafts: number;
  /** Papers still pending (draft, needs completion) and already past their deadline. */
  late: number;
  /** The nearest deadline still ahead among requests whose papers are pending or that wait for a decision. */
  nearestDueAt: string | null;
}

/**
 * Open SJP requests for a work counter (dashboard), read-only. One statement over
 * the open statuses only (index sjp_request_status_due / sjp_request_facility_status).
 * The scope is one hospital's requests, or the whole program's.
 */
export async function sjpCounts(q: Queryable, scope: Scope): Promise<SjpCounts> {
  const r = await q.query<{
    to_decide: number;
    needs_completion: number;
    drafts: number;
    late: number;
    nearest: Date | null;
  }>(
    `SELECT count(*) FILTER (WHERE status = 'SUBMITTED')::int AS to_decide,
            count(*) FILTER (WHERE status = 'NEEDS_COMPLETION')::int AS needs_completion,
            count(*) FILTER (WHERE status = 'DRAFT')::int AS drafts,
            count(*) FILTER (WHERE status IN ('DRAFT', 'NEEDS_COMPLETION') AND due_at < now())::int AS late,
            min(due_at) FILTER (WHERE due_at >= now()) AS nearest
     FROM sjp_request
     WHERE status IN ('DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION') AND ($1::text IS NULL OR facility_code = $1)`,
    [scopeFacility(scope)],
  );
  const x = r.rows[0]!;
  return {
    toDecide: x.to_decide,
    needsCompletion: x.needs_completion,
    drafts: x.drafts,
    late: x.late,
    nearestDueAt: x.nearest ? new Date(x.nearest).toISOString() : null,
  };
}
