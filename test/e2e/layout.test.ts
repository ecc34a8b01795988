/**
 * The shell and the shared pieces, in Chromium: the sidebar on a 1366×768
 * laptop (collapsible groups, one active entry, every entry reachable),
 * identifiers that neither wrap nor get cut at 1440 px, the one date field
 * style (Indonesian display, ISO value sent), field errors next to their
 * field, and the public pages on a phone: no 401 from /auth/me, a not-found
 * page for unknown addresses, one footer, and a self-check page that loads
 * none of the logged-in modules (its bytes are printed for the record).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import type { Role } from '../../src/platform/http/permissions.js';
import {
  LAPTOP,
  PHONE,
  closeE2e,
  launchBrowser,
  loginViaUi,
  openE2e,
  screenshot,
  type E2eBrowser,
  type E2eServer,
} from './harness.js';
import { nik } from './fixtures.js';
import { seedDemo, type SeededDemo } from './seed-demo.js';

const WIDE = { width: 1440, height: 900 } as const;

let server: E2eServer;
let laptop: E2eBrowser;
let demo: SeededDemo;

beforeAll(async () => {
  ({ server, browser: laptop } = await openE2e());
  demo = await seedDemo(server.sys);
}, 300_000);

afterAll(() => closeE2e(laptop, server));

async function loginAs(role: Role, browser = laptop): Promise<Page> {
  const page = await browser.context.newPage();
  await loginViaUi(page, server.baseUrl, demo.username(role), demo.passwords.get(role)!);
  return page;
}

async function done(page: Page, browser = laptop) {
  await page.close();
  await browser.context.clearCookies();
}

/** The entries of the sidebar marked as the current page. */
async function currentEntries(page: Page): Promise<string[]> {
  return page.locator('#navigasi-utama [aria-current="page"]').allInnerTexts();
}

describe('sidebar on a 1366×768 laptop', () => {
  it('groups collapse; the long menu fits; every entry is reachable and is the only active one', async () => {
    // The membership officer has the longest menu (membership, care pathway and reports).
    const page = await loginAs('kepesertaan');
    const nav = page.locator('#navigasi-utama');
    const groups = nav.locator('[data-testid^="nav-group-"]');
    expect(await groups.count()).toBeGreaterThanOrEqual(2);
    // On the home page of the longest menu, the groups start closed and the menu fits without scrolling.
    const fits = () =>
      nav
        .locator('.mantine-ScrollArea-viewport')
        .evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    const closed = await fits();
    expect(closed.scroll).toBeLessThanOrEqual(closed.client);
    await screenshot(page, 'layout-sidebar-closed', false);

    // Open every group, then visit every entry from the menu.
    for (const g of await groups.all()) if ((await g.getAttribute('aria-expanded')) === 'false') await g.click();
    const labels = await nav.getByTestId('nav-item').allInnerTexts();
    expect(labels.length).toBeGreaterThan(10);
    for (const label of labels) {
      const group = nav.locator('[data-testid^="nav-group-"][aria-expanded="false"]');
      for (const g of await group.all()) await g.click();
      const link = nav.getByTestId('nav-item').filter({ hasText: label }).first();
      await link.scrollIntoViewIfNeeded();
      const box = (await link.boundingBox())!;
      expect(box.y + box.height, `${label} lies below the screen`).toBeLessThanOrEqual(LAPTOP.height);
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await page.waitForURL((u) => u.pathname === href);
      await expect.poll(() => currentEntries(page), { message: `on ${href}` }).toEqual([label]);
      await page.locator('h1').first().waitFor();
    }
    await screenshot(page, 'layout-sidebar-open', false);

    // A group closes and opens again; the current page's group is open after navigation.
    const membership = nav.getByTestId('nav-group-membership');
    await page.goto(`${server.baseUrl}/kartu/cetak`);
    await page.locator('h1').first().waitFor();
    expect(await membership.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.getByTestId('nav-group-admin').getAttribute('aria-expanded')).toBe('false');
    expect(await currentEntries(page)).toHaveLength(1);
    await membership.click();
    expect(await membership.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => nav.getByText('Antrean cetak kartu').isVisible()).toBe(false);
    await done(page);
  });

  it('a page below a menu entry marks only the nearest entry (print queue, not also card search)', async () => {
    const page = await loginAs('kepesertaan');
    await page.goto(`${server.baseUrl}/kartu/cetak`);
    await page.locator('h1').first().waitFor();
    const current = await currentEntries(page);
    expect(current).toHaveLength(1);
    const href = await page.locator('#navigasi-utama [aria-current="page"]').getAttribute('href');
    expect(href).toBe('/kartu/cetak');
    await done(page);
  });
});

