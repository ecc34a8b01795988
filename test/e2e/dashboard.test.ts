/**
 * The home pages show work counters, each a link to the filtered list: the SJP
 * officer's whole program, the hospital desk's own facility only, and the
 * leadership's membership figures. Screenshots at 1366×768.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, todayJakarta } from '../../src/platform/calendar/index.js';
import { JKN_HEADER, POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { importFile, tokenFor } from '../helpers/system.js';
import {
  ensureFacility,
  closeE2e,
  newUserPage,
  openE2e,
  screenshot,
  userWithPassword,
  type E2eBrowser,
  type E2eServer,
} from './harness.js';
import { createTestAgreement, createTestBedReport, createTestReferral } from '../helpers/factories.js';

let server: E2eServer;
let browser: E2eBrowser;
const today = todayJakarta();
const RS = 'RS-DASH-E2E';
const RS_OTHER = 'RS-LAIN-E2E';
const PKM = 'PKM-DASH-E2E';
let serial = 0;

/*
 * SJP requests and one referral written straight into their tables on purpose: the page is checked against
 * deadlines a fixed number of hours away (the services compute them from the admission and the working
 * calendar) and a puskesmas referral waiting for a bed, states no service makes on demand. The other
 * referrals, agreements and bed reports go through the services (test/helpers/factories.ts).
 */
async function sjp(facility: string, status: string, dueInHours: number) {
  serial++;
  await server.sys.db.query(
    `INSERT INTO sjp_request (tracking_code, nik, patient_name, facility_code, care_type, admitted_at, admission_date, diagnosis_code, basis, origin, status, due_at)
     VALUES ($1, $2, 'PASIEN', $3, 'INPATIENT', now() - interval '1 day', $4::date, 'A09', 'CARD', 'FACILITY', $5, now() + make_interval(hours => $6::int))`,
    [`E2EDASH${serial}`, `32750101019${String(serial).padStart(5, '0')}`, facility, today, status, dueInHours],
  );
}

async function referral(to: string, status: string, flagged: boolean) {
  serial++;
  await server.sys.db.query(
    `INSERT INTO referral (number, year, seq, nik, person_name, from_facility_code, to_facility_code, kind, diagnosis_code, status, eligible, partner,
                           verify_code, emergency, creator_name, competency_flag)
     VALUES ($1, 2099, $2, $3, 'PASIEN', $4, $5, 'MEDICAL', (SELECT code FROM icd10 ORDER BY code LIMIT 1), $6, true, true, $7, false, 'PETUGAS', $8)`,
    [
      `${serial}/RUJ-E2E/2099`,
      serial,
      `32750101018${String(serial).padStart(5, '0')}`,
      PKM,
      to,
      status,
      `E2EDASHV${serial}`,
      flagged,
    ],
  );
}

const login = (role: Parameters<typeof userWithPassword>[2], username: string, facility?: string) =>
  newUserPage(server, browser, role, username, facility);

const counter = async (page: Page, key: string) =>
  Number(((await page.getByTestId(`counter-value-${key}`).textContent()) ?? '').replace(/\./g, ''));

