/**
 * Dinas Sosial recommendation letters through the UI (DIN-1, MEM-3.3): an
 * officer issues a letter for an inmate who is not in the population data,
 * sees its number and downloads the PDF; the QR page verifies it on a phone;
 * a puskesmas desk then finds the NIK covered on the Dinsos basis; finally
 * the officer revokes it.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  LAPTOP,
  closeE2e,
  ensureFacility,
  launchBrowser,
  loginViaUi,
  openE2e,
  screenshot,
  userWithPassword,
  type E2eBrowser,
  type E2eServer,
} from './harness.js';
import { nik } from './fixtures.js';

let server: E2eServer;
let browser: E2eBrowser;
let page: Page;

/** An inmate outside the population data; the NIK agrees with the birth date and sex (region 327501, serial 0771). */
const inmate = {
  nik: nik('1988-04-12', 'L', 771),
  name: 'JOKO PRASETYO',
  birthDate: '1988-04-12',
  institution: 'Lapas Kelas IIA Bekasi',
};
const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
let letterNumber = '';
let verifyCode = '';

beforeAll(async () => {
  ({ server, browser, page } = await openE2e({ user: ['dinsos', 'dewi.dinsos'] }));
});

afterAll(() => closeE2e(browser, server));

describe('Dinas Sosial recommendation letter', () => {
  it('issues a letter for a special-group person outside the population data and shows its number', async () => {
    await page.getByRole('link', { name: 'Surat rekomendasi' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Surat rekomendasi Dinas Sosial' }).waitFor();
    await page.getByTestId('recommendation-new').click();
    await page.getByRole('heading', { level: 1, name: 'Terbitkan surat rekomendasi' }).waitFor();

    await page.getByTestId('recommendation-nik').fill(inmate.nik.replace(/(\d{6})(\d{6})/, '$1 $2 '));
    await page.getByTestId('recommendation-lookup').click();
    await page.getByTestId('lookup-not-found').waitFor();
    // Not a registered resident: the TIDAK_MAMPU category cannot be chosen.
    await expect(page.getByRole('radio', { name: 'Warga tidak mampu (sosial ekonomi)' }).isDisabled()).resolves.toBe(
      true,
    );

    await page.getByRole('radio', { name: 'Warga binaan pemasyarakatan' }).check();
    await page.getByTestId('recommendation-institution').fill(inmate.institution);
    await page.getByTestId('recommendation-name').fill('joko prasetyo');
    await page.getByRole('textbox', { name: 'Tanggal lahir' }).fill(inmate.birthDate);
    await page.getByRole('textbox', { name: 'Tanggal lahir' }).press('Tab');
    await page.getByText('Laki-laki', { exact: true }).click();
    await page
      .getByTestId('recommendation-reason')
      .fill('Warga binaan memerlukan rawat inap; tidak memiliki jaminan kesehatan lain.');
    await screenshot(page, 'laptop-40-recommendation-form');
    await page.getByTestId('recommendation-submit').click();

    await page.getByTestId('letter-state-line').waitFor();
    letterNumber = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(letterNumber).toBe(`0001/REK-JKD/DINSOS/${year}`);
    await expect(page.getByTestId('letter-state').first().textContent()).resolves.toBe('Berlaku');
    await page.getByText(inmate.institution).first().waitFor();
    await page.getByText('JOKO PRASETYO').first().waitFor();
    await screenshot(page, 'laptop-41-recommendation-detail');

    const stored = await server.sys.db.query<{ verify_code: string; in_population: boolean }>(
      'SELECT verify_code, in_population FROM recommendation WHERE number = $1',
      [letterNumber],
    );
    expect(stored.rows[0]?.in_population).toBe(false);
    verifyCode = stored.rows[0]!.verify_code;
  });

  it('downloads the letter as a PDF', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('recommendation-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`rekomendasi-0001-rek-jkd-dinsos-${year}.pdf`);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain(`Surat Rekomendasi ${letterNumber}`);
  });

  it('lists the letter and finds it by NIK', async () => {
    await page.goto(`${server.baseUrl}/rekomendasi`);
    await page.getByTestId('recommendation-search').fill(inmate.nik);
    await page.getByTestId('recommendation-search').press('Enter');
    await page.getByTestId('recommendation-list').getByRole('link', { name: letterNumber }).waitFor();
    await screenshot(page, 'laptop-42-recommendation-list');
  });

  it('verifies the letter from its QR address on a phone, showing initials only', async () => {
    const phone = await launchBrowser({ width: 390, height: 844 });
    const p = await phone.context.newPage();
    await p.goto(`${server.baseUrl}/verifikasi/rekomendasi/${verifyCode}`);
    const answer = p.getByTestId('verify-answer');
    await answer.waitFor();
    await expect(answer.getAttribute('data-valid')).resolves.toBe('true');
    const text = (await answer.textContent()) ?? '';
    expect(text).toContain('J. P.');
    expect(text).not.toContain('JOKO');
    expect(text).not.toContain(inmate.nik);
    await screenshot(p, 'phone-40-recommendation-verify');
    await phone.close();
  });

  it('shows a puskesmas desk the NIK as covered on the Dinas Sosial recommendation', async () => {
    await ensureFacility(server.sys, 'PKM-DINSOS', 'PPK1', { name: 'Puskesmas Bekasi Jaya' });
    const password = await userWithPassword(server.sys, 'ani.puskesmas', 'puskesmas', 'PKM-DINSOS');
    const desk = await launchBrowser(LAPTOP);
    try {
      const p = await desk.context.newPage();
      await loginViaUi(p, server.baseUrl, 'ani.puskesmas', password);
      await p.goto(`${server.baseUrl}/cek-kepesertaan`);
      await p.getByTestId('eligibility-nik').fill(inmate.nik);
      await p.getByTestId('eligibility-nik').press('Enter');
      await p.getByTestId('eligibility-result').waitFor();
      await screenshot(p, 'laptop-43-eligibility-dinsos');
      await expect(p.getByTestId('eligibility-verdict').textContent()).resolves.toBe('DIJAMIN');
      await expect(p.getByTestId('eligibility-basis').textContent()).resolves.toMatch(/Rekomendasi Din(as )?sos/i);
    } finally {
      await desk.close();
    }
  });

  it('revokes the letter with a reason; it stays listed and the QR page says it was revoked', async () => {
    await page.goto(`${server.baseUrl}/rekomendasi`);
    await page.getByTestId('recommendation-list').getByRole('link', { name: letterNumber }).click();
    await page.getByTestId('recommendation-revoke').click();
    await page.getByTestId('revoke-reason').fill('Bebas dari lapas dan kembali ke daerah asal.');
    await screenshot(page, 'laptop-44-recommendation-revoke');
    await page.getByTestId('revoke-submit').click();
    await page.locator('[data-testid="letter-state"][data-state="REVOKED"]').first().waitFor();
    await expect(page.getByTestId('recommendation-revoke').count()).resolves.toBe(0);

    await page.goto(`${server.baseUrl}/rekomendasi?status=REVOKED`);
    await page.getByTestId('recommendation-list').getByRole('link', { name: letterNumber }).waitFor();

    await page.goto(`${server.baseUrl}/verifikasi/rekomendasi/${verifyCode}`);
    const answer = page.getByTestId('verify-answer');
    await answer.waitFor();
    await expect(answer.getAttribute('data-valid')).resolves.toBe('false');
    await expect(answer.textContent()).resolves.toContain('TELAH DICABUT');
  });
});
