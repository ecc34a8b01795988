/**
 * The referral pathway through the UI: a puskesmas refers a member to the
 * best-ranked partner hospital and downloads the letter; the hospital finds it
 * in its incoming list, records arrival and admission and sends the
 * back-referral, which the puskesmas then reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayJakarta } from '../../src/platform/calendar/index.js';
import { POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { importFile } from '../helpers/system.js';
import {
  ensureFacility,
  closeE2e,
  logoutAndClose,
  newUserPage,
  openE2e,
  screenshot,
  type E2eBrowser,
  type E2eServer,
} from './harness.js';
import { createTestPartnerHospital } from '../helpers/factories.js';

let server: E2eServer;
let browser: E2eBrowser;
const today = todayJakarta();
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const fam = family('3275010101600001', 'RUJUKAN');
const patient = fam[0]!;

async function hospital(code: string, name: string, village: string, beds: number) {
  await createTestPartnerHospital(server.sys, code, {
    name,
    villageCode: village,
    agreement: { number: `PKS/${code}`, validFrom: daysAgo(30), validTo: daysAgo(-300), services: ['RAWAT_INAP'] },
    beds: { class3Total: 40, class3Available: beds },
  });
}

beforeAll(async () => {
  ({ server, browser } = await openE2e());
  await importFile(server, 'population', 'p.csv', csv(POP_HEADER, fam.map(popLine)), daysAgo(60));
  await ensureFacility(server.sys, 'PKM-E2E', 'PPK1', { name: 'PUSKESMAS BEKASI JAYA', villageCode: '3275011001' });
  await hospital('RS-DEKAT', 'RS DEKAT SEHAT', '3275011004', 3);
  await hospital('RS-JAUH', 'RS JAUH SENTOSA', '3275071001', 25);
});

afterAll(() => closeE2e(browser, server));

async function login(role: 'puskesmas' | 'rumahsakit', username: string, facility: string): Promise<Page> {
  await ensureFacility(server.sys, facility, role === 'puskesmas' ? 'PPK1' : 'PPK2', { name: facility });
  return newUserPage(server, browser, role, username, facility);
}

const logout = (page: Page) => logoutAndClose(page, server.baseUrl);

describe('referral pathway', () => {
  let referralUrl = '';

  it('a puskesmas refers a member to the nearest partner hospital and gets the letter', async () => {
    const page = await login('puskesmas', 'dina.pkm', 'PKM-E2E');
    await page.goto(`${server.baseUrl}/rujukan`);
    await page.getByTestId('referral-new').click();
    await page.getByTestId('referral-nik').fill(patient.nik);
    await page.getByTestId('referral-check').click();
    await page.locator('[data-testid="referral-eligibility"][data-eligible="true"]').waitFor();
    await page.getByTestId('referral-diagnosis').fill('I21');
    await page.getByRole('option', { name: /I21\.9/ }).click();
    await page.getByTestId('destination-RS-DEKAT').waitFor();
    // Same district beats more free beds further away.
    expect(await page.getByTestId('destination-RS-DEKAT').isChecked()).toBe(true);
    await screenshot(page, 'laptop-60-referral-form');
    await page.getByTestId('referral-submit').click();
    await page.waitForURL(/\/rujukan\/\d+$/);
    referralUrl = page.url();
    await page.locator('[data-testid="referral-status"][data-status="SENT"]').waitFor();
    const id = referralUrl.split('/').pop();
    const pdf = await page.request.get(`${server.baseUrl}/api/v1/referrals/${id}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The QR code's page: validity and initials, never the NIK or the name.
    const { verifyCode } = (await (await page.request.get(`${server.baseUrl}/api/v1/referrals/${id}`)).json()) as {
      verifyCode: string;
    };
    await page.goto(`${server.baseUrl}/verifikasi/rujukan/${verifyCode}`);
    await page.locator('[data-testid="verify-answer"][data-valid="true"]').waitFor();
    const shown = (await page.getByTestId('verify-answer').textContent()) ?? '';
    expect(shown).toContain('B. R.');
    expect(shown).not.toContain(patient.nik);
    expect(shown).not.toContain('BUDI');
    await logout(page);
  });

  it('the hospital sees it, admits the patient and sends the back-referral; the puskesmas reads it', async () => {
    const page = await login('rumahsakit', 'rudi.rs', 'RS-DEKAT');
    await page.goto(`${server.baseUrl}/rujukan?direction=IN`);
    await page.getByTestId('referral-link').first().click();
    await page.waitForURL(referralUrl);
    await page.getByTestId('referral-arrive').click();
    await page.locator('[data-testid="referral-status"][data-status="ARRIVED"]').waitFor();
    await page.getByTestId('referral-admit').click();
    await page.locator('[data-testid="referral-status"][data-status="ADMITTED"]').waitFor();
    await page.getByTestId('back-condition').fill('Stabil, tanpa nyeri dada');
    await page.getByTestId('back-follow-up').fill('Kontrol tekanan darah tiap bulan di puskesmas');
    await page.getByTestId('referral-send-back').click();
    await page.getByTestId('referral-back').waitFor();
    await screenshot(page, 'laptop-61-back-referral');
    await logout(page);

    const pkm = await login('puskesmas', 'dina2.pkm', 'PKM-E2E');
    await pkm.goto(referralUrl);
    await pkm.getByTestId('referral-back').waitFor();
    expect(await pkm.getByTestId('referral-back').textContent()).toContain(
      'Kontrol tekanan darah tiap bulan di puskesmas',
    );
    // The back-referral letter is printable from the page the puskesmas reads.
    const href = await pkm.getByTestId('referral-back-pdf').getAttribute('href');
    const res = await pkm.request.get(`${server.baseUrl}${href}`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await pkm.close();
  });
});