describe('identifiers at 1440 px', () => {
  it('NIK, KK, card, letter, referral and SJP numbers stay on one line, uncut', async () => {
    const wide = await launchBrowser(WIDE);
    try {
      const problems: string[] = [];
      const seen: string[] = [];
      const check = async (page: Page, path: string) => {
        await page.goto(`${server.baseUrl}${path}`);
        await page.locator('table tbody tr').first().waitFor();
        await page.waitForTimeout(300);
        // Every identifier in a table cell, marked or not: formatted NIK/KK, card numbers, letter and SJP numbers.
        const found = await page.locator('table').evaluateAll((tables) => {
          const pattern = /\b\d{4}[ .]?\d{4}[ .]?\d{4}[ .]?\d{4}\b|KS-\d{4}-\d{7}|\b\d{4,5}\/[A-Z][A-Z/-]+\/\d{4}\b/g;
          const out: { text: string; lines: number; cut: boolean }[] = [];
          for (const table of tables) {
            const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const td = n.parentElement?.closest('td');
              if (!td) continue;
              for (const m of (n.textContent ?? '').matchAll(pattern)) {
                const range = document.createRange();
                range.setStart(n, m.index!);
                range.setEnd(n, m.index! + m[0].length);
                const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                out.push({ text: m[0], lines: tops.size, cut: td.scrollWidth > td.clientWidth + 1 });
              }
            }
          }
          return out;
        });
        seen.push(`${path}: ${found.length}`);
        if (found.length === 0) problems.push(`${path}: no identifier shown`);
        const bad = found
          .filter((f) => f.lines > 1 || f.cut)
          .map((f) => `${f.text} (${f.lines} lines${f.cut ? ', cut' : ''})`);
        problems.push(...bad.map((b) => `${path}: ${b}`));
      };
      for (const [role, paths] of [
        ['sjp', ['/sjp']],
        ['rumahsakit', ['/rujukan', '/sjp']],
        ['puskesmas', ['/rujukan']],
        ['kepesertaan', ['/kartu/cetak?status=ALL']],
        ['dinsos', ['/rekomendasi']],
      ] as const) {
        const page = await wide.context.newPage();
        await loginViaUi(page, server.baseUrl, demo.username(role), demo.passwords.get(role)!);
        for (const p of paths) await check(page, p);
        await screenshot(page, `layout-1440-${role}`);
        await page.close();
        await wide.context.clearCookies();
      }
      expect(problems, `${problems.join('\n')}\nchecked: ${seen.join(', ')}`).toEqual([]);
    } finally {
      await wide.close();
    }
  });
});

