import { Batcher } from '../batch.js';
import type { Queryable } from '../db/index.js';
import { currentContext, type RequestContext } from '../http/context.js';

export interface AuditEntry {
  /** What happened, as `<module>.<verb>` (e.g. `person.read`, `population.import`). */
  action: string;
  entityType?: string;
  entityId?: string;
  /** Non-personal details (counts, ids, reasons). Never names or free text about a person. */
  details?: Record<string, unknown>;
}

export interface Stamped extends AuditEntry {
  at: Date;
  ctx: RequestContext | undefined;
}

/** An entry with its time and the context (actor, IP, request) of the moment it happened. */
export function stamp(entry: AuditEntry, ctx = currentContext()): Stamped {
  return { ...entry, at: new Date(), ctx };
}

/**
 * The INSERT of audit rows from eleven array parameters starting at $first,
 * usable alone or as a data-modifying CTE inside another statement (a read and
 * its audit record then commit together, in one round trip).
 */
export function auditInsertSql(first: number): string {
  const p = (i: number) => `$${first + i}`;
  return `INSERT INTO audit_log
  (at, actor_id, actor_username, actor_role, facility_code, action, entity_type, entity_id, ip, request_id, details)
  SELECT a.at, a.actor_id, a.actor_username, a.actor_role, a.facility_code, a.action, a.entity_type, a.entity_id, a.ip, a.request_id, a.details::jsonb
  FROM unnest(${p(0)}::timestamptz[], ${p(1)}::bigint[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::text[], ${p(5)}::text[], ${p(6)}::text[], ${p(7)}::text[], ${p(8)}::text[], ${p(9)}::text[], ${p(10)}::text[])
    AS a(at, actor_id, actor_username, actor_role, facility_code, action, entity_type, entity_id, ip, request_id, details)`;
}

const INSERT_SQL = auditInsertSql(1);

async function insert(q: Queryable, entries: Stamped[]): Promise<void> {
  await q.query(INSERT_SQL, auditParams(entries));
}

/** The eleven array parameters of auditInsertSql for these entries. */
export function auditParams(entries: readonly Stamped[]): unknown[][] {
  const cols: unknown[][] = Array.from({ length: 11 }, () => []);
  for (const e of entries) {
    const a = e.ctx?.actor ?? null;
    cols[0]!.push(e.at);
    cols[1]!.push(a && a.id > 0 ? a.id : null);
    cols[2]!.push(a?.username ?? null);
    cols[3]!.push(a?.role ?? null);
    cols[4]!.push(a?.facilityCode ?? null);
    cols[5]!.push(e.action);
    cols[6]!.push(e.entityType ?? null);
    cols[7]!.push(e.entityId ?? null);
    cols[8]!.push(e.ctx?.ip ?? null);
    cols[9]!.push(e.ctx?.requestId ?? null);
    cols[10]!.push(e.details ? JSON.stringify(e.details) : null);
  }
  return cols;
}

/** Writes audit records inside the caller's transaction: the change and its record commit together. */
export async function auditInTx(
  tx: Queryable,
  entries: AuditEntry | AuditEntry[],
  ctx = currentContext(),
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await insert(
    tx,
    list.map((e) => ({ ...e, at: new Date(), ctx })),
  );
}

/**
 * Audit of reads, written with group commit: records that arrive while one
 * insert is in flight go together in the next one. `record` resolves only
 * once the record is committed, so a caller that awaits it before answering
 * never hands out data whose read was not logged.
 */
export class AuditWriter {
  private readonly batcher: Batcher<Stamped, void>;

  constructor(
    db: Queryable,
    maxBatch = 2000,
    /** Concurrent inserts: one slow commit must not hold back every request behind it. */
    maxInFlight = 3,
  ) {
    this.batcher = new Batcher<Stamped, void>({
      run: async (entries) => {
        await insert(db, entries);
        return entries.map(() => undefined);
      },
      maxBatch,
      maxInFlight,
    });
  }

  record(entries: AuditEntry | AuditEntry[], ctx = currentContext()): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    const at = new Date();
    const stamped = list.map((e) => ({ ...e, at, ctx }));
    if (stamped.length === 1) return this.batcher.submit(stamped[0]!);
    return this.batcher.submitAll(stamped).then(() => undefined);
  }

  /** Resolves when everything recorded so far is written. */
  async flush(): Promise<void> {
    await this.batcher.flush();
  }
}
