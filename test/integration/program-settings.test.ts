import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JKN_HEADER, POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { importPath, testEnv, tokenFor, writeTemp, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
let admin: string;
let desk: string;
const [head] = family('3275010101800001', 'JADWAL');

async function load(kind: 'population' | 'jkn', file: string) {
  await importPath(t.sys, kind, file, '2026-11-01');
}
const check = async (date: string) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/eligibility?nik=${head!.nik}&date=${date}`,
      headers: { authorization: desk },
    })
  ).json();
const schedule = (body: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/settings/program', headers: { authorization: admin }, payload: body });

beforeAll(async () => {
  t = await testEnv();
  admin = (await tokenFor(t.sys, 'admin')).authorization;
  desk = (await tokenFor(t.sys, 'rumahsakit', 'RS-SET-01')).authorization;
  await load('population', writeTemp(t.dataDir, 'p.csv', csv(POP_HEADER, [popLine(head!)])));
  await load(
    'jkn',
    writeTemp(t.dataDir, 'j.csv', csv(JKN_HEADER, [`${head!.nik},0009999999999,X,PPU,1,AKTIF,2020-01-01,,`])),
  );
});
afterAll(async () => {
  await t?.close();
});

describe('program settings with effective dates', () => {
  const future = {
    effectiveFrom: '2030-01-01',
    bases: ['RESIDENT'],
    excludedSegments: ['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA', 'PPU'],
    note: 'Perwal uji 1/2029',
  };

  it('refuses a change that would alter decisions already made', async () => {
    const r = await schedule({ ...future, effectiveFrom: '2026-01-01' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'SETTING_REFUSED' });
    expect(r.json().error.message).toMatch(/mulai besok/);
  });

  it('applies a scheduled change from its date on, and not before', async () => {
    const r = await schedule(future);
    expect(r.statusCode).toBe(201);
    const before = await check('2029-12-31');
    expect(before).toMatchObject({ eligible: true, basis: 'RESIDENT', settingsEffectiveFrom: '2018-01-01' });
    expect(before.reasons.map((x: { code: string }) => x.code)).toContain('JKN_COB');
    const after = await check('2030-01-01');
    expect(after).toMatchObject({ eligible: false, rule: { code: 'MEM-4' }, settingsEffectiveFrom: '2030-01-01' });
    expect(after.reasons.map((x: { code: string }) => x.code)).toContain('PBI_JKN');
    expect((await check('2026-11-22')).eligible).toBe(true);
  });

  it('lists what is in force, what is scheduled and the history', async () => {
    const r = (
      await t.app.inject({ method: 'GET', url: '/api/v1/settings/program', headers: { authorization: admin } })
    ).json();
    expect(r.current.effectiveFrom).toBe('2018-01-01');
    expect(r.scheduled.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual(['2030-01-01']);
    expect(r.history.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual(['2018-01-01']);
    expect((await schedule(future)).statusCode).toBe(422);
  });

  it('withdraws a change that has not begun, never one in force, and audits both', async () => {
    const r = (
      await t.app.inject({ method: 'GET', url: '/api/v1/settings/program', headers: { authorization: admin } })
    ).json();
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/settings/program/${r.scheduled[0].id}`,
      headers: { authorization: admin },
    });
    expect(del.statusCode).toBe(200);
    expect((await check('2030-01-01')).eligible).toBe(true);
    const inForce = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/settings/program/${r.current.id}`,
      headers: { authorization: admin },
    });
    expect(inForce.statusCode).toBe(404);
    const a = await t.sys.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'program_setting' ORDER BY id`,
    );
    expect(a.rows.map((x) => x.action)).toEqual(['settings.program.schedule', 'settings.program.cancel']);
  });

  it('is for administrators only', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/settings/program',
      headers: { authorization: desk },
      payload: future,
    });
    expect(r.statusCode).toBe(403);
  });
});
