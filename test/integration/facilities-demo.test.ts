import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../src/platform/calendar/index.js';
import { runWithContext, systemContext } from '../../src/platform/http/context.js';
import { seedFacilitiesDemo } from '../../src/modules/facilities/demo.js';
import { loadFacilities } from '../../src/modules/facilities/registry.js';
import { loadRegion } from '../../src/modules/synthetic/areas.js';
import { csvLine } from '../../src/modules/synthetic/csv.js';
import { FACILITY_HEADER, facilityFields, planFacilities } from '../../src/modules/synthetic/facilities.js';
import { Rng } from '../../src/modules/synthetic/random.js';
import { testEnv, writeTemp, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
beforeAll(async () => {
  t = await testEnv();
});
afterAll(async () => {
  await t?.close();
});

describe('generated facilities and the demo seed', () => {
  it("loads the generator's facilities.csv and seeds agreements, beds and a monthly report", async () => {
    // The facilities `jamkesda generate` plans for a city of 600,000 (≈12 puskesmas, ≈14 hospitals).
    const set = planFacilities(Rng.from('fac', 'facilities'), loadRegion('3275'), 600_000);
    const text = [FACILITY_HEADER, ...set.facilities.map(facilityFields)].map((r) => csvLine(r)).join('');
    const n = await loadFacilities(t.sys.db, writeTemp(t.dataDir, 'facilities.csv', text));
    expect(n).toBe(set.facilities.length);
    expect(n).toBeGreaterThan(10);
    const kinds = (
      await t.sys.db.query<{ kind: string; n: string }>(`SELECT kind, count(*) AS n FROM facility GROUP BY kind`)
    ).rows;
    expect(kinds.map((k) => k.kind).sort()).toEqual(['KLINIK_PRATAMA', 'PUSKESMAS', 'RUMAH_SAKIT']);

    const r = await runWithContext(systemContext(), () => seedFacilitiesDemo(t.sys));
    expect(r.agreements).toBe(n - 1);
    expect(r.withoutAgreement).not.toBeNull();
    const today = todayJakarta();
    expect(await t.sys.facilities.isPartner(r.withoutAgreement!, today)).toBe(false);
    const expiring = await t.sys.facilities.expiring(60);
    expect(expiring).toHaveLength(3);
    const board = await t.sys.facilities.board({});
    expect(board.rows.length).toBe(r.bedReports);
    expect(board.rows.filter((b) => b.stale)).toHaveLength(2);
    // Running it again changes nothing.
    const again = await runWithContext(systemContext(), () => seedFacilitiesDemo(t.sys));
    expect(again.agreements).toBe(0);
  }, 120_000);
});
