/**
 * The Content-Security-Policy is strict (own scripts only, no framing) and the
 * built web app must still work under it: every page a desk and a resident use
 * loads with no CSP violation, and its styles apply (Mantine injects <style>).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LAPTOP, launchBrowser, loginViaUi, screenshot, startServer, userWithPassword, type E2eBrowser, type E2eServer } from './harness.js';

let server: E2eServer;
let browser: E2eBrowser;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(LAPTOP);
  page = await browser.context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to (CSP event) ${e.violatedDirective} ${e.blockedURI}`));
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('content security policy', () => {
  it('serves the app with the policy, and the app runs under it without a violation', async () => {
    const index = await page.goto(`${server.baseUrl}/cek-mandiri`);
    const csp = index!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(index!.headers()['x-frame-options']).toBe('DENY');
    await page.getByTestId('selfcheck-nik').waitFor();
    // Mantine's injected styles apply: the submit button is coloured, not the browser's grey.
    const bg = await page.getByRole('button', { name: 'Cek status' }).evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(bg).not.toBe('rgb(239, 239, 239)');
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');

    const password = await userWithPassword(server.sys, 'admin.csp', 'admin');
    await loginViaUi(page, server.baseUrl, 'admin.csp', password);
    for (const p of ['/', '/pengguna', '/log-audit']) {
      await page.goto(`${server.baseUrl}${p}`);
      await page.getByTestId('logout').waitFor();
      await page.waitForLoadState('networkidle');
    }
    await screenshot(page, 'laptop-csp-admin', false);
    expect(violations).toEqual([]);
  });
});
