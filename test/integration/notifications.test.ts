import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/platform/notifications/notifications.js';
import { testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
let rsA: string;
let rsB: string;
let sjp: string;
const list = (auth: string, unread = false) =>
  t.app
    .inject({ method: 'GET', url: `/api/v1/notifications?unread=${unread}`, headers: { authorization: auth } })
    .then((r) => r.json());

beforeAll(async () => {
  t = await testEnv();
  rsA = (await tokenFor(t.sys, 'rumahsakit', 'RS-NOTIF-A')).authorization;
  rsB = (await tokenFor(t.sys, 'rumahsakit', 'RS-NOTIF-B')).authorization;
  sjp = (await tokenFor(t.sys, 'sjp')).authorization;
  await t.sys.db.tx(async (tx) => {
    await notify(tx, { role: 'sjp' }, { kind: 'sjp.submitted', title: 'Permohonan SJP baru', link: '/sjp/1' });
    await notify(
      tx,
      { role: 'rumahsakit', facilityCode: 'RS-NOTIF-A' },
      { kind: 'sjp.completion_asked', title: 'Lengkapi KK', link: '/sjp/1' },
    );
    // A reminder with the same key reaches its audience once.
    await notify(tx, { role: 'sjp' }, { kind: 'sjp.late', title: 'Terlambat', dedupeKey: 'sjp:1:late' });
    expect(
      await notify(tx, { role: 'sjp' }, { kind: 'sjp.late', title: 'Terlambat', dedupeKey: 'sjp:1:late' }),
    ).toBeNull();
  });
});
afterAll(async () => {
  await t?.close();
});

describe('in-app notifications', () => {
  it("reach a role's users, and a facility's users only within that facility", async () => {
    expect((await list(sjp)).items.map((n: { title: string }) => n.title)).toEqual([
      'Terlambat',
      'Permohonan SJP baru',
    ]);
    expect((await list(rsA)).items.map((n: { title: string }) => n.title)).toEqual(['Lengkapi KK']);
    expect((await list(rsB)).items).toEqual([]);
  });

  it('are marked read per user', async () => {
    const before = await list(sjp);
    expect(before.unread).toBe(2);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      headers: { authorization: sjp },
      payload: { ids: [before.items[0].id] },
    });
    expect(r.json().marked).toBe(1);
    expect((await list(sjp)).unread).toBe(1);
    expect((await list(sjp, true)).items.map((n: { title: string }) => n.title)).toEqual(['Permohonan SJP baru']);
    // Another facility cannot mark (or learn about) this one.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      headers: { authorization: rsB },
      payload: { ids: [before.items[0].id] },
    });
    expect(other.statusCode).toBe(404);
  });
});
