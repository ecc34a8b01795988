/**
 * The administrator's other pages: API tokens (shown once, revoked), extra
 * days off in the holiday calendar, the audit log with its filters and paging,
 * and scheduling (then withdrawing) a program-settings change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LAPTOP, launchBrowser, loginViaUi, screenshot, startServer, userWithPassword, type E2eBrowser, type E2eServer } from './harness.js';

let server: E2eServer;
let browser: E2eBrowser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(LAPTOP);
  page = await browser.context.newPage();
  const password = await userWithPassword(server.sys, 'admin.dua', 'admin');
  await userWithPassword(server.sys, 'simrs.rsud', 'kepesertaan');
  await loginViaUi(page, server.baseUrl, 'admin.dua', password);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('admin pages', () => {
  it('creates an API token, shows it once, and revokes it', async () => {
    await page.goto(`${server.baseUrl}/token-api`);
    await page.getByRole('combobox', { name: 'Pemilik token (nama pengguna)' }).click();
    await page.getByRole('option', { name: /simrs\.rsud/ }).click();
    await page.getByLabel('Keterangan').fill('SIMRS RSUD — uji');
    await page.getByRole('button', { name: 'Buat token' }).click();
    const token = ((await page.getByTestId('new-token').textContent()) ?? '').trim();
    expect(token).toMatch(/^jk_/);

    // The token works against the eligibility API (it may answer 403 for the role, never 401).
    const res = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);

    const row = page.getByRole('row', { name: /SIMRS RSUD — uji/ });
    await row.getByText('Aktif').waitFor();
    await screenshot(page, 'laptop-20-tokens');
    await row.getByRole('button', { name: /Cabut/ }).click();
    await page.getByTestId('confirm-action').click();
    await row.getByText(/Dicabut/).waitFor();
    const after = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });

  it('adds and removes an extra day off', async () => {
    const year = new Date().getFullYear();
    await page.goto(`${server.baseUrl}/hari-libur`);
    await page.getByRole('cell', { name: 'Tahun Baru Masehi' }).waitFor();
    await page.getByRole('textbox', { name: 'Tanggal' }).fill(`${year}-12-24`);
    await page.getByRole('textbox', { name: 'Tanggal' }).press('Tab');
    await page.getByLabel('Nama hari libur').fill('Cuti bersama Natal');
    await page.getByLabel('Nama hari libur').press('Enter');
    const row = page.getByRole('row', { name: /Cuti bersama Natal/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(`24 Desember ${year}`);
    await screenshot(page, 'laptop-21-days-off');
    const stored = await server.sys.db.query<{ kind: string }>('SELECT kind FROM day_off WHERE name = $1', ['Cuti bersama Natal']);
    expect(stored.rows[0]?.kind).toBe('CUTI_BERSAMA');

    await row.getByRole('button', { name: /Hapus/ }).click();
    await page.getByTestId('confirm-action').click();
    await row.waitFor({ state: 'detached' });
  });

  it('filters the audit log and loads older entries on demand', async () => {
    // Enough entries for more than one page (50 per page).
    await server.sys.db.query(
      `INSERT INTO audit_log (actor_username, actor_role, action, entity_type, entity_id, details)
       SELECT 'admin.dua', 'admin', 'test.bulk', 'person', '3275011503800001', jsonb_build_object('n', g) FROM generate_series(1, 60) g`,
    );
    await page.goto(`${server.baseUrl}/log-audit`);
    await page.getByLabel('Aksi').fill('test.bulk');
    await page.getByLabel('ID rekaman').fill('3275011503800001');
    await page.getByLabel('ID rekaman').press('Enter');
    await page.getByText('50 entri ditampilkan').waitFor();
    await page.getByTestId('audit-more').click();
    await page.getByText(/60 entri ditampilkan · Semua entri yang cocok sudah ditampilkan/).waitFor();
    await expect(page.getByTestId('audit-table').getByText('token.revoke').count()).resolves.toBe(0);
    await screenshot(page, 'laptop-22-audit-filtered', false);
  });

  it('schedules a program-settings change for a future date and withdraws it', async () => {
    await page.goto(`${server.baseUrl}/pengaturan-program`);
    await page.getByRole('heading', { level: 2, name: 'Berlaku saat ini' }).waitFor();
    await page.getByText('Penduduk Kota (Perda 9/2018 ps. 7)').first().waitFor();
    const next = new Date().getUTCFullYear() + 2;
    await page.getByRole('textbox', { name: 'Berlaku mulai' }).fill(`${next}-01-01`);
    await page.getByRole('textbox', { name: 'Berlaku mulai' }).press('Tab');
    await page.getByRole('checkbox', { name: /^PPU/ }).check();
    await page.getByLabel('Dasar hukum atau alasan').fill('Perwal uji coba');
    await page.getByTestId('setting-submit').click();
    await page.getByRole('heading', { level: 2, name: 'Perubahan terjadwal' }).waitFor();
    const row = page.getByRole('row', { name: /Perwal uji coba/ });
    await expect(row.textContent()).resolves.toContain(`1 Januari ${next}`);
    await screenshot(page, 'laptop-23-settings-scheduled');
    const stored = await server.sys.db.query<{ excluded_segments: string[] }>(`SELECT excluded_segments FROM program_setting WHERE note = 'Perwal uji coba'`);
    expect(stored.rows[0]?.excluded_segments).toContain('PPU');

    await row.getByRole('button', { name: 'Batalkan' }).click();
    await page.getByTestId('confirm-action').click();
    await row.waitFor({ state: 'detached' });
  });
});
