/**
 * Family cards (MEM-5) through the UI: a membership officer opens a family,
 * issues its card, downloads the PDF (rendered to PNG with pdftoppm and
 * checked), records a print batch and a hand-over in the print queue; a
 * resident scans the QR on a phone and sees validity and initials only. The
 * wife is a JKN-PBI member: listed on the card, marked "Dijamin JKN-PBI", not
 * covered by it; when her PBI ends the card shows up as "perlu cetak ulang"
 * and is reissued from the queue after confirming the count (decision 0020).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  RESULTS_DIR,
  closeE2e,
  launchBrowser,
  newUserPage,
  openE2e,
  screenshot,
  type E2eBrowser,
  type E2eServer,
} from './harness.js';
import { importFile } from '../helpers/system.js';
import { nik, people, populationCsv } from './fixtures.js';
import { importApproved, jknCsv as jknFile } from '../helpers/factories.js';
import { todayJakarta } from '../../src/platform/calendar/index.js';

let server: E2eServer;
let browser: E2eBrowser;
let page: Page;
let files: string;
const KK = people.budi.noKk;
/** A JKN member from outside the city, in every BPJS file: the files are never empty, and a file without Siti ends only her. */
const outsider = { nik: nik('1970-01-01', 'L', 9, '320101'), segment: 'PPU', startDate: '2020-01-01' };
const grouped = (n: string) => `${n.slice(0, 6)} ${n.slice(6, 12)} ${n.slice(12)}`;

beforeAll(async () => {
  // The hand-made file is 4 bad rows in 10 on purpose (the rejected-rows report is read), past the 20 % file-level limit.
  ({ server, browser } = await openE2e({ env: { IMPORT_MAX_REJECTED_PERCENT: '100' } }));
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-e2e-cards-'));
  await importFile(server, 'population', 'penduduk.csv', populationCsv, '2026-11-01');
  // Siti is a government-paid JKN member (PBI APBD): not a Jamkesda member (Perda 9/2018 ps. 7).
  await importApproved(
    server,
    'jkn',
    'jkn.csv',
    jknFile([{ nik: people.siti.nik, segment: 'PBI_APBD', startDate: '2020-01-01' }, outsider]),
    '2026-11-01',
  );
  page = await newUserPage(server, browser, 'kepesertaan', 'dewi.kartu');
});

afterAll(() => closeE2e(browser, server, files));

