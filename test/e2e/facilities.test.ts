/**
 * Facilities through the UI: the Dinkes officer records an agreement (PKS) with
 * its signed document for a hospital; the hospital reports its class III beds;
 * the puskesmas sees the hospital on the bed board with those numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, todayJakarta } from '../../src/platform/calendar/index.js';
import { renderPdf } from '../../src/platform/documents/pdf.js';
import { loadFacilitiesText } from '../../src/modules/facilities/index.js';
import {
  closeE2e,
  logoutAndClose,
  newUserPage,
  openE2e,
  screenshot,
  type E2eBrowser,
  type E2eServer,
} from './harness.js';
import { createTestAgreement } from '../helpers/factories.js';

let server: E2eServer;
let browser: E2eBrowser;
let files: string;
const today = todayJakarta();

beforeAll(async () => {
  ({ server, browser } = await openE2e());
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-e2e-fac-'));
  await loadFacilitiesText(
    server.sys.db,
    [
      'kode,nama,jenis,kelas,kepemilikan,lokasi,rsud,kode_wilayah,alamat,telepon',
      'RS-E2E-01,RSUD KOTA E2E,RUMAH_SAKIT,B,PEMERINTAH_DAERAH,DALAM_KOTA,Y,3275011001,Jl. Pramuka 55,(021) 880-1234',
      'PKM-E2E-01,PUSKESMAS E2E,PUSKESMAS,,PEMERINTAH_DAERAH,DALAM_KOTA,N,3275011001,,',
      'RS-E2E-02,RS MITRA LAMA E2E,RUMAH_SAKIT,C,SWASTA,DALAM_KOTA,N,3275011001,,',
      'RS-E2E-03,RS TANPA PKS E2E,RUMAH_SAKIT,D,SWASTA,PERBATASAN,N,,,',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(files, 'pks.pdf'),
    await renderPdf({ title: 'PKS' }, (d) => void d.text('PERJANJIAN KERJA SAMA')),
  );
});

afterAll(() => closeE2e(browser, server, files));

const login = (role: 'admin' | 'rumahsakit' | 'puskesmas' | 'sjp', username: string, facility?: string) =>
  newUserPage(server, browser, role, username, facility);
const logout = (page: Page) => logoutAndClose(page, server.baseUrl);

describe('facilities, agreements and the bed board', () => {
  it('the officer records an agreement with its document; the hospital becomes a partner', async () => {
    const page = await login('admin', 'dewi.admin');
    await page.goto(`${server.baseUrl}/fasilitas`);
    await page.getByTestId('facilities-table').getByText('RSUD KOTA E2E').click();
    await page.waitForURL('**/fasilitas/RS-E2E-01');
    expect(await page.getByTestId('facility-partner').textContent()).toBe('Tanpa PKS');
    await page.getByTestId('pks-add').click();
    await page.getByTestId('pks-number').fill('PKS/017/DINKES/2026');
    await page.getByRole('textbox', { name: 'Berlaku mulai' }).fill(addDays(today, -1));
    await page.getByRole('textbox', { name: 'Berlaku sampai (termasuk)' }).fill(addDays(today, 364));
    await page.getByTestId('pks-number').click();
    await page.locator('input[type="file"]').setInputFiles(path.join(files, 'pks.pdf'));
    await page.getByTestId('pks-save').click();
    await page.getByTestId('agreements-table').getByText('PKS/017/DINKES/2026').waitFor();
    await page.getByTestId('facility-partner').getByText('Mitra').waitFor();
    await screenshot(page, 'laptop-60-facility-agreement');
    expect(await server.sys.facilities.isPartner('RS-E2E-01', today)).toBe(true);
    await logout(page);
  });

  it('the administrator loads facilities.csv (a faulty file refused by row and column) and corrects one facility', async () => {
    const header = 'kode,nama,jenis,kelas,kepemilikan,lokasi,rsud,kode_wilayah,alamat,telepon';
    const good = 'KLN-E2E-09,KLINIK PRATAMA E2E,KLINIK_PRATAMA,,SWASTA,DALAM_KOTA,N,3275011001,Jl. Melati 9,';
    fs.writeFileSync(
      path.join(files, 'faskes-salah.csv'),
      `${header}\n${good}\nRS-E2E-10,RS SALAH E2E,RUMAH_SAKIT,Z,SWASTA,DALAM_KOTA,N,,,\n`,
    );
    fs.writeFileSync(path.join(files, 'faskes.csv'), `${header}\n${good}\n`);
    const page = await login('admin', 'rina.admin');
    await page.goto(`${server.baseUrl}/fasilitas`);
    const upload = page.locator('#registry-upload-section');
    await upload.locator('input[type="file"]').setInputFiles(path.join(files, 'faskes-salah.csv'));
    await upload.getByRole('button', { name: 'Muat berkas' }).click();
    await upload.getByText(/Baris 3, kolom kelas/).waitFor();
    expect((await server.sys.db.query(`SELECT 1 FROM facility WHERE code = 'KLN-E2E-09'`)).rows).toHaveLength(0);

    await upload.locator('input[type="file"]').setInputFiles(path.join(files, 'faskes.csv'));
    await upload.getByRole('button', { name: 'Muat berkas' }).click();
    await upload.getByText('1 fasilitas dimuat.').waitFor();
    await page.getByTestId('facilities-table').getByText('KLINIK PRATAMA E2E').waitFor();
    await screenshot(page, 'laptop-59-facility-upload');

    // One facility corrected on its page: the same rule as the file, the field named.
    await page.getByTestId('facilities-table').getByText('KLINIK PRATAMA E2E').click();
    await page.waitForURL('**/fasilitas/KLN-E2E-09');
    await page.getByTestId('fac-edit').click();
    await page.getByTestId('fac-edit-phone').fill('telp kantor');
    await page.getByTestId('fac-edit-save').click();
    await page
      .getByRole('dialog')
      .getByText(/Kolom telepon/)
      .waitFor();
    await page.getByTestId('fac-edit-phone').fill('(021) 882-0909');
    await page.getByTestId('fac-edit-save').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('#fac-data-section').getByText('(021) 882-0909').waitFor();
    expect(
      (await server.sys.db.query<{ phone: string }>(`SELECT phone FROM facility WHERE code = 'KLN-E2E-09'`)).rows[0]
        ?.phone,
    ).toBe('(021) 882-0909');
    await logout(page);
  });

  it('the hospital reports its beds and the puskesmas sees them on the board', async () => {
    const rs = await login('rumahsakit', 'budi.rsud', 'RS-E2E-01');
    await rs.goto(`${server.baseUrl}/papan-tempat-tidur`);
    await rs.getByTestId('beds-total').fill('48');
    await rs.getByTestId('beds-available').fill('7');
    await rs.getByTestId('beds-above').fill('1');
    await rs.getByTestId('beds-submit').click();
    await rs.getByText('Laporan tempat tidur terkirim.').waitFor();
    await logout(rs);

    const pkm = await login('puskesmas', 'sari.pkm', 'PKM-E2E-01');
    await pkm.goto(`${server.baseUrl}/papan-tempat-tidur`);
    const row = pkm.getByTestId('bed-board').getByRole('row', { name: /RSUD KOTA E2E/ });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('48');
    expect(text).toContain('7');
    expect(text).toContain('kurang dari 1 jam lalu');
    expect(text).not.toContain('Lama');
    await screenshot(pkm, 'laptop-61-bed-board');
    await logout(pkm);
  });

  it('a hospital files its monthly report and the office sees it', async () => {
    await createTestAgreement(server.sys, 'RS-E2E-02', {
      number: 'PKS/E2E/LAMA',
      validFrom: addDays(today, -400),
      validTo: addDays(today, 300),
      services: ['RAWAT_INAP'],
    });
    const rs = await login('rumahsakit', 'tono.rs2', 'RS-E2E-02');
    await rs.goto(`${server.baseUrl}/laporan-bulanan-rs`);
    for (const [k, v] of [
      ['outpatientVisits', '1234'],
      ['inpatientAdmissions', '210'],
      ['class3PatientDays', '640'],
      ['referralsReceived', '95'],
      ['referralsBack', '31'],
      ['deaths', '2'],
    ]) {
      await rs.getByTestId(`monthly-${k}`).fill(v!);
    }
    await rs.getByTestId('monthly-submit').click();
    await rs.getByText('Laporan bulanan terkirim.').waitFor();
    await logout(rs);

    const office = await login('sjp', 'yuni.sjp');
    await office.goto(`${server.baseUrl}/laporan-bulanan-rs`);
    const row = office.getByTestId('monthly-overview').getByRole('row', { name: /RS MITRA LAMA E2E/ });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('1.234');
    expect(text).toMatch(/Tepat waktu|Terlambat/);
    await screenshot(office, 'laptop-62-monthly-overview');
    await logout(office);
  });

  it('a hospital without agreement reports an emergency; the office sees it on time', async () => {
    const rs = await login('rumahsakit', 'wati.rs3', 'RS-E2E-03');
    await rs.goto(`${server.baseUrl}/gawat-darurat-non-pks`);
    await rs.getByRole('textbox', { name: 'NIK pasien' }).fill('3275014101900001');
    await rs.getByRole('textbox', { name: 'Jam masuk (JJ:MM)' }).fill('00:00');
    await rs.getByRole('textbox', { name: 'Kondisi pasien' }).fill('Sesak napas berat, saturasi 85%');
    await rs.getByRole('button', { name: 'Kirim laporan' }).click();
    // The NIK is not in this server's population data: the report is taken, and the desk is told.
    await rs.getByText(/Laporan terkirim\. Perhatian: pada tanggal masuk pasien bukan peserta Jamkesda/).waitFor();
    await logout(rs);

    const office = await login('sjp', 'agus.sjp');
    await office.goto(`${server.baseUrl}/gawat-darurat-non-pks`);
    const row = office.getByTestId('emergency-table').getByRole('row', { name: /RS TANPA PKS E2E/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Tepat waktu');
    expect(await row.textContent()).toContain('Bukan peserta');
    await screenshot(office, 'laptop-63-emergency-reports');
    await logout(office);
  });
});
