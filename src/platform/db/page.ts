import type { Queryable } from './types.js';

/**
 * One page of a filtered list and the size of the whole list, read at once: the same WHERE clause
 * and parameters serve both, so the count can never describe another filter than the page.
 * `where` uses $1…$n for `params`; the page's LIMIT and OFFSET follow them.
 */
export async function pageOf<T>(
  q: Queryable,
  o: {
    select: string;
    /** FROM for the page (joins for the columns it shows). */
    from: string;
    /** FROM for the count: the listed table alone, under the alias `where` uses. */
    countFrom: string;
    where: string;
    params: unknown[];
    orderBy: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: T[]; total: number }> {
  const n = o.params.length;
  const [rows, total] = await Promise.all([
    q.query<T>(
      `SELECT ${o.select} FROM ${o.from} WHERE ${o.where} ORDER BY ${o.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...o.params, o.limit, o.offset],
    ),
    q.query<{ n: string }>(`SELECT count(*) AS n FROM ${o.countFrom} WHERE ${o.where}`, o.params),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}
