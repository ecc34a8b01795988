import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { createPgDb } from '../../src/platform/db/pg.js';
import type { Db } from '../../src/platform/db/index.js';
import { ACK_WAIT_MS } from '../../src/modules/access/credential-cache.js';
import { hashSecret } from '../../src/modules/access/rules/secrets.js';
import { createServer, createSystem, type System } from '../../src/system.js';
import type { App } from '../../src/platform/http/app.js';
import { ENGINE, freshDb } from '../helpers/system.js';

/**
 * The probe ran two server processes on one PostgreSQL: a token revoked on one kept working on
 * the other for 29 s, a logged-out session for up to 5 s. Here two servers, each with its own
 * pool, listener and credential cache, share one database: what one revokes, the other refuses
 * on the very next request. PGlite has a single process, so there is nothing to cross.
 */
interface Node {
  sys: System;
  app: App;
  db: Db;
}
let a: Node;
let b: Node;
let dataDir: string;
let drop: () => Promise<void>;
let dbB: Db | null = null;

async function node(db: Db): Promise<Node> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const sys = await createSystem(config, { db, log: () => {} });
  const app = await createServer(sys);
  await app.ready();
  return { sys, app, db };
}

beforeAll(async () => {
  if (ENGINE !== 'pg') return;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-revoke-'));
  const fresh = await freshDb();
  drop = fresh.drop;
  a = await node(fresh.db);
  dbB = createPgDb(fresh.url!, 4);
  b = await node(dbB);
});
afterAll(async () => {
  if (ENGINE !== 'pg') return;
  for (const n of [b, a]) {
    await n?.app.close();
    await n?.sys.close();
  }
  await dbB?.close();
  await drop?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const me = (n: Node, headers: Record<string, string>) =>
  n.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

/**
 * Warms B's cache with the credential and proves the cache is in use: with the credential
 * revoked behind the service's back (plain SQL, no notice), B still lets it through. Without
 * this, a refusal below could come from a cache that was simply off.
 */
async function provenCachedOnB(headers: Record<string, string>, revokeQuietly: string, restore: string) {
  const until = Date.now() + 5_000;
  for (;;) {
    expect((await me(b, headers)).statusCode).toBe(200);
    await a.db.query(revokeQuietly);
    const cached = (await me(b, headers)).statusCode === 200;
    await a.db.query(restore);
    if (cached) return;
    if (Date.now() > until) throw new Error('B never cached the credential (listener not connected?)');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** provenCachedOnB for the sessions `where` picks: ended by their expiry in the database alone, then restored. */
const sessionsProvenCachedOnB = (headers: Record<string, string>, where: string) =>
  provenCachedOnB(
    headers,
    `UPDATE user_session SET expires_at = now() WHERE ${where}`,
    `UPDATE user_session SET expires_at = now() + interval '1 hour' WHERE ${where}`,
  );

/**
 * Runs the revoking request on A and checks it was confirmed by every process, not released by
 * the wait's time limit (by then B's cache entry would have lapsed anyway, proving nothing).
 */
async function confirmed<T>(revoke: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const r = await revoke();
  expect(performance.now() - start).toBeLessThan(ACK_WAIT_MS);
  return r;
}

async function login(n: Node, username: string, password: string) {
  const csrf = await n.app.inject({ method: 'GET', url: '/api/v1/auth/csrf' });
  const r = await n.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  expect(r.statusCode).toBe(200);
  const session = r.cookies.find((c) => c.name === 'jk_session')!.value;
  return {
    cookie: `_csrf=${csrf.cookies.find((c) => c.name === '_csrf')!.value}; jk_session=${session}`,
    csrf: csrf.json().token as string,
  };
}

describe.runIf(ENGINE === 'pg')('revocation across two server processes on one PostgreSQL', () => {
  it('a token revoked on one server is refused by the other on the next request', async () => {
    await a.sys.access.createUser({ username: 'admin.revoke', role: 'admin' });
    const tok = await a.sys.access.createToken('admin.revoke');
    const admin = await a.sys.access.createToken('admin.revoke', 'pencabut');
    const h = { authorization: `Bearer ${tok.token}` };
    const id = tok.id;
    await provenCachedOnB(
      h,
      `UPDATE api_token SET revoked_at = now() WHERE id = ${id}`,
      `UPDATE api_token SET revoked_at = NULL WHERE id = ${id}`,
    );

    const del = await confirmed(() =>
      a.app.inject({
        method: 'DELETE',
        url: `/api/v1/tokens/${id}`,
        headers: { authorization: `Bearer ${admin.token}` },
      }),
    );
    expect(del.statusCode).toBe(200);
    expect((await me(b, h)).statusCode).toBe(401);
  });

  it('a logout on one server ends the session on the other at once', async () => {
    const u = await a.sys.access.createUser({ username: 'keluar.dua', role: 'kepesertaan' });
    const s = await login(a, 'keluar.dua', u.oneTimePassword);
    const h = { cookie: s.cookie };
    const uid = u.id;
    await sessionsProvenCachedOnB(h, `user_id = ${uid}`);

    const out = await confirmed(() =>
      a.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      }),
    );
    expect(out.statusCode).toBe(200);
    expect((await me(b, h)).statusCode).toBe(401);
  });

  it('a password change on one server ends the user’s other sessions on the other at once', async () => {
    const u = await a.sys.access.createUser({ username: 'ganti.dua', role: 'sjp' });
    const here = await login(a, 'ganti.dua', u.oneTimePassword);
    const elsewhere = await login(b, 'ganti.dua', u.oneTimePassword);
    const h = { cookie: elsewhere.cookie };
    const sessionHash = hashSecret(
      decodeURIComponent(elsewhere.cookie.split('jk_session=')[1]!).replace(/\.[^.]+$/, ''),
    );
    await sessionsProvenCachedOnB(h, `token_hash = '${sessionHash}'`);

    const change = await confirmed(() =>
      a.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie: here.cookie, 'x-csrf-token': here.csrf },
        payload: { currentPassword: u.oneTimePassword, newPassword: 'Sehat2026Bekasi' },
      }),
    );
    expect(change.statusCode).toBe(200);
    expect((await me(b, h)).statusCode).toBe(401);
    // The session that changed the password goes on, without the one-time flag, on both servers.
    expect((await me(b, { cookie: here.cookie })).json()).toMatchObject({ mustChangePassword: false });
  });

  it('a password reset by the admin on one server ends the sessions on the other at once', async () => {
    const u = await a.sys.access.createUser({ username: 'reset.dua', role: 'sjp' });
    const s = await login(b, 'reset.dua', u.oneTimePassword);
    const h = { cookie: s.cookie };
    const uid = u.id;
    await sessionsProvenCachedOnB(h, `user_id = ${uid}`);
    const admin = await a.sys.access.createToken('admin.revoke', 'reset');
    const r = await confirmed(() =>
      a.app.inject({
        method: 'POST',
        url: `/api/v1/users/${uid}/reset-password`,
        headers: { authorization: `Bearer ${admin.token}` },
      }),
    );
    expect(r.statusCode).toBe(200);
    expect((await me(b, h)).statusCode).toBe(401);
  });
});
