import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config.js';
import { createPgDb } from '../../src/platform/db/pg.js';
import { createPgliteDb } from '../../src/platform/db/pglite.js';
import type { Db } from '../../src/platform/db/index.js';
import type { Role } from '../../src/platform/http/permissions.js';
import { createServer, createSystem, type System } from '../../src/system.js';
import type { App } from '../../src/platform/http/app.js';
import { ensureFacility } from './factories.js';

/** Re-exported: the integration tests have always taken it from here. */
export { ensureFacility };

/** Which engine this test run uses: the vitest project says (JK_TEST_ENGINE); PostgreSQL needs TEST_DATABASE_URL. */
export const ENGINE: 'pg' | 'pglite' = process.env.JK_TEST_ENGINE === 'pg' ? 'pg' : 'pglite';

/** A fresh database: in-memory PGlite, or a new database on the TEST_DATABASE_URL server dropped afterwards. */
export async function freshDb(): Promise<{ db: Db; url: string | null; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (ENGINE === 'pglite' || !url) {
    const db = await createPgliteDb(null);
    return { db, url: null, drop: () => db.close() };
  }
  const name = `jk_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = createPgDb(u.toString(), 10);
  return {
    db,
    url: u.toString(),
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export interface TestEnv {
  sys: System;
  app: App;
  dataDir: string;
  close: () => Promise<void>;
}

export async function testEnv(
  env: Record<string, string> = {},
  opts: { logStream?: NodeJS.WritableStream } = {},
): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-test-'));
  const { db, drop } = await freshDb();
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
  const sys = await createSystem(config, { db, log: () => {} });
  const app = await createServer(sys, opts);
  await app.ready();
  return {
    sys,
    app,
    dataDir,
    close: async () => {
      await app.close();
      await sys.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new user of the role with a random name; a facility-scoped role's facility is registered first. */
async function newUser(sys: System, role: Role, facilityCode?: string) {
  const username = `${role}-${crypto.randomBytes(3).toString('hex')}`;
  if (facilityCode) await ensureFacility(sys, facilityCode, role === 'puskesmas' ? 'PPK1' : 'PPK2');
  const user = await sys.access.createUser({ username, role, facilityCode: facilityCode ?? null });
  return { username, user };
}

/** A user of the role with an API token; returns the Authorization header. */
export async function tokenFor(
  sys: System,
  role: Role,
  facilityCode?: string,
): Promise<{ authorization: string; username: string }> {
  const { username } = await newUser(sys, role, facilityCode);
  const t = await sys.access.createToken(username);
  return { authorization: `Bearer ${t.token}`, username };
}

/** Logs in through the API as a browser would; returns cookie + CSRF headers for later requests. */
export async function sessionFor(t: TestEnv, role: Role, facilityCode?: string) {
  const { username, user: u } = await newUser(t.sys, role, facilityCode);
  const csrfRes = await t.app.inject({ method: 'GET', url: '/api/v1/auth/csrf' });
  const csrfCookie = csrfRes.cookies.find((c) => c.name === '_csrf')!;
  const token = csrfRes.json().token as string;
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: u.oneTimePassword },
  });
  const session = login.cookies.find((c) => c.name === 'jk_session')!;
  const cookie = `_csrf=${csrfCookie.value}; jk_session=${session.value}`;
  return { username, password: u.oneTimePassword, cookie, csrf: token, userId: u.id };
}

export function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

/** An inject() request body and headers for a multipart form with one file (field "file"). */
export function multipartRequest(
  fields: Record<string, string>,
  file: { name: string; content: string | Buffer; type?: string },
  authorization?: string,
) {
  const boundary = '----jamkesda-test';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
    ),
  );
  parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (authorization) headers.authorization = authorization;
  return { payload: Buffer.concat(parts), headers };
}

/** Runs an import job to its end (the first population import applies at once). */
export async function importFile(
  t: Pick<TestEnv, 'sys' | 'dataDir'>,
  kind: 'population' | 'jkn' | 'poverty',
  name: string,
  content: string,
  asOf: string,
) {
  return importPath(t.sys, kind, writeTemp(t.dataDir, name, content), asOf);
}

/** Runs an import of a file already on disk to its end, under the file's own name; resolves to the job's summary. */
export async function importPath<R = Record<string, unknown>>(
  sys: Pick<System, 'imports'>,
  kind: 'population' | 'jkn' | 'poverty',
  filePath: string,
  asOf: string,
): Promise<R> {
  const fileName = path.basename(filePath);
  const { done } = await sys.imports.start({ kind, filePath, fileName, asOf, ownsFile: false });
  return (await done) as R;
}

/** A background job once it has finished (succeeded or failed); throws after 30 s. */
export async function waitForJob(sys: Pick<System, 'jobs'>, id: number) {
  for (let i = 0; i < 300; i++) {
    const job = await sys.jobs.get(id);
    if (job && (job.status === 'succeeded' || job.status === 'failed')) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not finish');
}
