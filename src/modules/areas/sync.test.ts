import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../platform/db/migrate.js';
import { createPgliteDb } from '../../platform/db/pglite.js';
import type { Db } from '../../platform/db/types.js';
import { copyField, packagedAreaSource, syncAreas } from './sync.js';

async function freshDb(): Promise<Db> {
  const db = await createPgliteDb(null);
  await migrate(db);
  return db;
}

describe('syncAreas with the packaged idn-area-data', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('loads all four levels, then skips the same version, and a forced reload changes nothing', async () => {
    const first = await syncAreas(db);
    expect(first.skipped).toBe(false);
    expect(first.version).toBe(packagedAreaSource().version);
    expect(first.counts.PROVINCE).toBe(38);
    expect(first.counts.VILLAGE).toBeGreaterThan(80_000);
    const total = first.counts.PROVINCE + first.counts.REGENCY + first.counts.DISTRICT + first.counts.VILLAGE;
    expect(first.inserted).toBe(total);
    expect(first.updated).toBe(0);

    const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_area');
    expect(count.rows[0]!.n).toBe(total);

    const again = await syncAreas(db);
    expect(again).toMatchObject({ skipped: true, inserted: 0, updated: 0 });

    const forced = await syncAreas(db, { force: true });
    expect(forced).toMatchObject({ skipped: false, inserted: 0, updated: 0, notInSource: 0 });

    const audits = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE action = 'areas.sync'");
    expect(audits.rows).toHaveLength(2);
    const version = await db.query<{ version: string }>(
      "SELECT version FROM reference_version WHERE name = 'idn-area-data'",
    );
    expect(version.rows[0]!.version).toBe(first.version);
  });

  it('Kota Bekasi (3275): 12 districts, 56 villages, codes without dots, every parent present', async () => {
    const d = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM admin_area WHERE parent_code = '3275'");
    expect(d.rows[0]!.n).toBe(12);
    const v = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM admin_area WHERE level = 'VILLAGE' AND code LIKE '3275%'",
    );
    expect(v.rows[0]!.n).toBe(56);
    const row = await db.query("SELECT code, level, parent_code, name FROM admin_area WHERE code = '3275011001'");
    expect(row.rows[0]).toEqual({ code: '3275011001', level: 'VILLAGE', parent_code: '327501', name: 'Bekasijaya' });
    const orphans = await db.query(
      'SELECT a.code FROM admin_area a WHERE a.parent_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM admin_area p WHERE p.code = a.parent_code)',
    );
    expect(orphans.rows).toEqual([]);
    const quoted = await db.query<{ name: string }>("SELECT name FROM admin_area WHERE code = '3513152017'");
    expect(quoted.rows[0]!.name).toBe('Soka"an');
  });
});

describe('syncAreas with a small source', () => {
  let db: Db;
  let dir: string;
  const write = (files: Record<string, string>) => {
    for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  };
  const base = {
    'provinces.csv': 'code,name\n32,JAWA BARAT\n',
    'regencies.csv': 'code,province_code,name\n32.75,32,KOTA BEKASI\n',
    'districts.csv': 'code,regency_code,name\n32.75.01,32.75,"Bekasi Timur, Kota"\n',
    'villages.csv':
      'code,district_code,name\n32.75.01.1001,32.75.01,"Desa ""Baru"""\n32.75.01.1002,32.75.01,Ra"as\n32.75.01.1003,32.75.01,Back\\slash\n',
  };

  beforeAll(async () => {
    db = await freshDb();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'areas-'));
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps commas, quotes and backslashes in names', async () => {
    write(base);
    const r = await syncAreas(db, { source: { dir, version: 'fixture-1' } });
    expect(r).toMatchObject({ inserted: 6, updated: 0, counts: { PROVINCE: 1, REGENCY: 1, DISTRICT: 1, VILLAGE: 3 } });
    const names = await db.query<{ code: string; name: string }>('SELECT code, name FROM admin_area ORDER BY code');
    expect(names.rows.map((x) => x.name)).toEqual([
      'JAWA BARAT',
      'KOTA BEKASI',
      'Bekasi Timur, Kota',
      'Desa "Baru"',
      'Ra"as',
      'Back\\slash',
    ]);
  });

  it('a new version updates renamed areas and keeps areas the source dropped', async () => {
    write({
      ...base,
      'villages.csv':
        'code,district_code,name\n32.75.01.1001,32.75.01,Desa Baru\n32.75.01.1002,32.75.01,Ra"as\n32.75.01.1004,32.75.01,Pemekaran\n',
    });
    const r = await syncAreas(db, { source: { dir, version: 'fixture-2' } });
    expect(r).toMatchObject({ skipped: false, inserted: 1, updated: 1, notInSource: 1 });
    const kept = await db.query("SELECT 1 FROM admin_area WHERE code = '3275011003'");
    expect(kept.rows).toHaveLength(1);
  });

  it('refuses malformed rows, naming file and line, and leaves the table as it was', async () => {
    write({
      ...base,
      'villages.csv': 'code,district_code,name\n32.75.01.1001,32.75.01,Desa\n32.75.02.1002,32.75.01,Salah Induk\n',
    });
    await expect(syncAreas(db, { source: { dir, version: 'fixture-bad' } })).rejects.toThrow(
      /villages\.csv rekaman ke-2: induk/,
    );
    write({ ...base, 'districts.csv': 'code,regency_code,name\n32.75.1,32.75,Pendek\n' });
    await expect(syncAreas(db, { source: { dir, version: 'fixture-bad' } })).rejects.toThrow(/bukan kode DISTRICT/);
    const v = await db.query<{ version: string }>("SELECT version FROM reference_version WHERE name = 'idn-area-data'");
    expect(v.rows[0]!.version).toBe('fixture-2');
  });

  it('escapes COPY text fields', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
  });
});
