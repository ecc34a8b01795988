import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../src/platform/calendar/index.js';
import { seedReferralsDemo } from '../../src/modules/referrals/index.js';
import type { Actor } from '../../src/platform/http/context.js';
import { POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { importFile, testEnv, type TestEnv } from '../helpers/system.js';
import { createTestAgreement, createTestBedReport, ensureFacility } from '../helpers/factories.js';

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
  await ensureFacility(t.sys, 'PKM-DEMO', 'PPK1', { name: 'PUSKESMAS DEMO', villageCode: '3275011001' });
  await ensureFacility(t.sys, 'RS-DEMO', 'PPK2', { name: 'RSUD DEMO', villageCode: '3275011002' });
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
    await createTestAgreement(t.sys, 'RS-DEMO', {
      number: 'PKS/DEMO',
      validFrom: daysAgo(10),
      validTo: daysAgo(-200),
      services: ['RAWAT_INAP'],
    });
    await createTestBedReport(t.sys, 'RS-DEMO', { class3Total: 30, class3Available: 12 });
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