describe('forms', () => {
  it('dates show as DD/MM/YYYY whatever the browser language and are sent as YYYY-MM-DD', async () => {
    const page = await loginAs('kepesertaan');
    await page.goto(`${server.baseUrl}/laporan/kepesertaan`);
    const field = page.getByRole('textbox', { name: 'Keadaan pada tanggal' });
    await field.waitFor();
    expect(await field.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const sent = page.waitForRequest(
      (r) => r.url().includes('/api/v1/reports/membership?') && r.url().includes('date=2026-10-05'),
    );
    await field.fill('05/10/2026');
    await field.blur();
    await sent;
    expect(await field.inputValue()).toBe('05/10/2026');
    // No page uses the browser's own date picker.
    expect(await page.locator('input[type="date"], input[type="datetime-local"], input[type="month"]').count()).toBe(0);
    await screenshot(page, 'layout-date-field');
    await done(page);
  });

  it('a month is picked by name; after filing, the history with the filed month is in view and focused', async () => {
    const page = await loginAs('rumahsakit');
    await page.goto(`${server.baseUrl}/laporan-bulanan-rs`);
    const period = page.getByTestId('monthly-period');
    await period.click();
    await page.getByRole('button', { name: 'Jan', exact: true }).click();
    await expect.poll(() => period.textContent()).toContain('Januari');
    for (const k of [
      'outpatientVisits',
      'inpatientAdmissions',
      'class3PatientDays',
      'referralsReceived',
      'referralsBack',
      'deaths',
    ]) {
      await page.getByTestId(`monthly-${k}`).fill('12');
    }
    await page.getByTestId('monthly-submit').click();
    const year = (await period.textContent())!.match(/\d{4}/)![0];
    const row = page.getByRole('cell', { name: `Januari ${year}`, exact: true });
    await row.waitFor();
    await expect
      .poll(async () => {
        const b = await row.boundingBox();
        return b !== null && b.y >= 0 && b.y + b.height <= LAPTOP.height;
      })
      .toBe(true);
    // Focus moved to the history, so a screen reader reads the result instead of staying on the button.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('monthly-history');
    await screenshot(page, 'layout-monthly-filed', false);
    await done(page);
  });

  it('Enter in a field submits its form (a deposit on an approved inpatient SJP)', async () => {
    const id = (
      await server.sys.db.query<{ id: number }>(
        `SELECT id FROM sjp_request WHERE status = 'APPROVED' AND care_type = 'INPATIENT' ORDER BY id LIMIT 1`,
      )
    ).rows[0]!.id;
    const page = await loginAs('rumahsakit');
    await page.goto(`${server.baseUrl}/sjp/${id}`);
    const amount = page.getByRole('textbox', { name: 'Jumlah (Rp)' });
    await amount.fill('250000');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/sjp/${id}/deposits`) && r.request().method() === 'POST',
    );
    await amount.press('Enter');
    expect((await saved).status()).toBeLessThan(300);
    await page.getByText('Rp 250.000', { exact: false }).first().waitFor();
    await done(page);
  });

  it('the Dinsos letter form shows each server error under its own field', async () => {
    const page = await loginAs('dinsos');
    await page.goto(`${server.baseUrl}/rekomendasi/baru`);
    await page.getByTestId('recommendation-nik').fill(nik('1990-05-05', 'L', 9999, '327599'));
    await page.getByTestId('recommendation-nik').press('Enter');
    await page.getByTestId('lookup-not-found').waitFor();
    await page.getByRole('radio', { name: 'Warga terlantar' }).check();
    await page.getByTestId('recommendation-institution').fill('Dinas Sosial');
    await page.getByTestId('recommendation-reason').fill('abc');
    await page.getByTestId('recommendation-submit').click();
    const reason = page.getByTestId('recommendation-reason');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await reason.getAttribute('aria-describedby')) ?? '';
    const reasonError = await page
      .locator(
        describedBy
          .split(' ')
          .map((id) => `[id="${id}"]`)
          .join(', '),
      )
      .allInnerTexts();
    expect(reasonError.join(' ')).toMatch(/minimal 5 karakter/);
    expect(await page.getByTestId('recommendation-name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('recommendation-check-fields').isVisible()).toBe(true);
    await screenshot(page, 'layout-dinsos-field-errors');
    await done(page);
  });
});

describe('public pages on a phone', () => {
  let phone: E2eBrowser;
  beforeAll(async () => {
    phone = await launchBrowser(PHONE);
  });
  afterAll(async () => {
    await phone?.close();
  });

  it('no request is answered 401 on the public pages; each has the one public footer and fits the phone', async () => {
    const page = await phone.context.newPage();
    const unauthorised: string[] = [];
    page.on('response', (r: Response) => {
      if (r.status() === 401) unauthorised.push(r.url());
    });
    for (const p of [
      '/cek-mandiri',
      '/verifikasi/kartu',
      '/verifikasi/rujukan',
      '/verifikasi/rekomendasi',
      '/verifikasi/sjp',
      '/masuk',
    ]) {
      await page.goto(`${server.baseUrl}${p}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      // One footer on every public page: the program, the office, the other public services.
      const footer = page.getByTestId('public-footer');
      if (p !== '/cek-mandiri')
        expect(await footer.getByRole('link', { name: 'Cek kepesertaan mandiri' }).count(), p).toBe(1);
      if (p !== '/verifikasi/kartu')
        expect(await footer.getByRole('link', { name: 'Verifikasi kartu' }).count(), p).toBe(1);
      expect(await footer.textContent(), p).toContain('Dinas Kesehatan');
      // Usable on a phone: nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(PHONE.width);
    }
    await screenshot(page, 'layout-phone-login-footer');
    expect(unauthorised).toEqual([]);
    await page.close();
  });

  it('an unknown address shows a not-found page, not the login; inside the shell when logged in', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${server.baseUrl}/alamat/yang-tidak-ada`);
    await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/alamat/yang-tidak-ada');
    expect(await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).count()).toBe(0);
    await page.getByTestId('not-found').getByRole('link', { name: 'Ke halaman masuk petugas' }).waitFor();
    await screenshot(page, 'layout-phone-not-found');
    await page.close();

    const inside = await loginAs('sjp');
    await inside.goto(`${server.baseUrl}/alamat/yang-tidak-ada`);
    await inside.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
    await inside.getByTestId('logout').waitFor();
    await done(inside);
  });

  it('the self-check page loads none of the logged-in modules', async () => {
    const page = await phone.context.newPage();
    const scripts: { url: string; bytes: number; body: Promise<string> }[] = [];
    let total = 0;
    page.on('requestfinished', (req) => {
      void req.sizes().then((s) => {
        total += s.responseBodySize + s.responseHeadersSize;
      });
      if (req.resourceType() !== 'script') return;
      const entry = { url: req.url(), bytes: 0, body: req.response().then((r) => (r ? r.text() : '')) };
      scripts.push(entry);
      void req.sizes().then((s) => (entry.bytes = s.responseBodySize + s.responseHeadersSize));
    });
    await page.goto(`${server.baseUrl}/cek-mandiri`);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    // Text only the logged-in shell and menus carry: the sidebar's id, menu labels of other modules.
    const markers = ['navigasi-utama', 'Antrean cetak kartu', 'Papan tempat tidur'];
    const found: string[] = [];
    for (const s of scripts) {
      const body = await s.body;
      for (const m of markers) if (body.includes(m)) found.push(`${new URL(s.url).pathname}: ${m}`);
    }
    const scriptBytes = scripts.reduce((a, s) => a + s.bytes, 0);
    console.log(
      `self-check first load (375×812): ${scripts.length} scripts, ${scriptBytes} bytes of script, ${total} bytes in all (uncompressed: the server sends no Content-Encoding)`,
    );
    expect(found, found.join('\n')).toEqual([]);
    // Generous ceiling: the single bundle alone was 541 KB; the split first load is about 500 KB.
    expect(scriptBytes).toBeLessThan(600 * 1024);
    await page.close();
  });
});
