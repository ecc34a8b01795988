import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { type Db, type Queryable, type QueryResult, lockKey } from './types.js';

const DATE_OID = 1082;
const INT8_OID = 20;
// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's zone.
pg.types.setTypeParser(DATE_OID, (v) => v);
// Counts and rupiah sums fit in a double (< 9e15); keep them numbers.
pg.types.setTypeParser(INT8_OID, (v) => Number(v));

/**
 * Parameterised statements are prepared once per connection (named by their
 * text), so PostgreSQL stops re-planning hot queries such as the eligibility
 * lookup, whose planning otherwise costs more than its execution.
 */
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `jk${statementNames.size}`;
    statementNames.set(sql, name);
  }
  return name;
}

function wrap(client: pg.PoolClient | pg.Pool): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r =
        params && params.length > 0
          ? await client.query({ name: statementName(sql), text: sql, values: params as unknown[] })
          : await client.query(sql);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async copyFrom(copySql: string, source: AsyncIterable<string>) {
      const own = 'release' in client ? null : await (client as pg.Pool).connect();
      const c = (own ?? client) as pg.PoolClient;
      try {
        const sink = c.query(copyFromStream(copySql));
        await pipeline(Readable.from(source, { objectMode: false }), sink);
      } finally {
        own?.release();
      }
    },
  };
}

export function createPgDb(url: string, poolSize: number): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    // An idle client died (server restart); the pool replaces it. Queries report their own errors.
  });
  const base = wrap(pool);
  const heldLocks = new Map<string, pg.PoolClient>();
  const subscriptions = new Set<() => Promise<void>>();

  async function acquire(name: string, wait: boolean) {
    const client = await pool.connect();
    try {
      const key = lockKey(name);
      if (wait) {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
      } else {
        const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
        if (!r.rows[0]?.ok) {
          client.release();
          return null;
        }
      }
      heldLocks.set(name, client);
      return async () => {
        heldLocks.delete(name);
        try {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        } finally {
          client.release();
        }
      };
    } catch (err) {
      client.release();
      throw err;
    }
  }

  return {
    kind: 'pg',
    ...base,
    async tx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    tryLock: (name) => acquire(name, false),
    lock: async (name) => (await acquire(name, true))!,
    async listen(channel, onMessage, onLive, name) {
      const stop = await subscribe(url, channel, onMessage, onLive, name);
      subscriptions.add(stop);
      return async () => {
        subscriptions.delete(stop);
        await stop();
      };
    },
    async close() {
      await Promise.all([...subscriptions].map((stop) => stop()));
      await pool.end();
    },
  };
}

/**
 * A connection of its own LISTENing on one channel (a pooled one would be handed to other work),
 * reconnected a second after it fails. onLive(false) comes the moment it drops.
 */
async function subscribe(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onLive: (live: boolean) => void,
  name?: string,
) {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel name ${channel}`);
  let current: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, 1000);
    timer.unref();
  };
  const lost = (c: pg.Client) => {
    if (current !== c) return;
    current = null;
    onLive(false);
    c.end().catch(() => undefined);
    retry();
  };
  async function connect() {
    const c = new pg.Client({ connectionString: url, application_name: name });
    c.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '');
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch {
      c.end().catch(() => undefined);
      retry();
      return;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    current = c;
    onLive(true);
  }

  await connect();
  return async () => {
    closed = true;
    if (timer) clearTimeout(timer);
    const c = current;
    current = null;
    await c?.end().catch(() => undefined);
  };
}
