/**
 * First login with a one-time password, the forced password change, the
 * navigation a role sees, creating a user, logging out, and an ended session
 * sending the officer back to the login page with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TABLET, closeE2e, loginViaUi, openE2e, screenshot, type E2eBrowser, type E2eServer } from './harness.js';

let server: E2eServer;
let browser: E2eBrowser;
let page: Page;
const NEW_PASSWORD = 'Kesehatan2026kota';

beforeAll(async () => {
  ({ server, browser, page } = await openE2e());
});

afterAll(() => closeE2e(browser, server));

async function navLabels(p: Page): Promise<string[]> {
  return (await p.locator('#navigasi-utama a').allTextContents()).map((s) => s.trim());
}

describe('access', () => {
  it('forces an admin to replace the one-time password, then shows the admin navigation', async () => {
    const { oneTimePassword } = await server.sys.access.createUser({ username: 'admin.dinkes', role: 'admin' });

    await page.goto(server.baseUrl);
    await page.waitForURL('**/masuk');
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    // The login form puts the cursor in the username field.
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'username');
    await screenshot(page, 'laptop-01-login');

    // A wrong password says so, in Indonesian, and keeps the user on the page.
    await page.getByLabel('Nama pengguna').fill('admin.dinkes');
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('salah-sekali-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain(
      'Nama pengguna atau kata sandi salah',
    );

    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(oneTimePassword);
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).press('Enter');
    await page.waitForURL('**/ganti-kata-sandi');
    await page.getByLabel('Kata sandi sekali pakai').fill(oneTimePassword);
    // A password containing the username is refused by the server with its own message.
    await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill('admin.dinkes2026x');
    await page.getByLabel('Ulangi kata sandi baru').fill('admin.dinkes2026x');
    await screenshot(page, 'laptop-02-change-password');
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await expect(page.getByTestId('password-error').textContent()).resolves.toMatch(/syarat|nama pengguna/i);

    await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Ulangi kata sandi baru').fill(NEW_PASSWORD);
    await page.getByLabel('Ulangi kata sandi baru').press('Enter');
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByTestId('logout').waitFor();

    const labels = await navLabels(page);
    expect(labels).toEqual([
      'Beranda',
      'Fasilitas & PKS',
      'Laporan bulanan RS',
      'Tabel ICD-10',
      'Pengguna',
      'Token API',
      'Log audit',
      'Hari libur',
      'Pengaturan program',
      'Kebijakan keterlambatan SJP',
      'Kop surat',
    ]);
    expect(labels).not.toContain('Cek kepesertaan');
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('Administrator sistem');
    await screenshot(page, 'laptop-03-home-admin');
  });

  it('creates a user and shows its one-time password once', async () => {
    await page.locator('#navigasi-utama').getByRole('link', { name: 'Pengguna' }).click();
    await page.waitForURL('**/pengguna');
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await page.getByTestId('open-create-user').click();
    const form = page.getByTestId('create-user-form');
    await form.getByLabel('Nama pengguna').fill('petugas.kepesertaan');
    await form.getByLabel('Nama lengkap').fill('Rina Kusumawati');
    await form.getByRole('combobox', { name: 'Peran' }).click();
    await page.getByRole('option', { name: /Petugas kepesertaan/ }).click();
    await form.getByRole('button', { name: 'Buat pengguna' }).click();

    const otp = page.getByTestId('one-time-password');
    await otp.waitFor();
    expect((await otp.textContent())?.trim()).toMatch(/^[A-Za-z2-9]{14}$/);
    await page.getByTestId('users-table').getByText('petugas.kepesertaan').waitFor();
    await screenshot(page, 'laptop-04-users-created');

    const row = await server.sys.db.query<{ role: string; must_change_password: boolean }>(
      "SELECT role, must_change_password FROM app_user WHERE username = 'petugas.kepesertaan'",
    );
    expect(row.rows[0]).toEqual({ role: 'kepesertaan', must_change_password: true });
  });

  it('shows a friendly page for a forbidden page and for an unknown address', async () => {
    await page.goto(`${server.baseUrl}/cek-kepesertaan`);
    await page.getByRole('heading', { level: 1, name: 'Anda tidak memiliki akses' }).waitFor();
    await page.goto(`${server.baseUrl}/tidak-ada-halaman-ini`);
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    // The skip link is the first stop for keyboard users inside the app shell.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Langsung ke konten utama');
    await screenshot(page, 'laptop-05-not-found');
  });

  it('lays out for a tablet with the navigation behind a burger', async () => {
    const tablet = await browser.context.newPage();
    await tablet.setViewportSize(TABLET);
    await tablet.goto(`${server.baseUrl}/`);
    await tablet.getByTestId('logout').waitFor();
    const burger = tablet.getByRole('button', { name: 'Buka menu navigasi' });
    await burger.waitFor({ state: 'visible' });
    // The navigation is hidden until the burger opens it.
    await expect(tablet.locator('#navigasi-utama').getByRole('link', { name: 'Pengguna' }).isVisible()).resolves.toBe(
      false,
    );
    await screenshot(tablet, 'tablet-01-home-admin');
    await burger.click();
    await tablet.locator('#navigasi-utama').getByRole('link', { name: 'Pengguna' }).waitFor({ state: 'visible' });
    await tablet.waitForTimeout(400); // let the slide-in finish before the picture
    await screenshot(tablet, 'tablet-02-nav-open', false);
    await tablet.locator('#navigasi-utama').getByRole('link', { name: 'Pengguna' }).click();
    await tablet.waitForURL('**/pengguna');
    await tablet.getByTestId('users-table').waitFor();
    await screenshot(tablet, 'tablet-03-users');
    await tablet.close();
  });

  it('logs out', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('logout').click();
    await page.waitForURL('**/masuk');
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    const sessions = await server.sys.db.query('SELECT 1 FROM user_session');
    expect(sessions.rowCount).toBe(0);
    // Going back into the app now lands on the login page, without a "session ended" notice.
    await page.goto(`${server.baseUrl}/pengguna`);
    await page.waitForURL(/\/masuk\?next=%2Fpengguna$/);
    await expect(page.getByTestId('session-expired').count()).resolves.toBe(0);
  });

  it('sends the user back to login with a notice when the session cookie is gone', async () => {
    await loginViaUi(page, server.baseUrl, 'admin.dinkes', NEW_PASSWORD);
    await browser.context.clearCookies();
    await page.locator('#navigasi-utama').getByRole('link', { name: 'Log audit' }).click();
    await page.waitForURL(/\/masuk\?next=%2Flog-audit$/);
    await expect(page.getByTestId('session-expired').textContent()).resolves.toContain(
      'Sesi Anda telah berakhir, silakan masuk kembali',
    );
    await screenshot(page, 'laptop-06-session-expired');

    // Logging in again returns to where the officer was going.
    await page.getByLabel('Nama pengguna').fill('admin.dinkes');
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL('**/log-audit');
    await page.getByTestId('audit-table').getByText('auth.login').first().waitFor();
    await screenshot(page, 'laptop-07-audit');
  });

  it('notices a session ended on the server (rows deleted) on the next load', async () => {
    await server.sys.db.query('DELETE FROM user_session');
    // Sessions are cached for a few seconds in the server; wait that out.
    await page.waitForTimeout(5_500);
    await page.reload();
    await page.waitForURL(/\/masuk/);
    await expect(page.getByTestId('session-expired').textContent()).resolves.toContain(
      'Sesi Anda telah berakhir, silakan masuk kembali',
    );
  });
});
