import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/modules/access/rules/secrets.js';
import { BAD_CREDENTIALS_MESSAGE } from '../../src/modules/access/service.js';
import { POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { importFile, sessionFor, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
const logLines: string[] = [];
beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (c) => logLines.push(...String(c).split('\n').filter(Boolean)));
  t = await testEnv({ LOG_LEVEL: 'info', LOGIN_MAX_FAILURES: '3' }, { logStream: stream });
});
afterAll(async () => {
  await t?.close();
});

async function csrfPair() {
  const r = await t.app.inject({ method: 'GET', url: '/api/v1/auth/csrf' });
  return { cookie: `_csrf=${r.cookies.find((c) => c.name === '_csrf')!.value}`, token: r.json().token as string };
}

describe('login and sessions', () => {
  it('stores argon2id hashes, never the password', async () => {
    const u = await t.sys.access.createUser({ username: 'hash.check', role: 'kepesertaan' });
    const r = await t.sys.db.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE id = $1', [
      u.id,
    ]);
    expect(r.rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(r.rows[0]!.password_hash).not.toContain(u.oneTimePassword);
  });

  it('forces a one-time password to be changed before anything else', async () => {
    const s = await sessionFor(t, 'kepesertaan');
    const h = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: h });
    expect(me.json()).toMatchObject({ role: 'kepesertaan', mustChangePassword: true });
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/persons?q=BUDI', headers: h });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changeTo = (newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: h,
        payload: { currentPassword: s.password, newPassword },
      });
    const weak = await changeTo('pendek');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/minimal 10/);
    const ok = await changeTo('Sehat2026Bekasi');
    expect(ok.statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 10));
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/persons?q=BUDI', headers: h });
    expect(after.statusCode).toBe(200);
  });

  it('refuses state changes from a session without the CSRF token', async () => {
    const s = await sessionFor(t, 'admin');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: s.cookie },
      payload: { currentPassword: s.password, newPassword: 'Sehat2026Bekasi' },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('CSRF');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
      payload: { currentPassword: s.password, newPassword: 'Sehat2026Bekasi' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('locks an account after repeated failures, even against the right password', async () => {
    const u = await t.sys.access.createUser({ username: 'lock.me', role: 'sjp' });
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'lock.me', password: 'salah-salah-1' },
      });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('BAD_CREDENTIALS');
    }
    // Locked: refused with the very answer an unknown user gets, so the lock does not reveal the name.
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'lock.me', password: u.oneTimePassword },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'tidak.pernah.ada', password: u.oneTimePassword },
    });
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toEqual(unknown.json());
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'tidak.ada', password: 'apa-saja-123' },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toEqual({ code: 'BAD_CREDENTIALS', message: BAD_CREDENTIALS_MESSAGE });
  });

  it('ends a session at logout and when it expires', async () => {
    const s = await sessionFor(t, 'sjp');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(401);

    const { cookie: csrfCookie } = await csrfPair();
    const u = await t.sys.access.createUser({ username: 'expire.me', role: 'sjp' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'expire.me', password: u.oneTimePassword },
    });
    const session = login.cookies.find((c) => c.name === 'jk_session')!;
    await t.sys.db.query(`UPDATE user_session SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [u.id]);
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `${csrfCookie}; jk_session=${session.value}` },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.message).toMatch(/masuk/);
  });

  it('refuses a tampered session cookie', async () => {
    const s = await sessionFor(t, 'sjp');
    const tampered = s.cookie.replace(/jk_session=([^;.]+)/, 'jk_session=AAAA$1');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: tampered } })).statusCode,
    ).toBe(401);
  });

  it('stops a revoked API token at once', async () => {
    const tok = await tokenFor(t.sys, 'rumahsakit', 'RS-AUTH-01');
    const url = '/api/v1/eligibility?nik=3275011503800001';
    expect((await t.app.inject({ method: 'GET', url, headers: { authorization: tok.authorization } })).statusCode).toBe(
      200,
    );
    const row = await t.sys.db.query<{ id: number }>('SELECT id FROM api_token WHERE token_hash = $1', [
      hashSecret(tok.authorization.slice(7)),
    ]);
    const admin = await tokenFor(t.sys, 'admin');
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${row.rows[0]!.id}`,
      headers: { authorization: admin.authorization },
    });
    expect(del.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url, headers: { authorization: tok.authorization } })).statusCode).toBe(
      401,
    );
  });

  it('writes one line per request and no NIK, name or secret into the logs', async () => {
    const fam = family('3275010101900001', 'RAHASIA');
    await importFile(t, 'population', 'log.csv', csv(POP_HEADER, fam.map(popLine)), '2026-11-01');
    const tok = await tokenFor(t.sys, 'kepesertaan');
    logLines.length = 0;
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/eligibility?nik=${fam[0]!.nik}`,
      headers: { authorization: tok.authorization },
    });
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/persons/${fam[0]!.nik}`,
      headers: { authorization: tok.authorization },
    });
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/persons?q=BUDI%20RAHASIA`,
      headers: { authorization: tok.authorization },
    });
    const text = logLines.join('\n');
    expect(logLines.filter((l) => l.includes('"msg":"request"'))).toHaveLength(3);
    for (const secret of [fam[0]!.nik, 'RAHASIA', tok.authorization.slice(7), fam[0]!.noKk])
      expect(text).not.toContain(secret);
    expect(text).toContain('/api/v1/persons/:nik');
  });
});
