import type { Queryable } from '../../platform/db/index.js';

/** Active family cards not printed yet, and printed but not handed over (index family_card_queue). */
export async function cardQueue(q: Queryable): Promise<{ toPrint: number; toHandOver: number }> {
  const r = await q.query<{ to_print: number; to_hand: number }>(
    `SELECT count(*) FILTER (WHERE printed_at IS NULL)::int AS to_print,
            count(*) FILTER (WHERE printed_at IS NOT NULL AND handed_over_on IS NULL)::int AS to_hand
     FROM family_card WHERE status = 'ACTIVE'`,
  );
  return { toPrint: r.rows[0]!.to_print, toHandOver: r.rows[0]!.to_hand };
}
