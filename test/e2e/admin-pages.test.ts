/**
 * The administrator's other pages: API tokens (shown once, revoked), extra
 * days off in the holiday calendar, the audit log with its pick-lists, paging
 * and XLSX export, account management (facility, signer profile, deactivation),
 * the SJP late-submission policy, and scheduling (then withdrawing) a
 * program-settings change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { importFile } from '../helpers/system.js';
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
import { recordTestAudit } from '../helpers/factories.js';

let server: E2eServer;
let browser: E2eBrowser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openE2e({ user: ['admin', 'admin.dua'] }));
  await userWithPassword(server.sys, 'simrs.rsud', 'kepesertaan');
});

afterAll(() => closeE2e(browser, server));

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
    const stored = await server.sys.db.query<{ kind: string }>('SELECT kind FROM day_off WHERE name = $1', [
      'Cuti bersama Natal',
    ]);
    expect(stored.rows[0]?.kind).toBe('CUTI_BERSAMA');

    await row.getByRole('button', { name: /Hapus/ }).click();
    await page.getByTestId('confirm-action').click();
    await row.waitFor({ state: 'detached' });
  });

  it('filters the audit log with pick-lists, shows actions and records in words with links, and exports XLSX', async () => {
    // Enough entries for more than one page (50 per page).
    await recordTestAudit(
      server.sys,
      Array.from({ length: 60 }, (_, i) => ({
        action: 'person.read',
        entityType: 'person',
        entityId: '3275011503800001',
        details: { n: i + 1 },
      })),
      { username: 'admin.dua', role: 'admin' },
    );
    await page.goto(`${server.baseUrl}/log-audit`);
    await page.getByRole('combobox', { name: 'Pengguna' }).click();
    await page.getByRole('option', { name: /admin\.dua/ }).click();
    await page.getByRole('combobox', { name: 'Aksi' }).fill('Membuka data');
    await page.getByRole('option', { name: 'Membuka data penduduk' }).click();
    await page.getByLabel('ID rekaman').fill('3275011503800001');
    await page.getByLabel('ID rekaman').press('Enter');
    await page.getByText('50 entri ditampilkan').waitFor();
    await screenshot(page, 'laptop-22-audit-filtered', false);
    await page.getByTestId('audit-more').click();
    await page.getByText(/60 entri ditampilkan · Semua entri yang cocok sudah ditampilkan/).waitFor();
    const table = page.getByTestId('audit-table');
    await expect(table.getByText('Membuka data penduduk').count()).resolves.toBe(60);
    await expect(table.getByText('Mencabut token API').count()).resolves.toBe(0);
    // The administrator may not open a person's record: the NIK is shown, not linked (the auditor's test below follows the link).
    await table.getByText('3275011503800001').first().waitFor();
    await expect(table.getByRole('link', { name: /3275011503800001/ }).count()).resolves.toBe(0);

    const href = await page.getByTestId('audit-xlsx').getAttribute('href');
    expect(href).toBe('/api/v1/audit.xlsx?actor=admin.dua&action=person.read&entityId=3275011503800001');
    const file = await page.evaluate(async (h) => {
      const r = await fetch(h!);
      return { status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength };
    }, href);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    expect(file.size).toBeGreaterThan(1000);
    await server.sys.audit.flush();
    const exported = await server.sys.db.query<{ details: { rows: number } }>(
      `SELECT details FROM audit_log WHERE action = 'audit.export' AND actor_username = 'admin.dua'`,
    );
    expect(exported.rows.map((r) => r.details.rows)).toEqual([60]);
  });

  it('manages a hospital account: facility from the list, signer profile, deactivation that ends the session, reactivation', async () => {
    await ensureFacility(server.sys, 'RS-ADM-E2E', 'PPK2', { name: 'RSUD Kota Sejahtera' });
    await ensureFacility(server.sys, 'RS-ADM-E2E-2', 'PPK2', { name: 'RS Mitra Medika' });
    // The hospital officer is logged in elsewhere while the administrator works.
    const rsPassword = await userWithPassword(server.sys, 'andi.rs', 'rumahsakit', 'RS-ADM-E2E');
    // A second browser: its own cookie jar, as the officer's own computer.
    const desk = await launchBrowser(LAPTOP);
    const deskPage = await desk.context.newPage();
    await loginViaUi(deskPage, server.baseUrl, 'andi.rs', rsPassword);

    await page.goto(`${server.baseUrl}/pengguna`);
    await page.getByTestId('user-search').fill('sejahtera');
    const row = page.getByRole('row', { name: /andi\.rs/ });
    await row.waitFor();
    // The search runs on the server as the administrator types: header + the one match.
    await expect.poll(() => page.getByTestId('users-table').getByRole('row').count()).toBe(2);
    await page.getByTestId('edit-andi.rs').click();
    const form = page.getByTestId('edit-user-form');
    await form.getByRole('combobox', { name: /Fasilitas/ }).fill('Mitra');
    await page.getByRole('option', { name: 'RS Mitra Medika (RS-ADM-E2E-2)' }).click();
    await form.getByTestId('edit-full-name').fill('Andi Pratama');
    await form.getByTestId('edit-nip').fill('1980');
    await form.getByText('NIP harus 18 digit angka.').waitFor();
    await form.getByTestId('edit-nip').fill('198001012005011001');
    await form.getByTestId('edit-position').fill('Petugas Admisi');
    await screenshot(page, 'laptop-24-user-edit', false);
    await form.getByTestId('edit-user-submit').click();
    await page.getByTestId('user-search').fill('mitra');
    await page
      .getByRole('row', { name: /andi\.rs.*Andi Pratama.*Petugas Admisi · NIP 198001012005011001.*RS Mitra Medika/ })
      .waitFor();
    const stored = await server.sys.db.query(
      `SELECT facility_code, full_name, nip, position FROM app_user WHERE username = 'andi.rs'`,
    );
    expect(stored.rows[0]).toEqual({
      facility_code: 'RS-ADM-E2E-2',
      full_name: 'Andi Pratama',
      nip: '198001012005011001',
      position: 'Petugas Admisi',
    });

    // Deactivation asks for a reason in a confirmation, then the officer's open session ends.
    await page.getByTestId('more-andi.rs').click();
    await page.getByTestId('deactivate-andi.rs').click();
    await page.getByTestId('deactivate-reason').fill('Pindah tugas ke dinas lain');
    await screenshot(page, 'laptop-25-user-deactivate', false);
    await page.getByTestId('deactivate-submit').click();
    await page.getByRole('row', { name: /andi\.rs.*Nonaktif/ }).waitFor();
    await deskPage.reload();
    await deskPage.waitForURL('**/masuk');

    await page.getByTestId('more-andi.rs').click();
    await page.getByTestId('reactivate-andi.rs').click();
    await page.getByTestId('confirm-action').click();
    await page.getByRole('row', { name: /andi\.rs.*Aktif/ }).waitFor();
    await loginViaUi(deskPage, server.baseUrl, 'andi.rs', rsPassword);
    await desk.close();
    const actions = await server.sys.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'user' AND entity_id = (SELECT id::text FROM app_user WHERE username = 'andi.rs') AND action LIKE 'user.%' ORDER BY id`,
    );
    expect(actions.rows.map((r) => r.action)).toEqual([
      'user.create',
      'user.update',
      'user.deactivate',
      'user.reactivate',
    ]);
  });

  it('schedules the SJP late-submission policy from its page, after a confirmation', async () => {
    await page.goto(`${server.baseUrl}/pengaturan-sjp`);
    await page.getByTestId('late-policy-current').getByText('Diterima dan dicatat terlambat').waitFor();
    const next = new Date().getUTCFullYear() + 1;
    await page.getByRole('textbox', { name: 'Berlaku mulai' }).fill(`${next}-03-01`);
    await page.getByRole('textbox', { name: 'Berlaku mulai' }).press('Tab');
    await page.getByTestId('late-policy-REFUSE').check();
    await page.getByLabel('Dasar hukum atau alasan').fill('Surat Edaran Kepala Dinas uji');
    await page.getByTestId('late-policy-submit').click();
    await page.getByText(/Mulai 1 Maret \d{4}, pengajuan SJP yang melewati batas waktu: ditolak/).waitFor();
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('confirm-action').waitFor({ state: 'detached' });
    const row = page.getByTestId('late-policy-history').getByRole('row', { name: /Surat Edaran Kepala Dinas uji/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/1 Maret \d{4}.*Ditolak.*Terjadwal/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'laptop-26-sjp-late-policy', false);
    const stored = await server.sys.db.query(`SELECT late_policy, effective_from::text AS from FROM sjp_setting`);
    expect(stored.rows).toEqual([{ late_policy: 'REFUSE', from: `${next}-03-01` }]);
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
    const stored = await server.sys.db.query<{ excluded_segments: string[] }>(
      `SELECT excluded_segments FROM program_setting WHERE note = 'Perwal uji coba'`,
    );
    expect(stored.rows[0]?.excluded_segments).toContain('PPU');

    await row.getByRole('button', { name: 'Batalkan' }).click();
    await page.getByTestId('confirm-action').click();
    await row.waitFor({ state: 'detached' });
  });

  it("lets the auditor follow a person's audit row to their membership timeline, and back to everyone who opened it", async () => {
    const people = family('3275010101700009', 'AUDIT');
    await importFile(server, 'population', 'p.csv', csv(POP_HEADER, people.map(popLine)), '2026-01-01');
    const nik = people[0]!.nik;
    await recordTestAudit(
      server.sys,
      [{ action: 'eligibility.check', entityType: 'person', entityId: nik, details: { date: '2026-03-01' } }],
      { username: 'loket.rs', role: 'rumahsakit', facilityCode: 'RS-ADM-E2E' },
    );
    const password = await userWithPassword(server.sys, 'inspektorat.satu', 'auditor');
    const other = await launchBrowser(LAPTOP);
    const ap = await other.context.newPage();
    await loginViaUi(ap, server.baseUrl, 'inspektorat.satu', password);
    await ap.goto(`${server.baseUrl}/log-audit`);
    const row = ap.getByTestId('audit-table').getByRole('row', { name: /loket\.rs.*Memeriksa kepesertaan/ });
    await row.getByRole('link', { name: new RegExp(nik) }).click();
    await ap.waitForURL(`**/log-audit/riwayat/${nik}`);
    await ap.getByRole('heading', { level: 2, name: 'Riwayat kepesertaan' }).waitFor();
    await screenshot(ap, 'laptop-27-audit-person-timeline', false);
    await ap.getByTestId('timeline-audit-link').click();
    await ap.waitForURL(`**/log-audit?entityId=${nik}`);
    // Filtered to this person: the check above and the auditor's own reading of the timeline.
    await ap.getByTestId('audit-table').getByText('Memeriksa kepesertaan').waitFor();
    await ap.getByTestId('audit-table').getByText('Membuka riwayat kepesertaan').waitFor();
    await expect(ap.getByTestId('audit-table').getByText('Masuk ke aplikasi').count()).resolves.toBe(0);
    await other.close();
  });
});
