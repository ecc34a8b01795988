import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { migrate } from '../../platform/db/migrate.js';
import { createPgliteDb } from '../../platform/db/pglite.js';
import type { Db } from '../../platform/db/types.js';
import { type App, buildApp } from '../../platform/http/app.js';
import { areaRoutes } from './routes.js';
import { type AreaService, createAreaService } from './service.js';
import { syncAreas } from './sync.js';

describe('area service and routes (PGlite, packaged data)', () => {
  let db: Db;
  let areas: AreaService;
  let app: App;

  beforeAll(async () => {
    db = await createPgliteDb(null);
    await migrate(db);
    await syncAreas(db);
    areas = createAreaService(db);
    app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', COOKIE_SECRET: 'k'.repeat(32) }),
      auth: {
        resolve: async (_kind, secret) =>
          secret === 'pkm'
            ? {
                id: 7,
                username: 'pkm.uji',
                role: 'puskesmas',
                facilityCode: 'PKM-01',
                via: 'token',
                mustChangePassword: false,
              }
            : null,
      },
      health: async () => {},
      webDist: null,
      routes: (api) => areaRoutes(api, areas),
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('looks a village up with its district, regency and province', async () => {
    expect(await areas.lookup('3275011001')).toEqual({
      code: '3275011001',
      level: 'VILLAGE',
      parentCode: '327501',
      name: 'Bekasijaya',
      village: 'Bekasijaya',
      district: 'Bekasi Timur',
      regency: 'KOTA BEKASI',
      province: 'JAWA BARAT',
    });
    expect(await areas.lookup('32.75')).toMatchObject({
      level: 'REGENCY',
      regency: 'KOTA BEKASI',
      district: null,
      village: null,
    });
    expect(await areas.lookup('3275999999')).toBeNull();
  });

  it('names areas of any level, with or without dots', async () => {
    expect(await areas.name('32.75.01.1001')).toBe('Bekasijaya');
    expect(await areas.name('3275')).toBe('KOTA BEKASI');
    expect(await areas.name('32')).toBe('JAWA BARAT');
    expect(await areas.name('11')).toBe('ACEH');
    expect(await areas.name('99')).toBeNull();
    await expect(areas.name('32750')).rejects.toMatchObject({ code: 'INVALID_AREA_CODE' });
  });

  it('Kota Bekasi has 12 districts and 56 villages', async () => {
    const districts = await areas.children('3275');
    expect(districts).toHaveLength(12);
    expect(districts!.every((d) => d.level === 'DISTRICT' && d.parentCode === '3275')).toBe(true);
    const villages = await areas.villagesOfRegency('3275');
    expect(villages).toHaveLength(56);
    expect(villages.map((v) => v.code)).toEqual([...villages.map((v) => v.code)].sort());
    expect(await areas.children('327501')).toHaveLength(
      (await areas.villagesOfRegency('3275')).filter((v) => v.parentCode === '327501').length,
    );
    expect(await areas.children('3275011001')).toEqual([]);
    expect((await areas.children('32'))!.some((r) => r.name === 'KOTA BEKASI')).toBe(true);
    expect(await areas.children('3299')).toBeNull();
    await expect(areas.villagesOfRegency('327501')).rejects.toMatchObject({ code: 'INVALID_AREA_CODE' });
  });

  it('switches its one-regency cache between regencies', async () => {
    expect(await areas.name('1101012001')).toBe('Keude Bakongan');
    expect(await areas.name('3275011001')).toBe('Bekasijaya');
    expect(await areas.name('1101012001')).toBe('Keude Bakongan');
    expect((await areas.provinces()).length).toBe(38);
  });

  it('GET /api/v1/areas/:code and /children for any logged-in user', async () => {
    const res = await app.inject({ url: '/api/v1/areas/32.75.01.1001', headers: { authorization: 'Bearer pkm' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '3275011001', district: 'Bekasi Timur', regency: 'KOTA BEKASI' });

    const kids = await app.inject({ url: '/api/v1/areas/3275/children', headers: { authorization: 'Bearer pkm' } });
    expect(kids.statusCode).toBe(200);
    expect(kids.json().parent.name).toBe('KOTA BEKASI');
    expect(kids.json().areas).toHaveLength(12);

    const roots = await app.inject({ url: '/api/v1/areas', headers: { authorization: 'Bearer pkm' } });
    expect(roots.json().areas).toHaveLength(38);

    const none = await app.inject({ url: '/api/v1/areas/3299/children', headers: { authorization: 'Bearer pkm' } });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toContain('tidak ditemukan');

    const bad = await app.inject({ url: '/api/v1/areas/KOTA', headers: { authorization: 'Bearer pkm' } });
    expect(bad.statusCode).toBe(400);
    const badLength = await app.inject({ url: '/api/v1/areas/32750', headers: { authorization: 'Bearer pkm' } });
    expect(badLength.statusCode).toBe(400);
    expect(badLength.json().error.code).toBe('INVALID_AREA_CODE');

    const anon = await app.inject({ url: '/api/v1/areas/3275' });
    expect(anon.statusCode).toBe(401);
  });
});
