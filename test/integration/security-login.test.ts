import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { testEnv, type TestEnv } from '../helpers/system.js';

/** The attack probe's findings on login and client addresses, replayed through HTTP. */
let t: TestEnv;
let behindProxy: TestEnv;
beforeAll(async () => {
  t = await testEnv({ LOGIN_MAX_FAILURES: '5' });
  behindProxy = await testEnv({ TRUST_PROXY: '127.0.0.1, 10.1.0.0/16' });
});
afterAll(async () => {
  await t?.close();
  await behindProxy?.close();
});

const login = (
  env: TestEnv,
  username: string,
  password: string,
  remoteAddress = '203.0.113.7',
  forwardedFor?: string,
) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

async function auditIps(env: TestEnv, userId: number) {
  await env.sys.audit.flush();
  const r = await env.sys.db.query<{ ip: string }>(
    `SELECT ip FROM audit_log WHERE action = 'auth.login_failed' AND entity_id = $1 ORDER BY id`,
    [String(userId)],
  );
  return r.rows.map((x) => x.ip);
}

describe('lockout under a burst of guesses', () => {
  it('verifies no more than LOGIN_MAX_FAILURES passwords when 60 wrong ones arrive at once', async () => {
    const u = await t.sys.access.createUser({ username: 'serbu.sekaligus', role: 'sjp' });
    // Sixty addresses, so the per-address limit is not what stops them.
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login(t, 'serbu.sekaligus', `tebakan-salah-${i}`, `198.51.100.${i + 1}`)),
    );
    expect(answers.every((r) => r.statusCode === 401)).toBe(true);
    // One audited failure per password actually checked: exactly the limit.
    expect(await auditIps(t, u.id)).toHaveLength(5);
    const row = await t.sys.db.query<{ failed_logins: number; locked: boolean }>(
      'SELECT failed_logins, locked_until > now() AS locked FROM app_user WHERE id = $1',
      [u.id],
    );
    expect(row.rows[0]).toEqual({ failed_logins: 5, locked: true });
    // Even the right password is refused now.
    expect((await login(t, 'serbu.sekaligus', u.oneTimePassword, '192.0.2.50')).statusCode).toBe(401);
  });

  it('answers a locked account exactly as an unknown one, after the same password work', async () => {
    const u = await t.sys.access.createUser({ username: 'terkunci.sama', role: 'sjp' });
    for (let i = 0; i < 5; i++) await login(t, 'terkunci.sama', `salah-${i}-xxxxx`, '192.0.2.60');
    const timed = async (username: string, password: string) => {
      const start = performance.now();
      const r = await login(t, username, password, '192.0.2.61');
      return { r, ms: performance.now() - start };
    };
    const locked = await timed('terkunci.sama', u.oneTimePassword);
    const unknown = await timed('tidak.terdaftar', u.oneTimePassword);
    const wrong = await timed(u.username, 'salah-lagi-xxxxx');
    expect(locked.r.statusCode).toBe(401);
    expect(unknown.r.statusCode).toBe(401);
    expect(locked.r.json()).toEqual(unknown.r.json());
    expect(locked.r.json().error.code).toBe('BAD_CREDENTIALS');
    // An answer without the argon2 work would come back in a millisecond or two; with it, both
    // cost the order of a real verification.
    const floor = Math.min(wrong.ms, 15) * 0.3;
    expect(locked.ms).toBeGreaterThan(floor);
    expect(unknown.ms).toBeGreaterThan(floor);
  });

  it('lets the right password in before the limit, and counts afresh after the lock ends', async () => {
    const u = await t.sys.access.createUser({ username: 'hampir.kunci', role: 'sjp' });
    for (let i = 0; i < 4; i++)
      expect((await login(t, 'hampir.kunci', `salah-${i}-xxxxx`, '192.0.2.70')).statusCode).toBe(401);
    expect((await login(t, 'hampir.kunci', u.oneTimePassword, '192.0.2.70')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) await login(t, 'hampir.kunci', `salah-${i}-yyyyy`, '192.0.2.71');
    expect((await login(t, 'hampir.kunci', u.oneTimePassword, '192.0.2.71')).statusCode).toBe(401);
    await t.sys.db.query(`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1`, [u.id]);
    expect((await login(t, 'hampir.kunci', u.oneTimePassword, '192.0.2.71')).statusCode).toBe(200);
  });
});

describe('client address: X-Forwarded-For only from a configured proxy', () => {
  it('ignores a spoofed X-Forwarded-For by default: the audit records the real peer', async () => {
    const u = await t.sys.access.createUser({ username: 'alamat.palsu', role: 'sjp' });
    await login(t, 'alamat.palsu', 'salah-sekali-xx', '203.0.113.9', '1.2.3.4');
    expect(await auditIps(t, u.id)).toEqual(['203.0.113.9']);
  });

  it('keeps the per-address login limit when every request claims another address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++)
      codes.push((await login(t, 'siapa.saja', 'apa-saja-123', '203.0.113.99', `100.64.0.${i + 1}`)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('keeps the per-address self-check limit when every request claims another address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/self-check',
        payload: { nik: '3275010101900101', noKk: '3275010101000001' },
        remoteAddress: '203.0.113.98',
        headers: { 'x-forwarded-for': `100.64.1.${i + 1}` },
      });
      codes.push(r.statusCode);
    }
    expect(codes[20]).toBe(429);
  });

  it('believes X-Forwarded-For from a configured proxy, and only from it', async () => {
    const u = await behindProxy.sys.access.createUser({ username: 'lewat.proxy', role: 'sjp' });
    await login(behindProxy, 'lewat.proxy', 'salah-sekali-xx', '127.0.0.1', '198.51.100.23');
    await login(behindProxy, 'lewat.proxy', 'salah-sekali-xx', '10.1.4.2', '198.51.100.24');
    await login(behindProxy, 'lewat.proxy', 'salah-sekali-xx', '203.0.113.5', '198.51.100.25');
    expect(await auditIps(behindProxy, u.id)).toEqual(['198.51.100.23', '198.51.100.24', '203.0.113.5']);
  });

  it('refuses a TRUST_PROXY that is not a list of addresses or ranges', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '::1, 192.168.0.0/24' }).trustProxy).toEqual(['::1', '192.168.0.0/24']);
  });
});
