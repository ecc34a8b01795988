import type { Db } from '../db/index.js';
import { instantOf } from '../schemas.js';
import type { HistoryQuery, ImportKind, ImportRecord } from './schemas.js';

const TABLE: Record<ImportKind, string> = {
  population: 'population_import',
  jkn: 'jkn_import',
  poverty: 'poverty_import',
};

/**
 * The change sets that review some imports of a kind, by import id (MEM-7). The platform knows no
 * module: system.ts hands in the reconciliation module's answer.
 */
export type ReviewsOf = (kind: ImportKind, importIds: readonly number[]) => Promise<Map<number, number>>;

interface HistoryRow {
  id: number;
  kind: ImportKind;
  as_of: string;
  file_name: string;
  status: ImportRecord['status'];
  rows_read: number | null;
  accepted: number | null;
  rejected: number | null;
  warnings: number | null;
  inserted: number | null;
  updated: number | null;
  unchanged: number | null;
  created_at: Date;
  finished_at: Date | null;
  job_id: number | null;
  has_report: boolean;
}

const count = (v: number | null) => (v === null ? null : Number(v));

/** The history of every kind of snapshot import and where each one's rejected-rows report lies. */
export function createImportHistory(db: Db, opts: { reviewsOf?: ReviewsOf } = {}) {
  async function list(q: HistoryQuery): Promise<{ items: ImportRecord[] }> {
    const kinds = q.kind ? [q.kind] : (Object.keys(TABLE) as ImportKind[]);
    const parts = kinds.map(
      (
        k,
      ) => `SELECT id, '${k}' AS kind, as_of, file_name, status, rows_read, accepted, rejected, warnings, inserted, updated,
                unchanged, created_at, finished_at, job_id, report_path IS NOT NULL AS has_report FROM ${TABLE[k]}`,
    );
    const r = await db.query<HistoryRow>(`${parts.join(' UNION ALL ')} ORDER BY created_at DESC LIMIT $1`, [q.limit]);
    // Population and JKN imports after the first are reviewed as change sets (MEM-7); the history links to them.
    const reviews = new Map<ImportKind, Map<number, number>>();
    if (opts.reviewsOf) {
      for (const k of kinds) {
        const ids = r.rows.filter((x) => x.kind === k).map((x) => Number(x.id));
        if (ids.length > 0) reviews.set(k, await opts.reviewsOf(k, ids));
      }
    }
    return {
      items: r.rows.map((x) => ({
        id: Number(x.id),
        kind: x.kind,
        asOf: x.as_of,
        fileName: x.file_name,
        status: x.status,
        rowsRead: count(x.rows_read),
        accepted: count(x.accepted),
        rejected: count(x.rejected),
        warnings: count(x.warnings),
        inserted: count(x.inserted),
        updated: count(x.updated),
        unchanged: count(x.unchanged),
        createdAt: instantOf(x.created_at),
        finishedAt: instantOf(x.finished_at),
        jobId: count(x.job_id),
        hasReport: x.has_report,
        changeSetId: reviews.get(x.kind)?.get(Number(x.id)) ?? null,
      })),
    };
  }

  /** Where the rejected-rows report of an import is kept, or null. */
  async function reportPath(kind: ImportKind, id: number): Promise<string | null> {
    const r = await db.query<{ report_path: string | null }>(`SELECT report_path FROM ${TABLE[kind]} WHERE id = $1`, [
      id,
    ]);
    return r.rows[0]?.report_path ?? null;
  }

  return { list, reportPath };
}

export type ImportHistory = ReturnType<typeof createImportHistory>;
