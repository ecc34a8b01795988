import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDb } from '../../src/platform/db/pg.js';
import { migrate } from '../../src/platform/db/migrate.js';
import type { Db } from '../../src/platform/db/index.js';
import { AttemptLimiter } from '../../src/platform/http/attempts.js';
import { freshDb } from '../helpers/system.js';

/**
 * The self-check's per-NIK limit was counted in each process's memory: with several
 * server processes each gave its own five tries. Counted in the database, every
 * process (here: a second pool on the same database, as a second worker would have)
 * shares one count, and simultaneous tries cannot all slip under it.
 */
let db: Db;
let other: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  drop = fresh.drop;
  await migrate(db);
  other = fresh.url ? createPgDb(fresh.url, 4) : db;
});
afterAll(async () => {
  if (other !== db) await other.close();
  await drop?.();
});

const NIK = '3275011503800001';
const outcome = (p: Promise<void>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? 'error',
  );

describe('per-key attempt limit shared by every server process', () => {
  it('counts the tries made through two processes together', async () => {
    const here = new AttemptLimiter(db, 'test.shared', 3, 60_000, 'terlalu banyak');
    const there = new AttemptLimiter(other, 'test.shared', 3, 60_000, 'terlalu banyak');
    const results = [
      await outcome(here.hit(NIK)),
      await outcome(there.hit(NIK)),
      await outcome(here.hit(NIK)),
      await outcome(there.hit(NIK)),
    ];
    expect(results).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
    // Another key has its own count.
    expect(await outcome(there.hit('3275011503800002'))).toBe('ok');
  });

  it('lets no more than the limit through when tries arrive at once', async () => {
    const limiters = [db, other].map((d) => new AttemptLimiter(d, 'test.burst', 5, 60_000, 'terlalu banyak'));
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => outcome(limiters[i % 2]!.hit(NIK))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(5);
    expect(results.filter((r) => r === 'RATE_LIMITED')).toHaveLength(25);
  });

  it('keeps no NIK in the table', async () => {
    const r = await db.query<{ key_hash: string }>(`SELECT DISTINCT key_hash FROM attempt_log`);
    expect(r.rows.length).toBeGreaterThan(0);
    for (const row of r.rows) expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
