import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POP_HEADER, csv, nikFor, popLine } from '../helpers/fixtures.js';
import { importFile, multipartRequest, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
let admin: string;
let desk: string;
const mk = (name: string, kk: string) => ({
  nik: nikFor('1970-05-05', 'L'),
  noKk: kk,
  name,
  sex: 'L' as const,
  birthDate: '1970-05-05',
  relation: 'KEPALA KELUARGA',
});
const poor = mk('MISKIN', '3275010101950001');
const better = mk('MAMPU', '3275010101950002');
const inactive = mk('TIDAKAKTIF', '3275010101950003');

const check = async (nik: string, date: string) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/eligibility?nik=${nik}&date=${date}`,
      headers: { authorization: desk },
    })
  ).json();
const poorOnly = {
  effectiveFrom: '2030-01-01',
  bases: ['POOR'],
  excludedSegments: ['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA'],
  note: 'Uji program khusus miskin',
};
const schedule = () =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/settings/program',
    headers: { authorization: admin },
    payload: poorOnly,
  });

beforeAll(async () => {
  t = await testEnv();
  admin = (await tokenFor(t.sys, 'admin')).authorization;
  desk = (await tokenFor(t.sys, 'puskesmas', 'PKM-POV-01')).authorization;
  await importFile(t, 'population', 'p.csv', csv(POP_HEADER, [poor, better, inactive].map(popLine)), '2026-11-01');
});
afterAll(async () => {
  await t?.close();
});

describe('DTKS poverty data and the poor-only basis', () => {
  it('refuses a poor-only program while no poverty data is loaded', async () => {
    const r = await schedule();
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toMatch(/DTKS/);
  });

  it('loads the DTKS file with its row rules and reports unknown NIKs', async () => {
    const lines = [
      'nik;desil;status;tanggal_penetapan',
      `${poor.nik};2;AKTIF;2025-06-01`,
      `${better.nik};7;AKTIF;`,
      `${inactive.nik};1;NONAKTIF;`,
      `${nikFor('1999-09-09', 'P')};3;AKTIF;`,
      `${nikFor('1988-08-08', 'L')};11;AKTIF;`,
    ];
    const dinsos = (await tokenFor(t.sys, 'dinsos')).authorization;
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/poverty',
      ...multipartRequest({ asOf: '2026-11-01' }, { name: 'dtks.csv', content: `${lines.join('\n')}\n` }, dinsos),
    });
    expect(up.statusCode).toBe(202);
    let job: { status: string; result: Record<string, unknown> };
    do {
      await new Promise((r) => setTimeout(r, 50));
      job = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/jobs/${up.json().jobId}`,
          headers: { authorization: dinsos },
        })
      ).json();
    } while (job.status === 'queued' || job.status === 'running');
    expect(job).toMatchObject({ status: 'succeeded', result: { accepted: 4, rejected: 1, unknownNik: 1 } });
    // The job names no server path (issue 10); the report comes from its download route.
    expect(job.result.reportPath).toBeUndefined();
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/poverty/${job.result.importId}/report`,
      headers: { authorization: dinsos },
    });
    expect(download.statusCode).toBe(200);
    const report = download.body;
    expect(report).toMatch(/6,desil,11,Desil harus bilangan 1 sampai 10\.,DITOLAK/);
    expect(report).toMatch(/5,nik,\d{16},"?NIK tidak terdapat dalam data penduduk[^\n]*PERINGATAN/);
    expect(download.headers['content-disposition']).toMatch(/laporan-impor-poverty-/);
  });

  it('covers only the poor from the scheduled date on, and says why the others are not', async () => {
    expect((await schedule()).statusCode).toBe(201);
    for (const p of [poor, better, inactive]) expect((await check(p.nik, '2029-12-31')).basis).toBe('RESIDENT');
    const a = await check(poor.nik, '2030-01-02');
    expect(a).toMatchObject({ eligible: true, basis: 'POOR', rule: { code: 'MEM-3.P' } });
    const b = await check(better.nik, '2030-01-02');
    expect(b.eligible).toBe(false);
    expect(b.reasons.find((r: { code: string }) => r.code === 'NOT_POOR').message).toMatch(/desil 7/);
    expect((await check(inactive.nik, '2030-01-02')).reasons.map((r: { code: string }) => r.code)).toContain(
      'NOT_POOR',
    );
  });
});
