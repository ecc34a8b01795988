/**
 * MEM-7 through the UI: a membership officer loads a first Dukcapil snapshot
 * (applied at once), then a newer one in which one resident died. The newer
 * one only proposes the death; the officer reviews it, approves it, and the
 * eligibility page then answers "covered" before the death date and
 * "not covered (DECEASED)" from it on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeNik } from '../../src/modules/population/rules/nik.js';
import { closeE2e, openE2e, screenshot, type E2eBrowser, type E2eServer } from './harness.js';

const HEADER =
  'nik,no_kk,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,hubungan_keluarga,alamat,rt,rw,kode_wilayah,status_ektp,tanggal_meninggal,tanggal_pindah';
const KK = '3275010101800001';
const head = {
  nik: encodeNik({ regionCode: '327501', birthDate: '1958-04-12', sex: 'L', serial: 8101 }),
  name: 'SUPARMAN HARYONO',
  sex: 'L',
  birth: '1958-04-12',
  rel: 'KEPALA KELUARGA',
};
const wife = {
  nik: encodeNik({ regionCode: '327501', birthDate: '1962-09-03', sex: 'P', serial: 8102 }),
  name: 'SRI WAHYUNI',
  sex: 'P',
  birth: '1962-09-03',
  rel: 'ISTRI',
};
const line = (p: typeof head, death = '') =>
  `${p.nik},${KK},${p.name},${p.sex},BEKASI,${p.birth},${p.rel},JL. MELATI 3,004,007,3275011001,Y,${death},`;
/** 38 more residents, each head of a family of one, for the truncated-file case. */
const others = Array.from({ length: 38 }, (_, i) => ({
  nik: encodeNik({ regionCode: '327501', birthDate: '1970-01-01', sex: 'L', serial: 8200 + i }),
  name: `WARGA NOMOR ${i + 1}`,
  sex: 'L',
  birth: '1970-01-01',
  rel: 'KEPALA KELUARGA',
}));
const otherLine = (p: typeof head, death = '') =>
  `${p.nik},32750101018${String(1000 + others.indexOf(p)).padStart(5, '0')},${p.name},${p.sex},BEKASI,${p.birth},${p.rel},JL. KENANGA 1,001,002,3275011001,Y,${death},`;

