import type { Config } from '../config.js';
import { createPgDb } from './pg.js';
import { createPgliteDb } from './pglite.js';
import type { Db } from './types.js';

export type { Db, Queryable, QueryResult, Row } from './types.js';

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite persisted under the data dir. */
export async function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'pgPoolSize'>): Promise<Db> {
  if (config.databaseUrl) return createPgDb(config.databaseUrl, config.pgPoolSize);
  return createPgliteDb(config.dataDir);
}
