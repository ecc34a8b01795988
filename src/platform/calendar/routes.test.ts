import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { createPgliteDb } from '../db/pglite.js';
import type { Db } from '../db/types.js';
import { type App, buildApp } from '../http/app.js';
import type { ResolvedActor } from '../http/auth.js';
import { calendarRoutes } from './routes.js';
import { createCalendarService } from './service.js';

describe('calendar routes', () => {
  let db: Db;
  let app: App;

  beforeAll(async () => {
    db = await createPgliteDb(null);
    await migrate(db);
    const r = await db.query<{ id: number }>(
      "INSERT INTO app_user (username, role, password_hash) VALUES ('admin.rute', 'admin', 'x') RETURNING id",
    );
    await db.query("INSERT INTO facility (code, name, level) VALUES ('RS-01', 'RS Uji', 'PPK2')");
    const actors: Record<string, ResolvedActor> = {
      admin: {
        id: r.rows[0]!.id,
        username: 'admin.rute',
        role: 'admin',
        facilityCode: null,
        via: 'token',
        mustChangePassword: false,
      },
      rs: {
        id: 99,
        username: 'rs.uji',
        role: 'rumahsakit',
        facilityCode: 'RS-01',
        via: 'token',
        mustChangePassword: false,
      },
    };
    const calendar = createCalendarService(db);
    app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', COOKIE_SECRET: 'k'.repeat(32) }),
      auth: { resolve: async (_kind, secret) => actors[secret] ?? null },
      health: async () => {},
      webDist: null,
      routes: (api) => calendarRoutes(api, calendar),
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const as = (who: string) => ({ authorization: `Bearer ${who}` });

  it('an admin adds and removes a cuti bersama; the deadline follows', async () => {
    const before = await app.inject({
      url: '/api/v1/calendar/deadline?start=2026-03-17T10:00:00%2B07:00&hours=72',
      headers: as('rs'),
    });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({
      start: '2026-03-17T03:00:00.000Z',
      hours: 72,
      deadline: '2026-03-24T03:00:00.000Z',
      deadlineJakarta: '2026-03-24T10:00:00+07:00',
      deadlineDate: '2026-03-24',
    });

    for (const date of ['2026-03-18', '2026-03-23', '2026-03-24']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/calendar/days-off',
        headers: as('admin'),
        payload: { date, name: 'Cuti bersama Idul Fitri', kind: 'CUTI_BERSAMA' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ date, kind: 'CUTI_BERSAMA' });
    }
    const after = await app.inject({ url: '/api/v1/calendar/deadline?start=2026-03-17T03:00:00Z', headers: as('rs') });
    expect(after.json().deadlineJakarta).toBe('2026-03-27T10:00:00+07:00');

    const list = await app.inject({ url: '/api/v1/calendar/days-off?year=2026', headers: as('rs') });
    expect(list.statusCode).toBe(200);
    const days = list.json().days as { date: string; source: string }[];
    expect(days.filter((d) => d.source === 'NASIONAL')).toHaveLength(16);
    expect(days.filter((d) => d.source === 'CUTI_BERSAMA').map((d) => d.date)).toEqual([
      '2026-03-18',
      '2026-03-23',
      '2026-03-24',
    ]);

    const del = await app.inject({
      method: 'DELETE',
      url: '/api/v1/calendar/days-off/2026-03-24',
      headers: as('admin'),
    });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toMatchObject({ ok: true, removed: { date: '2026-03-24' } });
  });

  it('only calendar.manage may change the calendar', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/days-off',
      headers: as('rs'),
      payload: { date: '2026-04-02', name: 'x', kind: 'LIBUR_LOKAL' },
    });
    expect(res.statusCode).toBe(403);
    const anon = await app.inject({ url: '/api/v1/calendar/days-off?year=2026' });
    expect(anon.statusCode).toBe(401);
  });

  it('answers bad input with 400/404/409 and messages in Bahasa Indonesia', async () => {
    const badDate = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/days-off',
      headers: as('admin'),
      payload: { date: '2026-02-30', name: 'x', kind: 'CUTI_BERSAMA' },
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toContain('YYYY-MM-DD');

    const badKind = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/days-off',
      headers: as('admin'),
      payload: { date: '2026-02-02', name: 'x', kind: 'LIBUR' },
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.message).toContain('Jenis hari libur');

    const dup = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/days-off',
      headers: as('admin'),
      payload: { date: '2026-03-18', name: 'Lagi', kind: 'CUTI_BERSAMA' },
    });
    expect(dup.statusCode).toBe(409);

    const missing = await app.inject({
      method: 'DELETE',
      url: '/api/v1/calendar/days-off/2026-08-17',
      headers: as('admin'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('DAY_OFF_NOT_FOUND');

    const noZone = await app.inject({ url: '/api/v1/calendar/deadline?start=2026-03-17T10:00:00', headers: as('rs') });
    expect(noZone.statusCode).toBe(400);
    expect(noZone.json().error.message).toContain('zona waktu');

    const negative = await app.inject({
      url: '/api/v1/calendar/deadline?start=2026-03-17T03:00:00Z&hours=-1',
      headers: as('rs'),
    });
    expect(negative.statusCode).toBe(400);

    const year = await app.inject({ url: '/api/v1/calendar/days-off?year=abc', headers: as('rs') });
    expect(year.statusCode).toBe(400);
  });
});
