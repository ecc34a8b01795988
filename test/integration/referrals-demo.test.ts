import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../src/platform/calendar/index.js';
import { seedReferralsDemo } from '../../src/modules/referrals/demo.js';
import type { Actor } from '../../src/platform/http/context.js';
import { POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { importFile, testEnv, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
const today = todayJakarta();
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const actors: { puskesmas: Actor; hospital: Actor } = {
  puskesmas: { id: 0, username: 'demo.puskesmas', role: 'puskesmas', facilityCode: 'PKM-DEMO', via: 'system' },
  hospital: { id: 0, username: 'demo.rumahsakit', role: 'rumahsakit', facilityCode: 'RS-DEMO', via: 'system' },
};

beforeAll(async () => {
  t = await testEnv();
  await importFile(
    t,
    'population',
    'p.csv',
    csv(POP_HEADER, [...family('3275010101700001', 'DEMO'), ...family('3275010101700002', 'CONTOH')].map(popLine)),
    daysAgo(30),
  );
  await t.sys.db.query(
    `INSERT INTO facility (code, name, level, village_code, location) VALUES ('PKM-DEMO', 'PUSKESMAS DEMO', 'PPK1', '3275011001', 'DALAM_KOTA'), ('RS-DEMO', 'RSUD DEMO', 'PPK2', '3275011002', 'DALAM_KOTA')`,
  );
});
afterAll(async () => {
  await t?.close();
});

describe('referral demo data', () => {
  it('skips with a reason while no partner hospital has a free bed', async () => {
    const r = await seedReferralsDemo(t.sys, actors);
    expect(r.created).toEqual([]);
    expect(r.skipped).toMatch(/tempat tidur/);
  });

  it('creates referrals to the demo hospital and one back-referral, once', async () => {
    await t.sys.db.query(
      `INSERT INTO facility_agreement (facility_code, number, valid_from, valid_to, services, status) VALUES ('RS-DEMO', 'PKS/DEMO', $1, $2, ARRAY['RAWAT_INAP'], 'ACTIVE')`,
      [daysAgo(10), daysAgo(-200)],
    );
    await t.sys.db.query(
      `INSERT INTO bed_report (facility_code, class3_total, class3_available) VALUES ('RS-DEMO', 30, 12)`,
    );
    const r = await seedReferralsDemo(t.sys, actors);
    expect(r.skipped).toBeNull();
    expect(r.created.length).toBe(4);
    expect(r.backReferral).toBe(r.created[0]);
    const rows = await t.sys.db.query<{ status: string; competency_flag: boolean }>(
      'SELECT status, competency_flag FROM referral ORDER BY id',
    );
    expect(rows.rows.map((x) => x.status)).toEqual(['RETURNED', 'ARRIVED', 'SENT', 'SENT']);
    expect(rows.rows.map((x) => x.competency_flag)).toEqual([false, false, false, true]);
    expect((await seedReferralsDemo(t.sys, actors)).skipped).toMatch(/sudah ada/);
  });
});
