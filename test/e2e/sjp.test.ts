/**
 * The care pathway end to end in Chromium: a puskesmas refers a member to a
 * partner hospital, which records arrival and admission; the hospital desk then
 * requests an inpatient SJP with
 * documents, the SJP officer asks for the missing KK, the hospital uploads it
 * and resubmits, the officer approves, the letter PDF renders, and the family
 * follows the status on the public tracking page. A newborn SJP is requested
 * by the hospital with the birth statement.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, jakartaDateTime, todayJakarta } from '../../src/platform/calendar/index.js';
import { renderPdf } from '../../src/platform/documents/pdf.js';
import { POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { importFile } from '../helpers/system.js';
import {
  ensureFacility,
  LAPTOP,
  launchBrowser,
  logoutAndClose,
  newUserPage,
  RESULTS_DIR,
  screenshot,
  startServer,
  type E2eBrowser,
  type E2eServer,
} from './harness.js';
import { createTestPartnerHospital } from '../helpers/factories.js';

const RS = 'RS-SJP-E2E';
const PKM = 'PKM-SJP-E2E';
let server: E2eServer;
let browser: E2eBrowser;
let files: string;
const today = todayJakarta();
const fam = family('3275010101600001', 'SEJAHTERA');
const patient = fam[0]!;
let sjpUrl = '';
let trackingCode = '';
let referralUrl = '';

async function scan(name: string, title: string) {
  const file = path.join(files, name);
  fs.writeFileSync(file, await renderPdf({ title }, (d) => void d.fontSize(20).text(title)));
  return file;
}

const login = (role: 'rumahsakit' | 'sjp' | 'puskesmas', username: string, facility?: string) =>
  newUserPage(server, browser, role, username, facility);
const logout = (page: Page) => logoutAndClose(page, server.baseUrl);

async function choose(page: Page, testId: string, file: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(testId).click()]);
  await chooser.setFiles(file);
}

async function status(page: Page, expected: string) {
  await page.locator(`[data-testid="sjp-status"][data-status="${expected}"]`).first().waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(LAPTOP);
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-e2e-sjp-'));
  // The hospital in the city with free class III beds, and the puskesmas that refers to it.
  await createTestPartnerHospital(server.sys, RS, {
    name: 'RS Sejahtera Kota',
    villageCode: '3275011004',
    agreement: {
      number: 'PKS/E2E/SJP/1',
      validFrom: addDays(today, -200),
      validTo: addDays(today, 200),
      services: ['RAWAT_JALAN', 'RAWAT_INAP', 'GAWAT_DARURAT'],
    },
    beds: { class3Total: 30, class3Available: 6 },
  });
  await ensureFacility(server.sys, PKM, 'PPK1', { name: 'Puskesmas Bekasi Jaya', villageCode: '3275011001' });
  await importFile(server, 'population', 'p.csv', csv(POP_HEADER, fam.map(popLine)), addDays(today, -60));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (files) fs.rmSync(files, { recursive: true, force: true });
});

describe('inpatient SJP from the hospital desk to the printed letter', () => {
  it('a puskesmas refers the patient to the partner hospital, which records arrival and admission', async () => {
    const pkm = await login('puskesmas', 'sari.pkm', PKM);
    await pkm.goto(`${server.baseUrl}/rujukan`);
    await pkm.getByTestId('referral-new').click();
    await pkm.getByTestId('referral-nik').fill(patient.nik);
    await pkm.getByTestId('referral-check').click();
    await pkm.locator('[data-testid="referral-eligibility"][data-eligible="true"]').waitFor();
    await pkm.getByTestId('referral-diagnosis').fill('A09');
    await pkm.getByRole('option', { name: /A09/ }).first().click();
    await pkm.getByTestId(`destination-${RS}`).waitFor();
    await pkm.getByTestId('referral-submit').click();
    await pkm.waitForURL(/\/rujukan\/\d+$/);
    referralUrl = pkm.url();
    await pkm.locator('[data-testid="referral-status"][data-status="SENT"]').waitFor();
    await logout(pkm);

    const rs = await login('rumahsakit', 'rina.rs', RS);
    await rs.goto(referralUrl);
    await rs.getByTestId('referral-arrive').click();
    await rs.locator('[data-testid="referral-status"][data-status="ARRIVED"]').waitFor();
    await rs.getByTestId('referral-admit').click();
    await rs.locator('[data-testid="referral-status"][data-status="ADMITTED"]').waitFor();
    await logout(rs);
  });

  it('the hospital asks for an SJP straight from the admitted referral: patient, coverage, diagnosis and admission come prefilled', async () => {
    const page = await login('rumahsakit', 'dina.rs', RS);
    await page.goto(referralUrl);
    await page.getByTestId('referral-request-sjp').click();
    await page.waitForURL(/\/sjp\/baru\?rujukan=\d+$/);
    await page.getByTestId('sjp-from-referral').waitFor();
    // Nothing retyped: the NIK with the patient's name and coverage on the admission date, the ICD-10 diagnosis, the admission time.
    expect(await page.getByTestId('sjp-nik').inputValue()).toBe(patient.nik);
    const elig = page.locator('[data-testid="sjp-eligibility"][data-eligible="true"]');
    await elig.waitFor();
    expect(await elig.textContent()).toContain(patient.name);
    expect(await page.getByTestId('sjp-diagnosis').inputValue()).toMatch(/^A09 — Diare/);
    expect(await page.getByTestId('sjp-admitted-at').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await choose(page, 'sjp-file-KARTU', await scan('kartu.pdf', 'KARTU JAMKESDA'));
    await choose(page, 'sjp-file-KTP', await scan('ktp.pdf', 'KTP'));
    await choose(page, 'sjp-file-BUKTI_RAWAT_INAP', await scan('masuk.pdf', 'BUKTI MASUK RAWAT INAP'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'laptop-59-sjp-request-form', false);
    await page.getByTestId('sjp-save').click();
    await status(page, 'SUBMITTED');
    expect(await page.getByTestId('sjp-check-KK').getAttribute('data-present')).toBe('false');
    sjpUrl = page.url();
    trackingCode = (await page.getByTestId('sjp-tracking-code').textContent())!.trim();
    const linked = await server.sys.db.query<{ referral_id: string | null; gap: string }>(
      `SELECT s.referral_id, abs(extract(epoch FROM s.admitted_at - r.admitted_at)) AS gap
         FROM sjp_request s JOIN referral r ON r.id = s.referral_id WHERE s.tracking_code = $1`,
      [trackingCode],
    );
    expect(Number(linked.rows[0]!.referral_id)).toBe(Number(referralUrl.split('/').pop()));
    // The admission time came from the referral (to the minute the form holds).
    expect(Number(linked.rows[0]!.gap)).toBeLessThan(60);
    await screenshot(page, 'laptop-60-sjp-submitted');
    await logout(page);
  });

  it('asking again for the same stay shows the open request with a link to it, and files nothing', async () => {
    const page = await login('rumahsakit', 'dani.rs', RS);
    await page.goto(referralUrl);
    await page.getByTestId('referral-request-sjp').click();
    await page.locator('[data-testid="sjp-eligibility"][data-eligible="true"]').waitFor();
    await page.getByTestId('sjp-save').click();
    const link = page.getByTestId('sjp-duplicate-link');
    await link.waitFor();
    expect(await page.getByTestId('sjp-duplicate').textContent()).toContain(trackingCode);
    await link.click();
    await page.waitForURL(sjpUrl);
    const n = await server.sys.db.query<{ n: string }>('SELECT count(*) AS n FROM sjp_request');
    expect(Number(n.rows[0]!.n)).toBe(1);
    await logout(page);
  });

  it('the officer asks for the missing KK', async () => {
    const page = await login('sjp', 'yuni.sjp');
    await page.goto(`${server.baseUrl}/sjp`);
    await page.getByTestId('sjp-queue-decide').getByText('RS Sejahtera Kota').first().click();
    await status(page, 'SUBMITTED');
    expect(page.url()).toBe(sjpUrl);
    // Coverage on the admission date and the diagnosis by name are on the page the officer decides from.
    await page.locator('[data-testid="sjp-eligibility"][data-eligible="true"]').waitFor();
    expect(await page.getByTestId('sjp-diagnosis-name').textContent()).toContain('Diare dan gastroenteritis');
    await page.getByTestId('sjp-preview').waitFor();
    // The hospital's controls are not offered to the officer: no uploads, no cancelling, no stay forms.
    expect(await page.locator('[data-testid^="sjp-upload-"]').count()).toBe(0);
    expect(await page.getByTestId('sjp-cancel').count()).toBe(0);
    expect(await page.getByTestId('sjp-deposit-add').count()).toBe(0);
    await page.getByTestId('sjp-decision-choice').getByText('Minta kelengkapan').click();
    await page.getByTestId('sjp-missing-KK').check();
    // The KTP copy is unreadable: asked again although one was uploaded.
    await page.getByTestId('sjp-missing-KTP').check();
    await page.getByTestId('sjp-ask-completion').click();
    await status(page, 'NEEDS_COMPLETION');
    await logout(page);
  });

  it('the hospital uploads the KK and a new KTP, which visibly replaces the flagged one, and resubmits', async () => {
    const page = await login('rumahsakit', 'dodi.rs', RS);
    await page.goto(sjpUrl);
    await page.getByTestId('sjp-completion-asked').waitFor();
    // The time left for the papers reads in working days and hours, not decimal hours.
    const left = (await page.getByTestId('sjp-time-left').textContent())!.trim();
    expect(left).toMatch(/^\(sisa (\d+ hari)?( ?\d+ jam)?( ?\d+ menit)? kerja\)$/);
    expect(left).toContain('hari');
    expect(left).not.toMatch(/\d,\d/);
    // An approved-only action is not offered to the hospital, nor the officer's decision.
    expect(await page.getByTestId('sjp-decide').count()).toBe(0);
    expect(await page.getByTestId('sjp-check-KTP').getAttribute('data-flagged')).toBe('true');
    await choose(page, 'sjp-upload-KK', await scan('kk.pdf', 'KARTU KELUARGA'));
    await choose(page, 'sjp-upload-KTP', await scan('ktp-jelas.pdf', 'KTP JELAS'));
    await page.getByTestId('sjp-attach').click();
    await page.locator('[data-testid="sjp-check-KK"][data-present="true"]').waitFor();
    await page.locator('[data-testid="sjp-check-KTP"][data-flagged="false"]').waitFor();
    // The old KTP stays on record, struck through and marked replaced; the new one is the one in force.
    const replaced = page.locator('[data-testid^="sjp-doc-"][data-replaced="true"]');
    expect(await replaced.count()).toBe(1);
    expect(await replaced.textContent()).toContain('ktp.pdf');
    expect(await replaced.textContent()).toContain('diganti');
    expect(
      await page
        .locator('[data-testid^="sjp-doc-"][data-replaced="false"]')
        .filter({ hasText: 'ktp-jelas.pdf' })
        .count(),
    ).toBe(1);
    await screenshot(page, 'laptop-60a-sjp-replaced-document', false);
    await page.getByTestId('sjp-submit').click();
    await status(page, 'SUBMITTED');
    await logout(page);
  });

  it('the officer approves only after confirming a dialog that names the patient and the hospital; cancelling issues nothing', async () => {
    const page = await login('sjp', 'yoga.sjp');
    await page.goto(sjpUrl);
    await status(page, 'SUBMITTED');
    await screenshot(page, 'laptop-60b-sjp-decision', false);
    await page.getByTestId('sjp-decide').scrollIntoViewIfNeeded();
    await screenshot(page, 'laptop-60b2-sjp-decision-panel', false);
    await page.getByTestId('sjp-approve').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const text = (await dialog.textContent())!;
    expect(text).toContain('Surat SJP bernomor');
    expect(text).toContain(patient.name);
    expect(text).toContain('RS Sejahtera Kota');
    await page.waitForTimeout(400); // the dialog's opening transition
    await screenshot(page, 'laptop-60c-sjp-approve-confirm', false);
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await dialog.waitFor({ state: 'detached' });
    const before = await server.sys.db.query<{ number: string | null; status: string }>(
      'SELECT number, status FROM sjp_request WHERE tracking_code = $1',
      [trackingCode],
    );
    expect(before.rows[0]).toEqual({ number: null, status: 'SUBMITTED' });
    expect(await page.getByTestId('sjp-number').count()).toBe(0);
    await page.getByTestId('sjp-approve').click();
    await page.getByTestId('confirm-action').click();
    await status(page, 'APPROVED');
    const number = (await page.getByTestId('sjp-number').textContent())!.trim();
    expect(number).toMatch(/^\d{5}\/SJP\/DINKES\/\d{4}$/);
    await screenshot(page, 'laptop-61-sjp-approved');
    const href = await page.getByTestId('sjp-letter').getAttribute('href');
    const res = await page.request.get(`${server.baseUrl}${href}`);
    expect(res.status()).toBe(200);
    const pdf = await res.body();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const pdfFile = path.join(RESULTS_DIR, 'sjp-letter.pdf');
    fs.writeFileSync(pdfFile, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdfFile, path.join(RESULTS_DIR, 'sjp-letter')]);
    expect(fs.statSync(path.join(RESULTS_DIR, 'sjp-letter.png')).size).toBeGreaterThan(5000);
    await logout(page);
  });

  it('during the stay the hospital records a deposit with its receipt and asks approval for an ICU action with a document; the officer approves it', async () => {
    const rs = await login('rumahsakit', 'tono.rs', RS);
    await rs.goto(sjpUrl);
    const care = rs.locator('section[aria-labelledby="sjp-care"]');
    // Approved: the papers are closed, so no upload or cancel controls; the stay forms remain.
    await status(rs, 'APPROVED');
    expect(await rs.locator('[data-testid^="sjp-upload-"]').count()).toBe(0);
    expect(await rs.getByTestId('sjp-cancel').count()).toBe(0);
    await care.getByRole('textbox', { name: 'Jumlah (Rp)' }).fill('1500000');
    await choose(rs, 'sjp-deposit-receipt', await scan('kuitansi.pdf', 'KUITANSI DEPOSIT'));
    await rs.getByTestId('sjp-deposit-add').click();
    await care.getByText(/Rp 1\.500\.000/).waitFor();
    await care.getByRole('textbox', { name: 'Uraian' }).fill('Pemasangan ventilator di ICU');
    await choose(rs, 'sjp-action-document', await scan('resume.pdf', 'RESUME MEDIS ICU'));
    await rs.getByTestId('sjp-action-ask').click();
    await care.getByText('Pemasangan ventilator di ICU').waitFor();
    await care.getByText('Menunggu').waitFor();
    await logout(rs);
    const stored = await server.sys.db.query<{ deposit_doc: string | null; action_doc: string | null }>(
      `SELECT (SELECT document_id FROM sjp_deposit ORDER BY id DESC LIMIT 1) AS deposit_doc, (SELECT document_id FROM sjp_action ORDER BY id DESC LIMIT 1) AS action_doc`,
    );
    expect(stored.rows[0]!.deposit_doc).not.toBeNull();
    expect(stored.rows[0]!.action_doc).not.toBeNull();

    const officer = await login('sjp', 'lina.sjp');
    await officer.goto(sjpUrl);
    const panel = officer.locator('section[aria-labelledby="sjp-care"]');
    const doc = await panel.getByRole('link', { name: 'dokumen' }).first().getAttribute('href');
    const res = await officer.request.get(`${server.baseUrl}${doc}`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await panel.getByRole('button', { name: 'Setujui', exact: true }).click();
    await panel.getByText('Disetujui').waitFor();
    await screenshot(officer, 'laptop-61b-sjp-stay');
    await logout(officer);
  });

  it('the family sees the status on the public tracking page, without personal data', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}/verifikasi/sjp/${trackingCode}`);
    await page.locator('[data-testid="sjp-track-answer"][data-status="APPROVED"]').waitFor();
    const text = await page.getByTestId('sjp-track-answer').textContent();
    expect(text).toContain('RS Sejahtera Kota');
    expect(text).not.toContain(patient.name);
    await screenshot(page, 'laptop-62-sjp-tracking');
    await page.close();
  });

  it('the hospital requests a newborn SJP with the birth statement; the birth is recorded too', async () => {
    const page = await login('rumahsakit', 'dewi.rs', RS);
    await page.goto(`${server.baseUrl}/sjp/baru`);
    await page.getByTestId('sjp-care-type').click();
    await page.getByRole('option', { name: 'Bayi baru lahir' }).click();
    const born = jakartaDateTime(new Date(Date.now() - 3 * 3_600_000));
    await page.getByTestId('sjp-admitted-at').fill(born.iso.slice(0, 16));
    await page.getByTestId('sjp-diagnosis').fill('P07.3');
    await page
      .getByRole('option', { name: /P07\.3/ })
      .first()
      .click();
    await page.getByTestId('sjp-child-name').fill('BAYI NY SITI SEJAHTERA');
    await page.getByTestId('sjp-birth-date').fill(born.date);
    await page.getByTestId('sjp-mother-nik').fill(fam[1]!.nik);
    await page.getByTestId('sjp-skl-number').fill('SKL/RSSJ/0099/2026');
    await choose(page, 'sjp-skl-file', await scan('skl.pdf', 'SURAT KETERANGAN LAHIR'));
    await choose(page, 'sjp-file-KARTU', await scan('kartu-ibu.pdf', 'KARTU JAMKESDA IBU'));
    await choose(page, 'sjp-file-KK', await scan('kk-ibu.pdf', 'KARTU KELUARGA'));
    await page.getByTestId('sjp-save').click();
    await status(page, 'SUBMITTED');
    await page.getByText('Bayi baru lahir · BAYI NY SITI SEJAHTERA').waitFor();
    expect(await page.getByTestId('sjp-check-SURAT_KETERANGAN_LAHIR').getAttribute('data-present')).toBe('true');
    const births = await server.sys.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM birth_record WHERE child_name = 'BAYI NY SITI SEJAHTERA' AND facility_code = $1`,
      [RS],
    );
    expect(Number(births.rows[0]!.n)).toBe(1);
    await screenshot(page, 'laptop-63-sjp-newborn');
    const newbornUrl = page.url();
    await logout(page);

    // Rejecting is confirmed too: cancelling the dialog leaves the request as it was.
    const officer = await login('sjp', 'rini.sjp');
    await officer.goto(newbornUrl);
    await status(officer, 'SUBMITTED');
    await officer.getByTestId('sjp-decision-choice').getByText('Tolak').click();
    await officer.getByTestId('sjp-reject-code').click();
    await officer.getByRole('option', { name: /Dokumen persyaratan tidak sah/ }).click();
    await officer.getByTestId('sjp-reject').click();
    const dialog = officer.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('BAYI NY SITI SEJAHTERA');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await dialog.waitFor({ state: 'detached' });
    const still = await server.sys.db.query<{ status: string }>(
      `SELECT status FROM sjp_request WHERE patient_name = 'BAYI NY SITI SEJAHTERA'`,
    );
    expect(still.rows[0]!.status).toBe('SUBMITTED');
    await officer.getByTestId('sjp-reject').click();
    await officer.getByTestId('confirm-action').click();
    await status(officer, 'REJECTED');
    await logout(officer);
  });
});
