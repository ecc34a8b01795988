import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POP_HEADER, csv, family, nikFor, popLine } from '../helpers/fixtures.js';
import { testEnv, writeTemp, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
const [head, , child] = family('3275010101900101', 'MANDIRI');

const ask = (nik: string, birthDate: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/public/self-check', payload: { nik, birthDate }, remoteAddress: ip });

beforeAll(async () => {
  t = await testEnv();
  const file = writeTemp(t.dataDir, 'p.csv', csv(POP_HEADER, [head!, child!].map(popLine)));
  await (await t.sys.imports.start({ kind: 'population', filePath: file, fileName: path.basename(file), asOf: '2026-11-01', ownsFile: false })).done;
});
afterAll(async () => {
  await t?.close();
});

describe('POST /api/v1/public/self-check', () => {
  it('tells a resident their status without a login and without any name', async () => {
    const r = await ask(head!.nik, head!.birthDate);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'COVERED', card: 'NONE' });
    expect(r.body).not.toContain('MANDIRI');
    expect(r.body).not.toContain(head!.noKk);
    const c = (await ask(child!.nik, child!.birthDate)).json();
    expect(c.card).toBe('PENDING_EKTP');
    expect(c.nextSteps.join(' ')).toMatch(/e-KTP/);
  });

  it('gives a wrong birth date the same answer as an unknown NIK', async () => {
    const wrong = (await ask(head!.nik, '1980-03-16', '10.0.0.2')).json();
    const unknown = (await ask(nikFor('1991-01-01', 'L'), '1991-01-01', '10.0.0.2')).json();
    expect(wrong).toEqual(unknown);
    expect(wrong.status).toBe('NO_MATCH');
  });

  it('limits guessing per NIK, whatever the address', async () => {
    const nik = child!.nik;
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await ask(nik, '2000-01-01', `10.1.0.${i}`)).statusCode);
    // The earlier check of this NIK counts too: 5 an hour in all, so the 5th and 6th here are refused.
    expect(codes).toEqual([200, 200, 200, 200, 429, 429]);
    expect((await ask(nik, child!.birthDate, '10.1.1.1')).json().error.code).toBe('RATE_LIMITED');
  });

  it('refuses malformed input with a plain message and records each check', async () => {
    const bad = await ask('12345', '2000-01-01', '10.0.0.9');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/16 digit/);
    const a = await t.sys.db.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'selfcheck' AND entity_id = $1 AND ip = '10.0.0.1'`, [head!.nik]);
    expect(a.rows[0]!.n).toBe(1);
  });
});
