import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFacility, sessionFor, testEnv, type TestEnv } from '../helpers/system.js';

/**
 * The administrator's account management through HTTP: deactivation ends the
 * user's session and API tokens at once, reactivation lets them log in again,
 * role and facility changes respect the facility-scope rule, the signer profile
 * is validated, and every change is in the audit log.
 */
let t: TestEnv;
let admin: Awaited<ReturnType<typeof sessionFor>>;

const asAdmin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf } });

async function changePassword(s: Awaited<ReturnType<typeof sessionFor>>, next: string) {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    payload: { currentPassword: s.password, newPassword: next },
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
  });
  expect(r.statusCode, r.body).toBe(200);
}

async function auditOf(userId: number) {
  const r = await t.sys.db.query<{ action: string; details: Record<string, unknown> | null }>(
    `SELECT action, details FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id`,
    [String(userId)],
  );
  return r.rows;
}

beforeAll(async () => {
  t = await testEnv();
  await ensureFacility(t.sys, 'RS-USR-01');
  await ensureFacility(t.sys, 'PKM-USR-01', 'PPK1');
  admin = await sessionFor(t, 'admin');
  await changePassword(admin, 'AdminBaru12345');
});
afterAll(async () => {
  await t?.close();
});

describe('deactivate and reactivate', () => {
  it("ends a deactivated user's session and API token at once, and lets a reactivated user log in again", async () => {
    const officer = await sessionFor(t, 'sjp');
    await changePassword(officer, 'PetugasSjp2026');
    const token = await t.sys.access.createToken(officer.username);
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: officer.cookie } });
    const byToken = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/sjp', headers: { authorization: `Bearer ${token.token}` } });
    expect((await me()).statusCode).toBe(200);
    expect((await byToken()).statusCode).toBe(200);

    const short = await asAdmin('POST', `/api/v1/users/${officer.userId}/deactivate`, { reason: 'x' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('REASON_REQUIRED');
    const r = await asAdmin('POST', `/api/v1/users/${officer.userId}/deactivate`, {
      reason: 'Pindah tugas ke dinas lain',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ sessions: 1, tokens: 1 });
    // The very next request is refused: no cached credential survives.
    expect((await me()).statusCode).toBe(401);
    expect((await byToken()).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: officer.username, password: 'PetugasSjp2026' },
    });
    expect(login.statusCode).toBe(401);
    expect(
      (await asAdmin('POST', `/api/v1/users/${officer.userId}/deactivate`, { reason: 'sekali lagi' })).json().error
        .code,
    ).toBe('USER_ALREADY_DISABLED');

    expect((await asAdmin('POST', `/api/v1/users/${officer.userId}/reactivate`)).statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: officer.username, password: 'PetugasSjp2026' },
    });
    expect(again.statusCode, again.body).toBe(200);
    // The revoked token stays revoked: a new one must be made on purpose.
    expect((await byToken()).statusCode).toBe(401);
    const actions = (await auditOf(officer.userId)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.deactivate', 'user.reactivate']));
    expect((await auditOf(officer.userId)).find((a) => a.action === 'user.deactivate')!.details).toMatchObject({
      reason: 'Pindah tugas ke dinas lain',
      sessions: 1,
      tokens: 1,
    });
  });

  it('does not let an administrator deactivate or demote their own account', async () => {
    const self = await asAdmin('POST', `/api/v1/users/${admin.userId}/deactivate`, { reason: 'uji coba saja' });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('SELF_DEACTIVATION');
    const demote = await asAdmin('PATCH', `/api/v1/users/${admin.userId}`, { role: 'auditor' });
    expect(demote.json().error.code).toBe('SELF_ROLE_CHANGE');
  });
});

describe('role, facility and signer profile', () => {
  it('moves a hospital user to another facility and takes effect on their next request', async () => {
    const desk = await sessionFor(t, 'rumahsakit', 'RS-USR-01');
    await changePassword(desk, 'RumahSakit2026');
    const me = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: desk.cookie } })).json();
    expect((await me()).facilityCode).toBe('RS-USR-01');

    const unknown = await asAdmin('PATCH', `/api/v1/users/${desk.userId}`, { facilityCode: 'RS-TIDAK-ADA' });
    expect(unknown.statusCode).toBe(404);
    const none = await asAdmin('PATCH', `/api/v1/users/${desk.userId}`, { facilityCode: null });
    expect(none.json().error.code).toBe('FACILITY_REQUIRED');

    const moved = await asAdmin('PATCH', `/api/v1/users/${desk.userId}`, {
      role: 'puskesmas',
      facilityCode: 'PKM-USR-01',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await me()).toMatchObject({ role: 'puskesmas', facilityCode: 'PKM-USR-01' });

    // To an office role: the facility goes with it, as the table constraint requires.
    const office = await asAdmin('PATCH', `/api/v1/users/${desk.userId}`, { role: 'verifikator' });
    expect(office.statusCode, office.body).toBe(200);
    expect(await me()).toMatchObject({ role: 'verifikator', facilityCode: null });
    const wrong = await asAdmin('PATCH', `/api/v1/users/${desk.userId}`, { facilityCode: 'RS-USR-01' });
    expect(wrong.json().error.code).toBe('FACILITY_NOT_ALLOWED');

    const changes = (await auditOf(desk.userId)).filter((a) => a.action === 'user.update').map((a) => a.details);
    expect(changes).toEqual([
      { role: { from: 'rumahsakit', to: 'puskesmas' }, facilityCode: { from: 'RS-USR-01', to: 'PKM-USR-01' } },
      { role: { from: 'puskesmas', to: 'verifikator' }, facilityCode: { from: 'PKM-USR-01', to: null } },
    ]);
  });

  it('keeps the signer profile (full name, NIP of 18 digits, position) and finds users by it', async () => {
    const signer = await sessionFor(t, 'sjp');
    const bad = await asAdmin('PATCH', `/api/v1/users/${signer.userId}`, { nip: '1980 0101 2005' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_NIP');
    const ok = await asAdmin('PATCH', `/api/v1/users/${signer.userId}`, {
      fullName: 'dr. Ratna Wulandari',
      nip: '198001012005012001',
      position: 'Kepala Seksi Jaminan Kesehatan',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const found = (await asAdmin('GET', '/api/v1/users/search?q=wulandari')).json().users;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: signer.userId,
      full_name: 'dr. Ratna Wulandari',
      nip: '198001012005012001',
      position: 'Kepala Seksi Jaminan Kesehatan',
    });
    expect((await asAdmin('GET', '/api/v1/users/search?q=198001012005012001')).json().users).toHaveLength(1);
    // The audit names what changed, not the values (no personal data in the log).
    const last = (await auditOf(signer.userId)).at(-1)!;
    expect(last).toEqual({ action: 'user.update', details: { profile: ['fullName', 'nip', 'position'] } });
  });

  it('finds hospital users by the facility name', async () => {
    await t.sys.db.query(`UPDATE facility SET name = 'RSUD Kota Contoh' WHERE code = 'RS-USR-01'`);
    await sessionFor(t, 'rumahsakit', 'RS-USR-01');
    const users = (await asAdmin('GET', '/api/v1/users/search?q=rsud kota')).json().users;
    expect(users.length).toBeGreaterThan(0);
    expect(
      users.every(
        (u: { facility_code: string; facility_name: string }) =>
          u.facility_code === 'RS-USR-01' && u.facility_name === 'RSUD Kota Contoh',
      ),
    ).toBe(true);
  });
});
