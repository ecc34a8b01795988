/**
 * End-to-end harness: the real server in-process on a random port with a fresh
 * database (embedded PGlite in a temporary data dir, or a new PostgreSQL
 * database on TEST_DATABASE_URL, dropped afterwards), serving the built web
 * app, and Debian's Chromium with a fresh profile that may reach 127.0.0.1 only.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/platform/config.js';
import type { App } from '../../src/platform/http/app.js';
import { createServer, createSystem, type System } from '../../src/system.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const LAPTOP = { width: 1366, height: 768 } as const;
export const TABLET = { width: 820, height: 1180 } as const;
export const PHONE = { width: 375, height: 812 } as const;

export interface E2eServer {
  sys: System;
  /** The running app, for setting data up through the API (app.inject) as the integration tests do. */
  app: App;
  baseUrl: string;
  dataDir: string;
  close: () => Promise<void>;
}

/** A new, empty PostgreSQL database on the TEST_DATABASE_URL server, and how to drop it. */
async function createPgDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `jk_e2e_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** `overrides` sets settings for one file's server (e.g. a hand-made file that is mostly bad rows on purpose). */
export async function startServer(overrides: NodeJS.ProcessEnv = {}): Promise<E2eServer> {
  if (
    !fs.existsSync(
      path.join(
        process.env.JK_WEB_DIST ? path.resolve(process.env.JK_WEB_DIST) : path.join(ROOT, 'web', 'dist'),
        'index.html',
      ),
    )
  ) {
    throw new Error('web/dist is missing: build the web app first (npm run build:web, which npm run test:e2e does).');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-e2e-'));
  const pgDb = process.env.TEST_DATABASE_URL ? await createPgDatabase(process.env.TEST_DATABASE_URL) : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    ...overrides,
  };
  if (pgDb) env.DATABASE_URL = pgDb.url;
  else delete env.DATABASE_URL;
  const sys = await createSystem(loadConfig(env));
  const app = await createServer(sys);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server did not report a TCP address');
  const server: E2eServer = {
    sys,
    app,
    baseUrl: `http://127.0.0.1:${addr.port}`,
    dataDir,
    close: async () => {
      await app.close();
      await sys.close();
      await pgDb?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await assertServesWebApp(server.baseUrl);
  } catch (err) {
    await server.close();
    throw err;
  }
  return server;
}

/** Fails fast, with the server's own answer, when the built web app is not served. */
async function assertServesWebApp(baseUrl: string) {
  for (const p of ['/', '/masuk']) {
    const res = await fetch(`${baseUrl}${p}`);
    const body = await res.text();
    if (res.status !== 200 || !body.includes('<div id="root">')) {
      throw new Error(`The server does not serve the web app: GET ${p} → ${res.status} ${body.slice(0, 200)}`);
    }
  }
}

export interface E2eBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Chromium with a throw-away profile; any request not to 127.0.0.1 is aborted. */
export async function launchBrowser(viewport: { width: number; height: number } = LAPTOP): Promise<E2eBrowser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium (CI installs it).`,
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  context.setDefaultTimeout(15_000);
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient');
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A full-page screenshot under test-results/e2e/ (gitignored) for a person to look at. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Facility-scoped roles need their facility to exist: the one shared factory, as in the integration tests. */
export { ensureFacility } from '../helpers/factories.js';

/**
 * A user whose one-time password is already replaced (for tests about
 * something other than the first login): returns the usable password.
 */
export async function userWithPassword(
  sys: System,
  username: string,
  role: Parameters<System['access']['createUser']>[0]['role'],
  facilityCode?: string,
): Promise<string> {
  const created = await sys.access.createUser({ username, role, facilityCode });
  const password = `Sandi${crypto.randomBytes(4).toString('hex')}2026`;
  await sys.access.changePassword(created.id, created.oneTimePassword, password, null);
  return password;
}

/** Logs in through the login form and waits for the app shell. */
export async function loginViaUi(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).press('Enter');
  await page.getByTestId('logout').waitFor();
}

/** A new user of `role` (at `facility`, which must be registered) logged in through the form, on a new page. */
export async function newUserPage(
  server: E2eServer,
  browser: E2eBrowser,
  role: Parameters<System['access']['createUser']>[0]['role'],
  username: string,
  facility?: string,
): Promise<Page> {
  const password = await userWithPassword(server.sys, username, role, facility);
  const page = await browser.context.newPage();
  await loginViaUi(page, server.baseUrl, username, password);
  return page;
}

/** Logs out through the header button and closes the page; the browser keeps no cookie for the next login. */
export async function logoutAndClose(page: Page, baseUrl: string) {
  try {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('logout').click();
    await page.waitForURL('**/masuk');
  } finally {
    await page.close();
    await page.context().clearCookies();
  }
}

/**
 * One file's server and Chromium, and its page: with `user` ([role, username, facility?]) a new user
 * logged in through the form on it, else a blank page. Close them with closeE2e in the file's afterAll.
 */
export async function openE2e(
  opts: {
    env?: NodeJS.ProcessEnv;
    viewport?: { width: number; height: number };
    user?: [role: Parameters<System['access']['createUser']>[0]['role'], username: string, facility?: string];
  } = {},
): Promise<{ server: E2eServer; browser: E2eBrowser; page: Page }> {
  const server = await startServer(opts.env);
  const browser = await launchBrowser(opts.viewport ?? LAPTOP);
  const page = opts.user ? await newUserPage(server, browser, ...opts.user) : await browser.context.newPage();
  return { server, browser, page };
}

/** Closes what openE2e opened (whatever of it beforeAll got to) and removes the file's temporary directory. */
export async function closeE2e(browser: E2eBrowser | undefined, server: E2eServer | undefined, files?: string) {
  await browser?.close();
  await server?.close();
  if (files) fs.rmSync(files, { recursive: true, force: true });
}
