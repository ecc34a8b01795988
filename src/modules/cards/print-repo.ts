import type { Queryable } from '../../platform/db/index.js';
import type { CardLayout } from './pdf.js';
import { CARD_SELECT, toCard, type CardRow } from './repo.js';
import type { PrintState } from './rules/lifecycle.js';

/** SQL of the print queue: filtered lists with totals, print batches, hand-over. */

export interface QueueFilter {
  /** Prefix of the village code: province, regency, district or village. */
  area?: string;
  issuedFrom?: string;
  issuedTo?: string;
  status: 'ACTIVE' | 'REPLACED' | 'REVOKED' | 'ALL';
  printState?: PrintState;
  printBatchId?: number;
  /** Only these cards: the flagged ones ("perlu cetak ulang"), found once by the flag query. */
  cardIds?: readonly number[];
}

const STATE_SQL: Record<PrintState, string> = {
  BELUM_CETAK: 'c.printed_at IS NULL',
  SUDAH_CETAK: 'c.printed_at IS NOT NULL AND c.handed_over_on IS NULL',
  SUDAH_DISERAHKAN: 'c.handed_over_on IS NOT NULL',
};

/** WHERE clauses built from what is set, so each query can use the queue index. */
function where(f: QueueFilter, withState: boolean): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.status !== 'ALL') parts.push(`c.status = ${p(f.status)}`);
  if (f.area) parts.push(`c.village_code LIKE ${p(`${f.area}%`)}`);
  if (f.issuedFrom) parts.push(`c.issued_on >= ${p(f.issuedFrom)}::date`);
  if (f.issuedTo) parts.push(`c.issued_on <= ${p(f.issuedTo)}::date`);
  if (f.printBatchId) parts.push(`c.print_batch_id = ${p(f.printBatchId)}`);
  if (withState && f.printState) parts.push(STATE_SQL[f.printState]);
  if (f.cardIds) parts.push(`c.id = ANY(${p(f.cardIds)}::bigint[])`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export interface QueueTotals {
  all: number;
  BELUM_CETAK: number;
  SUDAH_CETAK: number;
  SUDAH_DISERAHKAN: number;
}

/** Counts by print state for the filter without its print-state part (the tabs of the queue). */
export async function queueTotals(q: Queryable, f: QueueFilter): Promise<QueueTotals> {
  const w = where(f, false);
  const r = await q.query<{ total: number; belum: number; cetak: number; serah: number }>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE ${STATE_SQL.BELUM_CETAK}) AS belum,
            count(*) FILTER (WHERE ${STATE_SQL.SUDAH_CETAK}) AS cetak,
            count(*) FILTER (WHERE ${STATE_SQL.SUDAH_DISERAHKAN}) AS serah
     FROM family_card c ${w.sql}`,
    w.params,
  );
  const x = r.rows[0]!;
  return {
    all: Number(x.total),
    BELUM_CETAK: Number(x.belum),
    SUDAH_CETAK: Number(x.cetak),
    SUDAH_DISERAHKAN: Number(x.serah),
  };
}

/** One page in delivery order: village, RW, RT, then number. */
export async function queuePage(q: Queryable, f: QueueFilter, limit: number, offset: number): Promise<CardRow[]> {
  const w = where(f, true);
  const r = await q.query<Record<string, unknown>>(
    `${CARD_SELECT} ${w.sql}
     ORDER BY c.village_code, c.rw NULLS LAST, c.rt NULLS LAST, c.number
     LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
    w.params,
  );
  return r.rows.map(toCard);
}

export async function createBatch(
  q: Queryable,
  layout: CardLayout,
  cardIds: readonly number[],
  by: number | null,
): Promise<number> {
  const b = await q.query<{ id: number }>(
    'INSERT INTO family_card_print_batch (layout, card_count, created_by) VALUES ($1, $2, $3) RETURNING id',
    [layout, cardIds.length, by],
  );
  const id = Number(b.rows[0]!.id);
  await q.query(
    `UPDATE family_card SET printed_at = now(), printed_by = $2, print_batch_id = $3
     WHERE id = ANY($1::bigint[]) AND status = 'ACTIVE' AND printed_at IS NULL`,
    [cardIds, by, id],
  );
  return id;
}

export interface BatchRow {
  id: number;
  layout: CardLayout;
  cardCount: number;
  createdAt: string;
  createdBy: string | null;
  handedOver: number;
  stillActive: number;
}

export async function batches(
  q: Queryable,
  limit: number,
  offset: number,
): Promise<{ total: number; items: BatchRow[] }> {
  const t = await q.query<{ n: number }>('SELECT count(*) AS n FROM family_card_print_batch');
  const r = await q.query<{
    id: number;
    layout: CardLayout;
    card_count: number;
    created_at: Date;
    created_by: string | null;
    handed: number;
    active: number;
  }>(
    `SELECT b.id, b.layout, b.card_count, b.created_at, u.username AS created_by,
            (SELECT count(*) FROM family_card c WHERE c.print_batch_id = b.id AND c.handed_over_on IS NOT NULL) AS handed,
            (SELECT count(*) FROM family_card c WHERE c.print_batch_id = b.id AND c.status = 'ACTIVE') AS active
     FROM family_card_print_batch b LEFT JOIN app_user u ON u.id = b.created_by
     ORDER BY b.id DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return {
    total: Number(t.rows[0]!.n),
    items: r.rows.map((b) => ({
      id: Number(b.id),
      layout: b.layout,
      cardCount: b.card_count,
      createdAt: new Date(b.created_at).toISOString(),
      createdBy: b.created_by,
      handedOver: Number(b.handed),
      stillActive: Number(b.active),
    })),
  };
}

export async function batch(
  q: Queryable,
  id: number,
): Promise<{ id: number; layout: CardLayout; cardIds: number[] } | null> {
  const b = await q.query<{ layout: CardLayout }>('SELECT layout FROM family_card_print_batch WHERE id = $1', [id]);
  if (!b.rows[0]) return null;
  const c = await q.query<{ id: number }>(
    'SELECT id FROM family_card WHERE print_batch_id = $1 ORDER BY village_code, rw NULLS LAST, rt NULLS LAST, number',
    [id],
  );
  return { id, layout: b.rows[0].layout, cardIds: c.rows.map((x) => Number(x.id)) };
}

export async function recordHandover(
  q: Queryable,
  id: number,
  h: { on: string; to: string; by: number | null },
): Promise<boolean> {
  const r = await q.query(
    `UPDATE family_card SET handed_over_on = $2::date, handed_over_to = $3, handed_over_by = $4, handed_over_at = now()
     WHERE id = $1 AND status = 'ACTIVE' AND printed_at IS NOT NULL AND handed_over_on IS NULL`,
    [id, h.on, h.to, h.by],
  );
  return r.rowCount > 0;
}

/** Villages where the population lives, with the names of their district and regency (one scan of `person`). */
export async function populatedVillages(
  q: Queryable,
): Promise<{ code: string; village: string | null; district: string | null; regency: string | null }[]> {
  const r = await q.query<{ code: string; village: string | null; district: string | null; regency: string | null }>(
    `SELECT v.village_code AS code, a.name AS village, d.name AS district, r.name AS regency
     FROM (SELECT DISTINCT village_code FROM person) v
     LEFT JOIN admin_area a ON a.code = v.village_code
     LEFT JOIN admin_area d ON d.code = left(v.village_code, 6)
     LEFT JOIN admin_area r ON r.code = left(v.village_code, 4)
     ORDER BY v.village_code`,
  );
  return r.rows;
}
