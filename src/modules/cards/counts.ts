import type { Queryable } from '../../platform/db/index.js';

/**
 * Active family cards not printed yet, and printed but not handed over. Each
 * count matches a partial index (0023) holding only that queue, so the cost
 * follows the queue's length, not the register's.
 */
export async function cardQueue(q: Queryable): Promise<{ toPrint: number; toHandOver: number }> {
  const r = await q.query<{ to_print: number; to_hand: number }>(
    `SELECT (SELECT count(*)::int FROM family_card WHERE status = 'ACTIVE' AND printed_at IS NULL) AS to_print,
            (SELECT count(*)::int FROM family_card WHERE status = 'ACTIVE' AND printed_at IS NOT NULL AND handed_over_on IS NULL) AS to_hand`,
  );
  return { toPrint: r.rows[0]!.to_print, toHandOver: r.rows[0]!.to_hand };
}

/** The KK number of each card id, for links from elsewhere (audit log) to the family's card page. */
export async function cardFamilies(q: Queryable, ids: number[]): Promise<Map<number, string>> {
  const r = await q.query<{ id: number; no_kk: string }>(
    'SELECT id, no_kk FROM family_card WHERE id = ANY($1::bigint[])',
    [ids],
  );
  return new Map(r.rows.map((x) => [Number(x.id), x.no_kk]));
}
