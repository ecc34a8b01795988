import type { Queryable } from '../../platform/db/index.js';
import { authorId, requireActor } from '../../platform/http/actor.js';
import { instantOf } from '../../platform/schemas.js';
import type { ChangeKind, ChangeSource } from './labels.js';

export type { ChangeKind, ChangeSource };

export interface ChangeInput {
  nik: string;
  kind: ChangeKind;
  effectiveDate: string;
  reason: string;
  source: ChangeSource;
  sourceId?: number | null;
  /** Before/after of the fields changed; no more than needed. */
  details?: Record<string, unknown>;
}

/** Appends one MEM-6 change inside the caller's transaction, recorded as the current actor (none for the system). */
export async function appendChange(tx: Queryable, c: ChangeInput): Promise<number> {
  const recordedBy = authorId(requireActor());
  const r = await tx.query<{ id: number }>(
    `INSERT INTO membership_change (nik, kind, effective_date, reason, source, source_id, details, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) RETURNING id`,
    [
      c.nik,
      c.kind,
      c.effectiveDate,
      c.reason,
      c.source,
      c.sourceId ?? null,
      JSON.stringify(c.details ?? {}),
      recordedBy,
    ],
  );
  return Number(r.rows[0]!.id);
}

export interface ChangeRow {
  id: number;
  kind: ChangeKind;
  effective_date: string;
  reason: string;
  source: ChangeSource;
  source_id: number | null;
  details: Record<string, unknown>;
  /** An instant as the API sends it (ISO string). */
  recorded_at: string;
  recorded_by_name: string | null;
}

export async function changesOf(q: Queryable, nik: string): Promise<ChangeRow[]> {
  const r = await q.query<Omit<ChangeRow, 'recorded_at'> & { recorded_at: Date }>(
    `SELECT c.id, c.kind, c.effective_date, c.reason, c.source, c.source_id, c.details, c.recorded_at, u.username AS recorded_by_name
     FROM membership_change c LEFT JOIN app_user u ON u.id = c.recorded_by WHERE c.nik = $1 ORDER BY c.effective_date, c.id`,
    [nik],
  );
  return r.rows.map((c) => ({ ...c, recorded_at: instantOf(c.recorded_at) }));
}

/**
 * Appends many MEM-6 changes in one statement inside the caller's transaction (a reviewed import's
 * approval): `source` names a relation the caller made (a temporary view or table) with the columns
 * `(ord bigint, nik text, kind text, effective_date date, reason text, source text, source_id bigint,
 * details jsonb)`; rows are appended in `ord` order. Returns how many.
 */
export async function appendChangesFrom(tx: Queryable, source: string, recordedBy: number | null): Promise<number> {
  if (!/^[a-z_][a-z0-9_]*$/.test(source)) throw new Error(`not a relation name: ${source}`);
  const r = await tx.query(
    `INSERT INTO membership_change (nik, kind, effective_date, reason, source, source_id, details, recorded_by)
     SELECT nik, kind, effective_date, reason, source, source_id, details, $1 FROM ${source} ORDER BY ord`,
    [recordedBy],
  );
  return r.rowCount;
}
