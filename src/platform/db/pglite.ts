import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Queryable, QueryResult } from './types.js';

const parsers = {
  1082: (v: string) => v,
  20: (v: string) => Number(v),
};

/** PGlite takes COPY input as a blob; this many characters go into one COPY. */
const COPY_CHUNK_CHARS = 8 * 1024 * 1024;

type Target = PGlite | Transaction;

function wrap(target: Target): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r = await target.query<T>(sql, params as unknown[] | undefined, { parsers });
      // PGlite reports affectedRows 0 for a SELECT; pg counts the rows returned.
      return { rows: r.rows, rowCount: r.rows.length > 0 ? r.rows.length : (r.affectedRows ?? 0) };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
    async copyFrom(copySql: string, source: AsyncIterable<string>) {
      const blobSql = copySql.replace(/FROM\s+STDIN/i, "FROM '/dev/blob'");
      let parts: string[] = [];
      let size = 0;
      const flush = async () => {
        if (size === 0) return;
        await target.query(blobSql, [], { blob: new Blob(parts) });
        parts = [];
        size = 0;
      };
      for await (const chunk of source) {
        parts.push(chunk);
        size += chunk.length;
        if (size >= COPY_CHUNK_CHARS) await flush();
      }
      await flush();
    },
  };
}

/**
 * Embedded PostgreSQL in this process. Only one process may open a data
 * directory; a lock file says which one has it.
 */
export async function createPgliteDb(dataDir: string | null): Promise<Db> {
  let releaseFile = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseFile = claimDataDir(dataDir);
  }
  const db = await PGlite.create({ dataDir: dataDir ? path.join(dataDir, 'pg') : undefined, extensions: { pg_trgm } });
  const locks = new Map<string, Promise<void>>();

  async function acquire(name: string, wait: boolean) {
    while (locks.has(name)) {
      if (!wait) return null;
      await locks.get(name);
    }
    let done!: () => void;
    locks.set(name, new Promise<void>((r) => (done = r)));
    return async () => {
      locks.delete(name);
      done();
    };
  }

  return {
    kind: 'pglite',
    ...wrap(db),
    tx: (fn) => db.transaction((t) => fn(wrap(t))),
    tryLock: (name) => acquire(name, false),
    lock: async (name) => (await acquire(name, true))!,
    async listen(_channel, _onMessage, onLive) {
      onLive(true);
      return async () => {};
    },
    async close() {
      await db.close();
      releaseFile();
    },
  };
}

function claimDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'jamkesda.pid');
  try {
    const other = Number(fs.readFileSync(lockPath, 'utf8'));
    if (other && other !== process.pid && isAlive(other)) {
      throw new Error(
        `Basis data tertanam di ${dataDir} sedang dipakai proses lain (pid ${other}). ` +
          'Hentikan proses itu, atau gunakan PostgreSQL lewat DATABASE_URL agar beberapa proses dapat berjalan bersamaan.',
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(lockPath, String(process.pid));
  return () => fs.rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
