/** The one database interface every module uses; PGlite and pg both implement it. */
export type Row = Record<string, unknown>;

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /**
   * Streams text in PostgreSQL COPY text format into `COPY … FROM STDIN`.
   * Each engine uses its fastest path: a COPY stream for pg, blob chunks for PGlite.
   */
  copyFrom(copySql: string, source: AsyncIterable<string>): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pg' | 'pglite';
  /** Runs fn in one transaction; rolls back when it throws. */
  tx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * A named exclusive lock across processes (pg advisory lock) or within the
   * one process that may open an embedded database. Returns null when held elsewhere.
   */
  tryLock(name: string): Promise<(() => Promise<void>) | null>;
  /** Waits for the named lock. */
  lock(name: string): Promise<() => Promise<void>>;
  /**
   * Calls onMessage for each NOTIFY on the channel, from any process. onLive says whether the
   * subscription is connected; while it is not, messages may be lost. The embedded database has
   * one process (the notifier is always this one), so it reports live at once and delivers nothing.
   * `name` labels the listening connection (PostgreSQL application_name), so other processes can
   * see who is listening in pg_stat_activity. Returns the unsubscribe; close() also ends every subscription.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onLive: (live: boolean) => void,
    name?: string,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Stable 32-bit key for advisory locks from a lock name. */
export function lockKey(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
