/**
 * The Content-Security-Policy is strict (own scripts only, no framing) and the
 * built web app must still work under it: every page a desk and a resident use
 * loads with no CSP violation, and its styles apply (Mantine injects <style>).
 */
import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeE2e, openE2e, screenshot, userWithPassword, type E2eBrowser, type E2eServer } from './harness.js';

let server: E2eServer;
let browser: E2eBrowser;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openE2e());
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to (CSP event) ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});

afterAll(() => closeE2e(browser, server));

/** Logs in through the form straight to a page (the pages under test, not the home page). */
async function login(p: Page, username: string, password: string, next: string) {
  await p.goto(`${server.baseUrl}/masuk?next=${encodeURIComponent(next)}`);
  await p.getByLabel('Nama pengguna').fill(username);
  await p.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await p.getByRole('textbox', { name: 'Kata sandi', exact: true }).press('Enter');
  await p.getByTestId('logout').waitFor();
}

describe('content security policy', () => {
  it('serves the app with the policy, and the app runs under it without a violation', async () => {
    const index = await page.goto(`${server.baseUrl}/cek-mandiri`);
    const csp = index!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(index!.headers()['x-frame-options']).toBe('DENY');
    await page.getByTestId('selfcheck-nik').waitFor();
    // Mantine's injected styles apply: the submit button is coloured, not the browser's grey.
    const bg = await page
      .getByRole('button', { name: 'Cek status' })
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(bg).not.toBe('rgb(239, 239, 239)');
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');

    const password = await userWithPassword(server.sys, 'admin.csp', 'admin');
    await login(page, 'admin.csp', password, '/pengguna');
    for (const p of ['/pengguna', '/log-audit', '/token-api']) {
      await page.goto(`${server.baseUrl}${p}`);
      await page.getByTestId('logout').waitFor();
      await page.waitForLoadState('networkidle');
    }
    await screenshot(page, 'laptop-csp-admin', false);
    expect(violations).toEqual([]);
  });

  it('lets our own page preview a document in a frame, and no other page frame the app or the document', async () => {
    const pdf = await new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument();
      const parts: Buffer[] = [];
      doc.on('data', (c: Buffer) => parts.push(c));
      doc.on('end', () => resolve(Buffer.concat(parts)));
      doc.text('Surat keterangan');
      doc.end();
    });
    const stored = await server.sys.documents.save(Readable.from([pdf]), 'surat.html');
    expect(stored.fileName).toBe('surat.pdf');
    await browser.context.clearCookies();
    const password = await userWithPassword(server.sys, 'sjp.csp', 'sjp');
    await login(page, 'sjp.csp', password, '/cek-kepesertaan');
    violations.length = 0;
    const url = `${server.baseUrl}/api/v1/documents/${stored.id}`;
    // The SJP page's preview: an iframe of the document on our own origin.
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.id = 'preview';
      document.body.appendChild(f);
    }, url);
    const loaded = await page.waitForResponse((r) => r.url() === url);
    expect(loaded.status()).toBe(200);
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);

    // A page elsewhere (here about:blank, another origin) framing the app or the document is refused.
    const outsider = await browser.context.newPage();
    const refused: string[] = [];
    outsider.on('console', (m) => {
      if (/frame-ancestors|Refused to (frame|display)/i.test(m.text())) refused.push(m.text());
    });
    await outsider.setContent(`<iframe src="${server.baseUrl}/cek-mandiri"></iframe><iframe src="${url}"></iframe>`);
    await outsider.waitForTimeout(1500);
    const appFrame = outsider.frames().find((f) => f.url().includes('/cek-mandiri'));
    const appRendered = appFrame
      ? await appFrame.evaluate(() => !!document.getElementById('root')).catch(() => false)
      : false;
    expect(appRendered).toBe(false);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    await outsider.close();
  });
});
