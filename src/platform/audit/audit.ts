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

interface Stamped extends AuditEntry {
  at: Date;
  ctx: RequestContext | undefined;
}

const INSERT_SQL = `INSERT INTO audit_log
  (at, actor_id, actor_username, actor_role, facility_code, action, entity_type, entity_id, ip, request_id, details)
  SELECT a.at, a.actor_id, a.actor_username, a.actor_role, a.facility_code, a.action, a.entity_type, a.entity_id, a.ip, a.request_id, a.details::jsonb
  FROM unnest($1::timestamptz[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
    AS a(at, actor_id, actor_username, actor_role, facility_code, action, entity_type, entity_id, ip, request_id, details)`;

async function insert(q: Queryable, entries: Stamped[]): Promise<void> {
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
  await q.query(INSERT_SQL, cols);
}

/** Writes audit records inside the caller's transaction: the change and its record commit together. */
export async function auditInTx(tx: Queryable, entries: AuditEntry | AuditEntry[], ctx = currentContext()): Promise<void> {
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
  private pending: { entry: Stamped; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly maxBatch = 5000,
  ) {}

  record(entries: AuditEntry | AuditEntry[], ctx = currentContext()): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    const at = new Date();
    const waits = list.map(
      (e) =>
        new Promise<void>((resolve, reject) => {
          this.pending.push({ entry: { ...e, at, ctx }, resolve, reject });
        }),
    );
    if (!this.inFlight) this.inFlight = this.drain();
    return Promise.all(waits).then(() => undefined);
  }

  /** Resolves when everything recorded so far is written. */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private async drain(): Promise<void> {
    // Let the requests of this turn of the event loop join the first batch.
    await new Promise((r) => setImmediate(r));
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        await insert(
          this.db,
          batch.map((b) => b.entry),
        );
        for (const b of batch) b.resolve();
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    this.inFlight = null;
  }
}
