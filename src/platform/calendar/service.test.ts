import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { createPgliteDb } from '../db/pglite.js';
import type { Db } from '../db/types.js';
import { AppError } from '../http/errors.js';
import { jakartaDateTime, jakartaInstant } from './rules/jakarta.js';
import { createCalendarService } from './service.js';

const wib = (d: Date) => jakartaDateTime(d).iso.slice(0, 16);

describe('calendar service (PGlite)', () => {
  let db: Db;
  let adminId: number;

  beforeAll(async () => {
    db = await createPgliteDb(null);
    await migrate(db);
    const r = await db.query<{ id: number }>(
      "INSERT INTO app_user (username, role, password_hash) VALUES ('admin.kalender', 'admin', 'x') RETURNING id",
    );
    adminId = r.rows[0]!.id;
  });
  afterAll(async () => {
    await db.close();
  });

  it('adds cuti bersama, moves deadlines, audits, and removes them again', async () => {
    const svc = createCalendarService(db);
    const admitted = jakartaInstant('2026-03-17', '10:00');
    expect(wib(await svc.deadline(admitted, 72))).toBe('2026-03-24T10:00');

    for (const date of ['2026-03-18', '2026-03-23', '2026-03-24']) {
      const d = await svc.createDayOff({ date, name: '  Cuti bersama   Idul Fitri ', kind: 'CUTI_BERSAMA' }, adminId);
      expect(d).toMatchObject({ date, name: 'Cuti bersama Idul Fitri', kind: 'CUTI_BERSAMA', createdBy: adminId });
      expect(d.createdAt).toBeInstanceOf(Date);
    }
    // The cached calendar is replaced at once after a change.
    expect(wib(await svc.deadline(admitted, 72))).toBe('2026-03-27T10:00');
    expect((await svc.calendar()).isWorkingDay('2026-03-23')).toBe(false);

    const audit = await db.query<{ action: string; entity_id: string; details: { kind: string } }>(
      "SELECT action, entity_id, details FROM audit_log WHERE action LIKE 'calendar.%' ORDER BY id",
    );
    expect(audit.rows.map((r) => r.action)).toEqual(Array(3).fill('calendar.day_off.create'));
    expect(audit.rows[0]).toMatchObject({ entity_id: '2026-03-18', details: { kind: 'CUTI_BERSAMA' } });

    const removed = await svc.deleteDayOff('2026-03-24');
    expect(removed.date).toBe('2026-03-24');
    expect((await svc.calendar()).isWorkingDay('2026-03-24')).toBe(true);
    const del = await db.query(
      "SELECT 1 FROM audit_log WHERE action = 'calendar.day_off.delete' AND entity_id = '2026-03-24'",
    );
    expect(del.rows).toHaveLength(1);
  });

  it('lists national holidays and extra days off of a year, by date, with their source', async () => {
    const svc = createCalendarService(db);
    await svc.createDayOff({ date: '2026-06-23', name: 'HUT Kota (libur lokal)', kind: 'LIBUR_LOKAL' });
    const days = await svc.listDaysOff(2026);
    expect(days.filter((d) => d.source === 'NASIONAL')).toHaveLength(16);
    expect(days.find((d) => d.date === '2026-03-18')).toEqual({
      date: '2026-03-18',
      name: 'Cuti bersama Idul Fitri',
      source: 'CUTI_BERSAMA',
    });
    expect(days.find((d) => d.date === '2026-06-23')?.source).toBe('LIBUR_LOKAL');
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect((await svc.listDaysOff(2025)).some((d) => d.source !== 'NASIONAL')).toBe(false);
  });

  it('refuses duplicates, unknown dates and bad input, in Bahasa Indonesia', async () => {
    const svc = createCalendarService(db);
    const err = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as AppError,
      );

    const dup = await err(svc.createDayOff({ date: '2026-03-18', name: 'Lagi', kind: 'CUTI_BERSAMA' }));
    expect(dup).toMatchObject({ kind: 'conflict', code: 'DAY_OFF_EXISTS' });
    expect(dup?.message).toContain('sudah tercatat');

    expect(await err(svc.deleteDayOff('2026-08-17'))).toMatchObject({ kind: 'not_found', code: 'DAY_OFF_NOT_FOUND' });
    expect(await err(svc.createDayOff({ date: '2026-02-30', name: 'x', kind: 'CUTI_BERSAMA' }))).toMatchObject({
      code: 'INVALID_DATE',
    });
    expect(await err(svc.createDayOff({ date: '2026-02-02', name: '   ', kind: 'CUTI_BERSAMA' }))).toMatchObject({
      code: 'INVALID_NAME',
    });
    expect(await err(svc.createDayOff({ date: '2026-02-02', name: 'x', kind: 'LIBUR' }))).toMatchObject({
      code: 'INVALID_KIND',
    });
    expect(await err(svc.deadline(new Date(), -1))).toMatchObject({ code: 'INVALID_HOURS' });
    expect(await err(svc.listDaysOff(99))).toMatchObject({ code: 'INVALID_YEAR' });
  });

  it("another process's change shows once the cache expires", async () => {
    const reader = createCalendarService(db, { cacheMs: 0 });
    const writer = createCalendarService(db);
    expect((await reader.calendar()).isWorkingDay('2026-07-01')).toBe(true);
    await writer.createDayOff({ date: '2026-07-01', name: 'Libur lokal', kind: 'LIBUR_LOKAL' });
    expect((await reader.calendar()).isWorkingDay('2026-07-01')).toBe(false);
  });

  it('shares one load between concurrent callers', async () => {
    const svc = createCalendarService(db);
    const [a, b] = await Promise.all([svc.calendar(), svc.calendar()]);
    expect(a).toBe(b);
  });
});
