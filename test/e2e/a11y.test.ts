/**
 * Accessibility: axe-core (WCAG 2.0 A and AA rules, as the issue asks) on every page a user of each
 * role reaches from the sidebar, on the detail pages behind the lists, and on
 * the public pages on a phone. The region is the demo's, smaller: generated
 * residents loaded through the real imports, then cards, letters, referrals and
 * SJP requests made through the services. Any violation fails the test with
 * the rule, the page and the offending elements.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROLES } from '../../src/platform/http/permissions.js';
import {
  PHONE,
  closeE2e,
  launchBrowser,
  loginViaUi,
  openE2e,
  screenshot,
  type E2eBrowser,
  type E2eServer,
} from './harness.js';
import { seedDemo, type SeededDemo } from './seed-demo.js';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: E2eServer;
let laptop: E2eBrowser;
let phone: E2eBrowser;
let demo: SeededDemo;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe on what the page shows now; returns readable lines, one per violation. */
async function axe(page: Page, where: string): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy rightly refuses an inline <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE}\n;true`);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
    }));
  });
  return violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.length}× e.g. ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 140)}`)
        .join(' | ')}`,
  );
}

/** Waits until the page has a title and no spinner, so axe sees the loaded page, not the loader. */
async function settle(page: Page) {
  await page.locator('h1').first().waitFor();
  await page
    .waitForFunction(() => document.querySelectorAll('.mantine-Loader-root').length === 0, undefined, {
      timeout: 15_000,
    })
    .catch(() => {});
  await page.waitForTimeout(150);
}

beforeAll(async () => {
  ({ server, browser: laptop } = await openE2e());
  demo = await seedDemo(server.sys);
  phone = await launchBrowser(PHONE);
}, 300_000);

afterAll(async () => {
  await phone?.close();
  await closeE2e(laptop, server);
});

/** Detail pages behind the lists, found in the seeded data. */
async function detailPages(): Promise<string[]> {
  const db = server.sys.db;
  const one = async (sql: string) => (await db.query<{ v: string | number }>(sql)).rows[0]?.v;
  const out: string[] = [];
  const add = async (prefix: string, sql: string) => {
    const v = await one(sql);
    if (v !== undefined && v !== null) out.push(`${prefix}/${v}`);
  };
  await add('/sjp', 'SELECT id AS v FROM sjp_request ORDER BY id LIMIT 1');
  await add('/rujukan', 'SELECT id AS v FROM referral ORDER BY id LIMIT 1');
  await add('/penduduk', 'SELECT nik AS v FROM person ORDER BY nik LIMIT 1');
  await add('/fasilitas', "SELECT code AS v FROM facility WHERE level = 'PPK2' ORDER BY code LIMIT 1");
  await add('/rekomendasi', 'SELECT id AS v FROM recommendation ORDER BY id LIMIT 1');
  await add('/kartu/keluarga', 'SELECT no_kk AS v FROM family_card ORDER BY id LIMIT 1');
  await add('/kelahiran', 'SELECT id AS v FROM birth_record ORDER BY id LIMIT 1');
  return out;
}

describe('accessibility (axe-core, WCAG 2 A and AA)', () => {
  it('public pages on a phone have no violations', async () => {
    const page = await phone.context.newPage();
    const found: string[] = [];
    for (const p of [
      '/masuk',
      '/cek-mandiri',
      '/verifikasi/kartu',
      '/verifikasi/rujukan',
      '/verifikasi/rekomendasi',
      '/verifikasi/sjp',
      '/halaman-yang-tidak-ada',
    ]) {
      await page.goto(`${server.baseUrl}${p}`);
      await settle(page);
      found.push(...(await axe(page, `phone ${p}`)));
    }
    await screenshot(page, 'a11y-phone-not-found');
    await page.close();
    expect(found, found.join('\n')).toEqual([]);
  });

  const seen = new Set<string>();
  let details: string[] = [];

  it('the seeded data has the detail pages to check', async () => {
    details = await detailPages();
    expect(details.length, details.join(' ')).toBeGreaterThanOrEqual(6);
  });

  // One test per role: each logs in, opens every page of its menu and the detail pages it may open.
  it.each(ROLES)('every page %s reaches has no violations', async (role) => {
    const found: string[] = [];
    const nativeDates: string[] = [];
    const page = await laptop.context.newPage();
    try {
      await loginViaUi(page, server.baseUrl, demo.username(role), demo.passwords.get(role)!);
      const links = await page
        .locator('#navigasi-utama a[href]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      for (const href of [...new Set(links), ...details]) {
        // Pages look the same for every role that may open them; the shell differs, so home is checked per role.
        const key = href === '/' ? `${role}:/` : href;
        if (seen.has(key)) continue;
        await page.goto(`${server.baseUrl}${href}`);
        try {
          await settle(page);
        } catch {
          found.push(`${role} ${href}: no page heading (h1) after 15 s`);
          await screenshot(page, `a11y-no-heading-${role}-${href.replaceAll('/', '_')}`);
          continue;
        }
        // A detail page this role may not open shows the forbidden page: checked once is enough.
        if (
          details.includes(href) &&
          (await page.getByRole('heading', { name: 'Anda tidak memiliki akses' }).count()) > 0
        )
          continue;
        seen.add(key);
        found.push(...(await axe(page, `${role} ${href}`)));
        // One date style across the app: never the browser's own picker, whose format follows the browser's language.
        const native = await page
          .locator('input[type="date"], input[type="datetime-local"], input[type="month"]')
          .count();
        if (native > 0) nativeDates.push(`${role} ${href}: ${native}`);
      }
      if (role === 'rumahsakit' || role === 'sjp') await screenshot(page, `a11y-${role}-last`);
    } finally {
      await page.close();
      await laptop.context.clearCookies();
    }
    expect(found, found.join('\n')).toEqual([]);
    expect(nativeDates, 'native date inputs').toEqual([]);
  });

  it('covered every page', () => {
    expect(seen.size).toBeGreaterThan(25);
  });
});