beforeAll(async () => {
  ({ server, browser } = await openE2e());
  await ensureFacility(server.sys, RS, 'PPK2', { name: 'RSUD Kota Sejahtera' });
  await ensureFacility(server.sys, RS_OTHER, 'PPK2', { name: 'RS Mitra Lain' });
  await ensureFacility(server.sys, PKM, 'PPK1', { name: 'Puskesmas Bekasi Jaya' });
  await sjp(RS, 'SUBMITTED', 20);
  await sjp(RS, 'NEEDS_COMPLETION', 6);
  await sjp(RS, 'DRAFT', 40);
  await sjp(RS_OTHER, 'SUBMITTED', 3);
  await sjp(RS_OTHER, 'NEEDS_COMPLETION', -5);
  await referral(RS, 'AWAITING_BED', false);
  for (const [code, number, validTo] of [
    [RS, 'PKS/E2E/DASH/1', addDays(today, 25)],
    [RS_OTHER, 'PKS/E2E/DASH/2', addDays(today, 300)],
  ] as const) {
    await createTestAgreement(server.sys, code, {
      number,
      validFrom: addDays(today, -300),
      validTo,
      services: ['RAWAT_INAP'],
    });
  }
  const people = [
    ...family('3275010101700001', 'SATU'),
    ...family('3275010101700002', 'DUA'),
    ...family('3275010101700003', 'TIGA'),
  ];
  await importFile(server, 'population', 'p.csv', csv(POP_HEADER, people.map(popLine)), addDays(today, -30));
  await importFile(
    server,
    'jkn',
    'j.csv',
    csv(JKN_HEADER, [
      `${people[0]!.nik},0001111111111,BUDI SATU,PPU,1,AKTIF,2020-05-01,,`,
      `${people[3]!.nik},0001111111112,BUDI DUA,PPU,1,AKTIF,2020-05-01,,`,
    ]),
    addDays(today, -20),
  );
  // Referrals from the puskesmas for a primary-care diagnosis (flagged, REF-6), one to each hospital.
  for (const code of [RS, RS_OTHER])
    await createTestBedReport(server.sys, code, { class3Total: 20, class3Available: 5 });
  const pkm = (await tokenFor(server.sys, 'puskesmas', PKM)).authorization;
  await createTestReferral(server, { from: pkm, nik: people[1]!.nik, to: RS });
  await createTestReferral(server, { from: pkm, nik: people[2]!.nik, to: RS_OTHER });
}, 120_000);

afterAll(() => closeE2e(browser, server));

describe('home page work counters', () => {
  it("shows the SJP officer the program's queue with the nearest deadline, and links to the list", async () => {
    const page = await login('sjp', 'dewi.sjp');
    await page.getByTestId('work-counters').waitFor();
    expect(await counter(page, 'sjp.toDecide')).toBe(2);
    expect(await counter(page, 'sjp.late')).toBe(1);
    expect(await counter(page, 'referrals.flagged')).toBe(2);
    expect(await counter(page, 'agreements.expiring')).toBe(1);
    const toDecide = page.getByTestId('counter-sjp.toDecide');
    await expect(toDecide.textContent()).resolves.toMatch(/Tenggat terdekat: .* \(3 jam lagi\)/);
    // The link tiles are gone: counters replace them.
    await expect(page.locator('[data-testid^="tile-"]').count()).resolves.toBe(0);
    await screenshot(page, 'laptop-30-dashboard-sjp', false);
    await toDecide.click();
    await page.waitForURL('**/sjp?status=SUBMITTED');
    // The list opens filtered: the two submitted requests, nothing else.
    await expect.poll(() => page.getByTestId('sjp-table').locator('tbody tr').count()).toBe(2);
    await page.close();
  });

  it("shows the hospital desk its own facility's work only", async () => {
    const page = await login('rumahsakit', 'andi.rs', RS);
    await page.getByTestId('work-counters').waitFor();
    expect(await counter(page, 'referrals.incoming')).toBe(2);
    expect(await counter(page, 'sjp.needsCompletion')).toBe(1);
    expect(await counter(page, 'sjp.drafts')).toBe(1);
    expect(await counter(page, 'sjp.toDecide')).toBe(1);
    expect(await counter(page, 'agreements.expiring')).toBe(1);
    await expect(page.getByTestId('counter-sjp.needsCompletion').textContent()).resolves.toMatch(
      /Tenggat terdekat: .* \(6 jam lagi\)/,
    );
    await expect(page.getByTestId('counter-referrals.flagged').count()).resolves.toBe(0);
    await screenshot(page, 'laptop-31-dashboard-hospital', false);
    await page.getByTestId('counter-referrals.incoming').click();
    await page.waitForURL('**/rujukan?direction=IN');
    await page.close();
  });

  it('shows the leadership the membership figures of today and the SJP queue', async () => {
    const page = await login('pimpinan', 'bapak.pimpinan');
    await page.getByTestId('membership-figures').waitFor();
    await expect(page.getByTestId('figure-residents').textContent()).resolves.toContain('9');
    // Two of nine residents hold an active JKN membership.
    await expect(page.getByTestId('figure-jkn').textContent()).resolves.toContain('22,2 %');
    await expect(page.getByTestId('figure-ektp').textContent()).resolves.toContain('3');
    expect(await counter(page, 'sjp.toDecide')).toBe(2);
    await screenshot(page, 'laptop-32-dashboard-leadership', false);
    await page.close();
  });
});
