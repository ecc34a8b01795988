import { describe, expect, it } from 'vitest';
import type { Queryable } from '../db/index.js';
import { AuditWriter } from './audit.js';

function recordingDb() {
  const inserts: unknown[][] = [];
  const db: Queryable = {
    async query(_sql, params) {
      inserts.push([...(params ?? [])]);
      return { rows: [], rowCount: 0 };
    },
    async exec() {},
    async copyFrom() {},
  };
  return { db, inserts };
}

describe('AuditWriter', () => {
  it('writes records that arrive together in one insert, and flush waits for them', async () => {
    const { db, inserts } = recordingDb();
    const w = new AuditWriter(db);
    const a = w.record({ action: 'person.read', entityId: '1' });
    const b = w.record({ action: 'person.read', entityId: '2' });
    await Promise.all([a, b]);
    await w.flush();
    expect(inserts).toHaveLength(1);
  });

  it('recording nothing resolves at once and does not leave flush waiting', async () => {
    const { db, inserts } = recordingDb();
    const w = new AuditWriter(db);
    await w.record([]);
    const flushed = await Promise.race([
      w.flush().then(() => 'flushed'),
      new Promise((r) => setTimeout(() => r('stuck'), 200)),
    ]);
    expect(flushed).toBe('flushed');
    expect(inserts).toHaveLength(0);
  });
});
