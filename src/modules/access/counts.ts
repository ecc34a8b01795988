import type { Queryable } from '../../platform/db/index.js';

/** Accounts that need the administrator: locked after failed logins, and never logged in (one-time password not replaced). */
export async function accountCounts(q: Queryable): Promise<{ locked: number; notStarted: number }> {
  const r = await q.query<{ locked: number; not_started: number }>(
    `SELECT count(*) FILTER (WHERE locked_until > now())::int AS locked,
            count(*) FILTER (WHERE must_change_password)::int AS not_started
     FROM app_user WHERE disabled_at IS NULL`,
  );
  return { locked: r.rows[0]!.locked, notStarted: r.rows[0]!.not_started };
}
