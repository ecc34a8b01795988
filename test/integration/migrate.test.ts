import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/platform/db/migrate.js';
import { createPgDb } from '../../src/platform/db/pg.js';
import { ENGINE, freshDb } from '../helpers/system.js';

describe('migrations', () => {
  it('apply once when two processes start together, and are idempotent afterwards', async () => {
    const { db, url, drop } = await freshDb();
    try {
      // On PostgreSQL a second pool is a second "process" (separate sessions, advisory lock);
      // on PGlite only one process may open the database, so the two callers share it.
      const other = ENGINE === 'pg' && url ? createPgDb(url, 2) : db;
      const [a, b] = await Promise.all([migrate(db), migrate(other)]);
      expect(a.applied.length + b.applied.length).toBeGreaterThan(0);
      expect(new Set([...a.applied, ...b.applied]).size).toBe(a.applied.length + b.applied.length);
      expect(a.applied.length === 0 || b.applied.length === 0).toBe(true);
      const again = await migrate(db);
      expect(again.applied).toEqual([]);
      const n = await db.query<{ n: number }>('SELECT count(*) AS n FROM schema_migration');
      expect(n.rows[0]!.n).toBe(again.alreadyApplied);
      if (other !== db) await other.close();
    } finally {
      await drop();
    }
  });
});