/** Dates around today in Asia/Jakarta, the form's default data date. */
function jakartaDay(offsetDays: number) {
  return new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
const deathDate = jakartaDay(-7);
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const longDate = (d: string) => `${Number(d.slice(8))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
const dayBefore = jakartaDay(-8);

let server: E2eServer;
let browser: E2eBrowser;
let page: Page;
let files: string;

beforeAll(async () => {
  ({ server, browser, page } = await openE2e({ user: ['kepesertaan', 'dewi.kepesertaan'] }));
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-e2e-rec-'));
  fs.writeFileSync(path.join(files, 'penduduk-awal.csv'), `${HEADER}\n${line(head)}\n${line(wife)}\n`);
  fs.writeFileSync(path.join(files, 'penduduk-baru.csv'), `${HEADER}\n${line(head, deathDate)}\n${line(wife)}\n`);
  fs.writeFileSync(
    path.join(files, 'penduduk-lengkap.csv'),
    `${HEADER}\n${line(head, deathDate)}\n${line(wife)}\n${others.map((o) => otherLine(o)).join('\n')}\n`,
  );
  // Three rows of forty: the truncated file of the probe, with one death in it.
  fs.writeFileSync(
    path.join(files, 'penduduk-terpotong.csv'),
    `${HEADER}\n${line(wife)}\n${otherLine(others[0]!)}\n${otherLine(others[1]!, deathDate)}\n`,
  );
});

afterAll(() => closeE2e(browser, server, files));

async function upload(file: string) {
  await page.goto(`${server.baseUrl}/impor/penduduk`);
  await page.getByTestId('import-file').setInputFiles(path.join(files, file));
  await page.getByTestId('import-file-name').getByText(file).waitFor();
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
}

async function verdict(nik: string, date: string) {
  await page.goto(`${server.baseUrl}/cek-kepesertaan`);
  await page.getByTestId('eligibility-nik').fill(nik);
  const dateBox = page.getByRole('textbox', { name: 'Tanggal layanan' });
  await dateBox.fill(date);
  await dateBox.press('Tab');
  await page.getByTestId('eligibility-nik').press('Enter');
  await page.getByTestId('eligibility-verdict').waitFor();
  return (await page.getByTestId('eligibility-verdict').textContent()) ?? '';
}

describe('reviewed change set from a newer population snapshot', () => {
  it('applies the first snapshot at once', async () => {
    await upload('penduduk-awal.csv');
    expect(await page.getByTestId('summary-inserted').textContent()).toBe('2');
    expect(await page.getByTestId('import-review').count()).toBe(0);
  });

  it('turns the newer snapshot into a change set that shows the death, and nothing changes yet', async () => {
    await upload('penduduk-baru.csv');
    await page.getByTestId('import-review').waitFor();
    await screenshot(page, 'laptop-40-reconciliation-import-pending');
    expect(await verdict(head.nik, jakartaDay(0))).toBe('DIJAMIN');

    await page.goto(`${server.baseUrl}/rekonsiliasi`);
    await page.getByTestId('changeset-list').getByText('Menunggu keputusan').waitFor();
    await page.getByTestId('changeset-link-1').click();
    await page.getByTestId('kind-row-DEATH').waitFor();
    expect(await page.getByTestId('kind-total-DEATH').textContent()).toBe('1');
    expect(await page.getByTestId('changeset-kinds').getByRole('row').count()).toBe(2); // header + DEATH only
    const items = page.getByTestId('changeset-items');
    const row = items.getByRole('row', { name: new RegExp(head.name) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(`Tanggal meninggal: — → ${longDate(deathDate)}`);
    await expect(row.textContent()).resolves.toContain('Meninggal dunia');
    await screenshot(page, 'laptop-41-reconciliation-review');
  });

  it('approves it; the death then counts from its date on', async () => {
    await page.getByTestId('approve-all').click();
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('changeset-status').getByText('Disetujui').waitFor();
    await page.getByTestId('changeset-decision').waitFor();
    await screenshot(page, 'laptop-42-reconciliation-approved');

    expect(await verdict(head.nik, dayBefore)).toBe('DIJAMIN');
    expect(await verdict(head.nik, deathDate)).toBe('TIDAK DIJAMIN');
    await expect(page.getByTestId('reason-DECEASED').getAttribute('data-severity')).resolves.toBe('BLOCK');
    await screenshot(page, 'laptop-43-reconciliation-deceased');
    expect(await verdict(wife.nik, deathDate)).toBe('DIJAMIN');
  });
});

describe('a truncated snapshot is flagged suspect and its endings need the number typed', () => {
  it('loads the full snapshot of forty residents', async () => {
    await upload('penduduk-lengkap.csv');
    await page.getByTestId('import-review').waitFor();
    await page.goto(`${server.baseUrl}/rekonsiliasi/2`);
    await page.getByTestId('approve-all').click();
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('changeset-status').getByText('Disetujui').waitFor();
  });

  it('shows the alarm with the figures before anything else, and no one-click approval', async () => {
    await upload('penduduk-terpotong.csv');
    // The import's own summary raises the alarm first, before the officer opens the change set.
    await page.getByTestId('import-suspect').waitFor();
    expect(await page.getByTestId('import-review').count()).toBe(0);
    await screenshot(page, 'laptop-44a-import-suspect');
    await page.goto(`${server.baseUrl}/rekonsiliasi`);
    await page.getByTestId('changeset-suspect-3').waitFor();
    await page.goto(`${server.baseUrl}/rekonsiliasi/3`);
    const banner = page.getByTestId('suspect-banner');
    await banner.waitFor();
    expect(await page.getByTestId('guard-before').textContent()).toBe('39');
    expect(await page.getByTestId('guard-rows').textContent()).toBe('3');
    expect(await page.getByTestId('guard-previous-rows').textContent()).toBe('40');
    expect(await page.getByTestId('guard-ending').textContent()).toBe('36');
    expect(await page.getByTestId('guard-share').textContent()).toBe('92,3 %');
    expect(await page.getByTestId('guard-threshold').textContent()).toBe('5 %');
    await expect(banner.textContent()).resolves.toContain('36 dari 39 penduduk');
    // The alarm comes first: above the status, the kinds and the buttons.
    const top = async (id: string) => (await page.getByTestId(id).boundingBox())!.y;
    expect(await top('suspect-banner')).toBeLessThan(await top('changeset-status'));
    expect(await page.getByTestId('kind-row-MISSING').textContent()).toContain('Tidak ada dalam snapshot');
    await expect(page.getByTestId('approve-all').textContent()).resolves.toContain('perlu konfirmasi');
    await screenshot(page, 'laptop-44-reconciliation-suspect', false);
  });

  it('approves the death alone, leaving the missing undecided', async () => {
    await page.getByTestId('approve-kind-DEATH').click();
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('kind-outcome-DEATH').getByText('1 disetujui').waitFor();
    expect(await page.getByTestId('changeset-status').textContent()).toBe('Menunggu keputusan');
    expect(await page.getByTestId('kind-pending-MISSING').textContent()).toBe('36');
    await expect(page.getByTestId('changeset-open').textContent()).resolves.toContain(
      '36 dari 37 butir belum diputuskan',
    );
    await screenshot(page, 'laptop-46-reconciliation-partly-decided');
  });

  it('asks for the number typed before the missing are ended, and takes only the right one', async () => {
    await page.getByTestId('approve-all').click();
    const input = page.getByTestId('confirm-ending-input');
    await input.waitFor();
    await page.waitForTimeout(500); // the dialog's fade-in, so the screenshot shows it settled
    await screenshot(page, 'laptop-45-reconciliation-typed-confirmation', false);
    const confirmButton = page.getByTestId('confirm-ending');
    await input.fill('35');
    expect(await confirmButton.isDisabled()).toBe(true);
    await input.fill('36');
    expect(await confirmButton.isDisabled()).toBe(false);
    await confirmButton.click();
    await page.getByTestId('changeset-status').getByText('Disetujui').waitFor();
    const n = await server.sys.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM person WHERE moved_out_date IS NULL AND death_date IS NULL`,
    );
    expect(Number(n.rows[0]!.n)).toBe(2);
  });
});
