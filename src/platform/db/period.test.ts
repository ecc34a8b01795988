import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDb } from './pglite.js';
import { periodInForce } from './period.js';
import type { Db } from './types.js';

let db: Db;
beforeAll(async () => {
  db = await createPgliteDb(null);
  await db.exec(`CREATE TABLE p (id int, valid_from date NOT NULL, valid_to date)`);
  await db.query(
    `INSERT INTO p VALUES (1, '2026-01-01', '2026-02-01'), (2, '2026-02-01', NULL), (3, '2026-03-01', '2026-03-02')`,
  );
});
afterAll(async () => {
  await db?.close();
});

const inForce = async (date: string) =>
  (
    await db.query<{ id: number }>(`SELECT id FROM p WHERE ${periodInForce('p', '$1::date')} ORDER BY id`, [date])
  ).rows.map((r) => r.id);

describe('periodInForce', () => {
  it('counts the first day and not the end day: a closed period ends where the next begins', async () => {
    expect(await inForce('2025-12-31')).toEqual([]);
    expect(await inForce('2026-01-01')).toEqual([1]);
    expect(await inForce('2026-01-31')).toEqual([1]);
    expect(await inForce('2026-02-01')).toEqual([2]);
  });

  it('keeps an open period in force on every later day, and a one-day period on its day only', async () => {
    expect(await inForce('2026-03-01')).toEqual([2, 3]);
    expect(await inForce('2026-03-02')).toEqual([2]);
    expect(await inForce('2099-01-01')).toEqual([2]);
  });

  it('refuses an alias or date that is not one, rather than write it into SQL', () => {
    expect(() => periodInForce('p; DROP TABLE p', '$1')).toThrow('not a table alias');
    expect(() => periodInForce('p', '')).toThrow('not a date expression');
    expect(periodInForce('jm', '$2::date')).toBe(
      '(jm.valid_from <= $2::date AND (jm.valid_to IS NULL OR jm.valid_to > $2::date))',
    );
  });
});
