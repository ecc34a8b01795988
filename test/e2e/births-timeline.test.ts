/**
 * Newborn basis and membership history through the UI: a hospital desk records
 * a birth with its birth statement and sees the baby covered from birth; the
 * membership officer records a death reported between two snapshots and sees
 * the coverage periods change on the person's timeline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayJakarta } from '../../src/platform/calendar/index.js';
import { renderPdf } from '../../src/platform/documents/pdf.js';
import { POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { referralStay, sjpStay, wib } from '../helpers/stays.js';
import {
  closeE2e,
  ensureFacility,
  newUserPage,
  openE2e,
  screenshot,
  type E2eBrowser,
  type E2eServer,
} from './harness.js';
import { importFile } from '../helpers/system.js';

let server: E2eServer;
let browser: E2eBrowser;
let files: string;
const today = todayJakarta();
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const fam = family('3275010101500001', 'HARAPAN');
const [head, mother] = fam;

beforeAll(async () => {
  ({ server, browser } = await openE2e());
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-e2e-births-'));
  await importFile(server, 'population', 'p.csv', csv(POP_HEADER, fam.map(popLine)), daysAgo(60));
  // A scanned birth statement stands in as a one-page PDF.
  fs.writeFileSync(
    path.join(files, 'skl.pdf'),
    await renderPdf({ title: 'Surat keterangan lahir' }, (d) => void d.text('SURAT KETERANGAN LAHIR')),
  );
});

afterAll(() => closeE2e(browser, server, files));

async function login(role: 'rumahsakit' | 'kepesertaan', username: string, facility?: string): Promise<Page> {
  if (facility) await ensureFacility(server.sys, facility, 'PPK2', { name: 'RSUD Kota' });
  return newUserPage(server, browser, role, username, facility);
}

describe('birth records and the membership timeline', () => {
  it('a hospital desk records a birth with its document and sees the baby covered', async () => {
    const page = await login('rumahsakit', 'desi.rsud', 'RSUD-KOTA-01');
    await page.goto(`${server.baseUrl}/kelahiran`);
    await page.getByTestId('birth-add').click();
    await page.getByTestId('birth-child-name').fill('BAYI NY. SITI HARAPAN');
    await page.getByRole('textbox', { name: 'Tanggal lahir' }).fill(daysAgo(1));
    await page.getByTestId('birth-mother-nik').fill(mother!.nik);
    await page.getByTestId('birth-doc-number').fill('SKL/RSUD/0042/2026');
    await page.getByTestId('birth-file').click();
    await page.locator('input[type="file"]').setInputFiles(path.join(files, 'skl.pdf'));
    await page.getByTestId('birth-submit').click();
    await page.getByTestId('birth-coverage').waitFor();
    expect(await page.getByTestId('birth-coverage').textContent()).toBe('Dijamin');
    await page.getByText('Bayi baru lahir dari peserta').waitFor();
    await screenshot(page, 'laptop-40-birth-recorded');
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('logout').click();
    await page.waitForURL('**/masuk');
    await page.close();
  });

  it('the membership officer records a death; the timeline shows covered until that date', async () => {
    const page = await login('kepesertaan', 'rina.kepesertaan');
    await page.goto(`${server.baseUrl}/penduduk/${head!.nik}`);
    await page.getByTestId('coverage-periods').waitFor();
    await page.getByTestId('change-open').click();
    await page.getByRole('textbox', { name: 'Tanggal berlaku' }).fill(daysAgo(3));
    await page.getByTestId('change-reason').fill('Surat keterangan kematian RSUD 17/XI/2026');
    await page.getByTestId('change-submit').click();
    await page.getByTestId('coverage-periods').locator('tbody tr').last().getByText('Tidak dijamin').waitFor();
    const rows = await page.getByTestId('coverage-periods').locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.at(-1)).toMatch(/Tidak dijamin/);
    expect(rows.at(-2)).toMatch(/Dijamin/);
    await page.getByTestId('timeline-events').getByText('Surat keterangan kematian RSUD 17/XI/2026').waitFor();
    await screenshot(page, 'laptop-41-timeline-after-death');
    const api = await page.evaluate(async (nik) => (await fetch(`/api/v1/eligibility?nik=${nik}`)).json(), head!.nik);
    expect(api.reasons.map((r: { code: string }) => r.code)).toContain('DECEASED');
    await page.close();
  });

  it('the membership officer sees a child admitted at two hospitals at once, with both stays as evidence', async () => {
    const child = fam[2]!;
    await ensureFacility(server.sys, 'RS-SINYAL-A', 'PPK2', { name: 'RS Sinyal Satu' });
    await ensureFacility(server.sys, 'RS-SINYAL-B', 'PPK2', { name: 'RS Sinyal Dua' });
    const first = await sjpStay(server.sys.db, child.nik, 'RS-SINYAL-A', wib(daysAgo(2), '09:00'));
    const second = await referralStay(
      server.sys.db,
      child.nik,
      null,
      'RS-SINYAL-B',
      wib(daysAgo(2), '19:00'),
      wib(daysAgo(2), '19:30'),
    );
    await browser.context.clearCookies(); // the officer above is still logged in in this browser
    const page = await login('kepesertaan', 'tari.kepesertaan');
    await page.goto(`${server.baseUrl}/sinyal-penyalahgunaan`);
    await page.getByTestId('signal-TWO_HOSPITALS_AT_ONCE').click();
    const row = page.getByTestId('signals-table').getByRole('row', { name: new RegExp(child.name) });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(`RS Sinyal Satu (${first})`);
    expect(text).toContain(`RS Sinyal Dua (${second})`);
    expect(text).toContain('sebelum perawatan pertama berakhir');
    await screenshot(page, 'laptop-42-signal-two-hospitals');
    await page.close();
  });
});
