import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayJakarta } from '../../src/platform/calendar/index.js';
import { seedSjpDemo } from '../../src/modules/guarantees/index.js';
import { POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { ensureFacility, importFile, testEnv, type TestEnv } from '../helpers/system.js';
import { createTestAgreement } from '../helpers/factories.js';

let t: TestEnv;
const today = todayJakarta();
const RS = 'RS-SJP-DEMO';

beforeAll(async () => {
  t = await testEnv();
  await ensureFacility(t.sys, RS);
  await createTestAgreement(t.sys, RS, {
    number: 'PKS/DEMO/SJP',
    validFrom: addDays(today, -100),
    validTo: addDays(today, 100),
    services: ['RAWAT_INAP'],
  });
  const people = [...family('3275010101700001', 'DEMO'), ...family('3275010101700002', 'CONTOH')];
  await importFile(t, 'population', 'p.csv', csv(POP_HEADER, people.map(popLine)), addDays(today, -10));
});
afterAll(async () => {
  await t?.close();
});

describe('SJP demo seed', () => {
  it('leaves one request to decide, one awaiting completion and one approved letter', async () => {
    const hospital = {
      id: 0,
      username: 'demo.rumahsakit',
      role: 'rumahsakit' as const,
      facilityCode: RS,
      via: 'system' as const,
    };
    const officer = { id: 0, username: 'demo.sjp', role: 'sjp' as const, facilityCode: null, via: 'system' as const };
    expect(await seedSjpDemo(t.sys, { hospital, officer })).toEqual({ created: 3, skipped: 0 });
    const r = await t.sys.db.query<{ care_type: string; status: string }>(
      'SELECT care_type, status FROM sjp_request ORDER BY id',
    );
    expect(r.rows).toEqual([
      { care_type: 'EMERGENCY', status: 'SUBMITTED' },
      { care_type: 'INPATIENT', status: 'NEEDS_COMPLETION' },
      { care_type: 'INPATIENT', status: 'APPROVED' },
    ]);
  });
});
