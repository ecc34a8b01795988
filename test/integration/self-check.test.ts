import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POP_HEADER, csv, family, nikFor, popLine } from '../helpers/fixtures.js';
import { importFile, testEnv, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
const [head, , child] = family('3275010101900101', 'MANDIRI');
// The NIK carries the birth date (digits 7-12): anyone holding a NIK can work it out.
const birthDateInNik = (nik: string) =>
  `19${nik.slice(10, 12)}-${nik.slice(8, 10)}-${String(Number(nik.slice(6, 8)) % 40).padStart(2, '0')}`;

const KK = '3275010101900101';
const OTHER_KK = '3275010101900199';
const ask = (nik: string, noKk: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/public/self-check', payload: { nik, noKk }, remoteAddress: ip });

beforeAll(async () => {
  t = await testEnv();
  await importFile(t, 'population', 'p.csv', csv(POP_HEADER, [head!, child!].map(popLine)), '2026-11-01');
});
afterAll(async () => {
  await t?.close();
});

describe('POST /api/v1/public/self-check', () => {
  it('tells a resident their status without a login and without any name', async () => {
    const r = await ask(head!.nik, head!.noKk);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'COVERED', card: 'NONE' });
    expect(r.body).not.toContain('MANDIRI');
    expect(r.body).not.toContain(head!.noKk);
    const c = (await ask(child!.nik, '3275 0101 0190 0101')).json();
    expect(c.card).toBe('PENDING_EKTP');
    expect(c.nextSteps.join(' ')).toMatch(/e-KTP/);
  });

  it('gives a wrong family card number the same answer as an unknown NIK', async () => {
    const wrong = (await ask(head!.nik, OTHER_KK, '10.0.0.2')).json();
    const unknown = (await ask(nikFor('1991-01-01', 'L'), KK, '10.0.0.2')).json();
    expect(wrong).toEqual(unknown);
    expect(wrong.status).toBe('NO_MATCH');
    expect(wrong.nextSteps.join(' ')).toMatch(/Nomor KK/);
  });

  it('no longer answers to what the NIK itself reveals: the birth date is not a second factor', async () => {
    expect(birthDateInNik(head!.nik)).toBe(head!.birthDate);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/self-check',
      payload: { nik: head!.nik, birthDate: head!.birthDate },
      remoteAddress: '10.0.0.3',
    });
    expect(old.statusCode).toBe(400);
    // Nor does the NIK stand in for the KK number.
    expect((await ask(head!.nik, head!.nik, '10.0.0.3')).json().status).toBe('NO_MATCH');
  });

  it('limits guessing per NIK, whatever the address', async () => {
    const nik = child!.nik;
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await ask(nik, `32750101019001${String(i).padStart(2, '0')}`, `10.1.0.${i}`)).statusCode);
    // The earlier check of this NIK counts too: 5 an hour in all, so the 5th and 6th here are refused.
    expect(codes).toEqual([200, 200, 200, 200, 429, 429]);
    expect((await ask(nik, child!.noKk, '10.1.1.1')).json().error.code).toBe('RATE_LIMITED');
  });

  it('refuses malformed input with a plain message and records each check', async () => {
    const bad = await ask('12345', KK, '10.0.0.9');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/16 digit/);
    const badKk = await ask(head!.nik, '1234', '10.0.0.9');
    expect(badKk.statusCode).toBe(400);
    expect(badKk.json().error).toMatchObject({ code: 'INVALID_KK' });
    expect(badKk.json().error.message).toMatch(/Kartu Keluarga/);
    const a = await t.sys.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'selfcheck' AND entity_id = $1 AND ip = '10.0.0.1'`,
      [head!.nik],
    );
    expect(a.rows[0]!.n).toBe(1);
  });
});