describe('family card: issue, PDF, print queue, verification', () => {
  let cardNumber = '';

  it('finds the family and issues its card', async () => {
    await page.goto(`${server.baseUrl}/kartu`);
    await page.getByTestId('card-search-input').fill(people.ayu.nik);
    await page.getByTestId('card-search-submit').click();
    await page.waitForURL(new RegExp(`/kartu/keluarga/${KK}$`));
    await page.getByRole('heading', { level: 1, name: `Kartu keluarga · KK ${grouped(KK)}` }).waitFor();
    await page.getByTestId('no-active-card').waitFor();
    // Ayu is 14 and has no e-KTP: she is on the card through her parents.
    const ayuRow = page.getByTestId('current-members').getByRole('row', { name: /AYU LESTARI/ });
    await expect(ayuRow.textContent()).resolves.toContain('Tercantum di kartu');
    const sitiRow = page.getByTestId('current-members').getByRole('row', { name: /SITI AMINAH/ });
    await expect(sitiRow.textContent()).resolves.toContain('Dijamin JKN-PBI');

    await page.getByTestId('issue-card').click();
    await page
      .getByRole('dialog')
      .getByText('Kartu baru akan mencakup 2 anggota, dan mencantumkan 1 anggota bertanda "Dijamin JKN-PBI"')
      .waitFor();
    await page.getByTestId('confirm-action').click();
    const number = page.getByTestId('active-card-number');
    await number.waitFor();
    cardNumber = ((await number.textContent()) ?? '').trim();
    expect(cardNumber).toMatch(/^KS-3275-\d{7}$/);
    await page.getByTestId('card-history').getByText(cardNumber).waitFor();
    await expect(page.getByTestId('issue-card').count()).resolves.toBe(0);
    const onCard = page.getByTestId('active-card-members').getByRole('row', { name: /SITI AMINAH/ });
    await expect(onCard.textContent()).resolves.toContain('Dijamin JKN-PBI');
    await page.getByTestId('pbi-note').waitFor();
    await screenshot(page, 'laptop-30-family-card');
  });

  it('downloads the card PDF, which renders to real pages', async () => {
    await page.getByTestId('card-pdf').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('card-pdf-CARD').click()]);
    expect(download.suggestedFilename()).toBe(`${cardNumber}.pdf`);
    const pdf = path.join(files, 'kartu.pdf');
    await download.saveAs(pdf);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(files, 'kartu')]);
    const pngs = fs
      .readdirSync(files)
      .filter((f) => f.startsWith('kartu') && f.endsWith('.png'))
      .sort();
    expect(pngs).toHaveLength(2); // front and back
    for (const png of pngs) {
      const bytes = fs.readFileSync(path.join(files, png));
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(5_000);
      // 85.6 × 54 mm at 80 dpi is 270 × 170 pixels.
      expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(260);
      expect(bytes.readUInt32BE(20)).toBeGreaterThanOrEqual(160);
    }
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.copyFileSync(path.join(files, pngs[0]!), path.join(RESULTS_DIR, 'card-pdf-front.png'));
    fs.copyFileSync(path.join(files, pngs[1]!), path.join(RESULTS_DIR, 'card-pdf-back.png'));
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '300',
      '-f',
      '1',
      '-l',
      '1',
      pdf,
      path.join(RESULTS_DIR, 'card-pdf-front-300dpi'),
    ]);
  });

  it('prints the card in a batch and records its hand-over from the print queue', async () => {
    await page.goto(`${server.baseUrl}/kartu/cetak`);
    const row = page.getByTestId('print-queue').getByRole('row', { name: new RegExp(cardNumber) });
    await row.waitFor();
    await row.getByRole('checkbox').check();
    await page.getByTestId('selection-bar').getByText('1 kartu dipilih').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('queue-pdf').click()]);
    expect(download.suggestedFilename()).toBe('kartu-ks-nik.pdf');

    await page.getByTestId('queue-mark-printed').click();
    await page.getByTestId('confirm-action').click();
    await page.getByText(/Batch cetak #\d+ dicatat: 1 kartu/).waitFor();
    await page.getByTestId('print-batches').getByRole('row', { name: /#\d+/ }).first().waitFor();

    await page
      .getByTestId('print-state-filter')
      .getByText(/Sudah dicetak/)
      .click();
    await page.getByTestId(`handover-${cardNumber}`).click();
    await page.getByTestId('handover-to').fill('SITI AMINAH');
    await page.getByTestId('handover-save').click();
    await page.getByText(`Penyerahan kartu ${cardNumber} dicatat.`).waitFor();
    await page
      .getByTestId('print-state-filter')
      .getByText(/Sudah diserahkan \(1\)/)
      .click();
    await page.getByTestId('print-queue').getByText('kepada SITI AMINAH').waitFor();
    await screenshot(page, 'laptop-31-print-queue');
  });

  it('lets anyone verify the card from its QR on a phone, showing initials and status only', async () => {
    const code = (
      await server.sys.db.query<{ verify_code: string }>('SELECT verify_code FROM family_card WHERE number = $1', [
        cardNumber,
      ])
    ).rows[0]!.verify_code;
    const phone = await launchBrowser({ width: 390, height: 844 });
    const p = await phone.context.newPage();
    await p.goto(`${server.baseUrl}/verifikasi/kartu/${code}`);
    const answer = p.getByTestId('verify-answer');
    await answer.waitFor();
    await expect(answer.getAttribute('data-status')).resolves.toBe('ACTIVE');
    await expect(p.getByTestId('verify-initials').textContent()).resolves.toBe('B. S.');
    const text = (await answer.textContent()) ?? '';
    expect(text).not.toContain('BUDI');
    expect(text).not.toContain(people.budi.nik);
    await screenshot(p, 'phone-30-verify-card');
    await p.getByTestId('verify-code').fill('ZZZZ ZZZZ ZZZZ');
    await p.getByRole('button', { name: 'Periksa kartu' }).click();
    await p.waitForURL(/\/verifikasi\/kartu\/ZZZZZZZZZZZZ$/);
    await p.locator('[data-testid="verify-answer"][data-status="UNKNOWN"]').getByText('Kode tidak dikenal').waitFor();
    await expect(p.getByTestId('verify-initials').count()).resolves.toBe(0);
    await phone.close();
  });

  it('issues cards for a whole district in one run and reports what it did', async () => {
    await page.goto(`${server.baseUrl}/kartu`);
    await page.getByTestId('bulk-area-district').click();
    await page.getByRole('option', { name: 'Bekasi Timur' }).click();
    await page.getByTestId('bulk-issue').click();
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('bulk-result').waitFor({ timeout: 30_000 });
    // The Fauzi family is the only one left without a card.
    await expect(page.getByTestId('bulk-families').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('bulk-issued').textContent()).resolves.toBe('1');
    await screenshot(page, 'laptop-32-bulk-issue');
    const r = await server.sys.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM family_card WHERE no_kk = $1 AND status = 'ACTIVE'`,
      [people.ahmad.noKk],
    );
    expect(Number(r.rows[0]!.n)).toBe(1);
  });

  it('flags the card "perlu cetak ulang" when the wife leaves PBI, and reissues it from the queue after confirming the count', async () => {
    // Today's BPJS file no longer lists her: her PBI ends today.
    await importApproved(server, 'jkn', 'jkn-2.csv', jknFile([outsider]), todayJakarta());
    // The family page says the card needs reissuing, and why.
    await page.goto(`${server.baseUrl}/kartu/keluarga/${KK}`);
    await page
      .getByTestId('card-outdated-reasons')
      .getByText(/anggota tidak lagi peserta JKN-PBI \(1\)/)
      .waitFor();
    await screenshot(page, 'laptop-34-family-card-needs-reissue');
    await page.goto(`${server.baseUrl}/kartu/cetak`);
    await page.getByTestId('print-state-filter').getByText('Perlu cetak ulang').click();
    await page.getByTestId('print-state-filter').getByText('Perlu cetak ulang (1)').waitFor();
    const row = page.getByTestId('print-queue').getByRole('row', { name: new RegExp(cardNumber) });
    await row.getByTestId('reissue-flag').waitFor();
    await expect(row.textContent()).resolves.toContain('anggota tidak lagi peserta JKN-PBI (1)');
    await page.getByTestId('reissue-reasons').getByText('anggota tidak lagi peserta JKN-PBI: 1 kartu').waitFor();
    await screenshot(page, 'laptop-33-print-queue-reissue');
    await page.getByTestId('reissue-flagged-all').click();
    await page.getByRole('dialog').getByText('Terbitkan ulang 1 kartu?').waitFor();
    await page.getByTestId('confirm-action').click();
    await page
      .getByTestId('reissue-flagged-result')
      .getByText('Selesai: 1 kartu diterbitkan ulang.')
      .waitFor({ timeout: 30_000 });
    await page.getByTestId('print-state-filter').getByText('Perlu cetak ulang (0)').waitFor();

    await page.goto(`${server.baseUrl}/kartu/keluarga/${KK}`);
    const siti = page.getByTestId('active-card-members').getByRole('row', { name: /SITI AMINAH/ });
    await expect(siti.textContent()).resolves.toContain('Tercantum di kartu');
    await expect(page.getByTestId('active-card-number').textContent()).resolves.not.toBe(cardNumber);
    await expect(page.getByTestId('card-outdated').count()).resolves.toBe(0);
  });
});
