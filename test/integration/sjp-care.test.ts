import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, createWorkingCalendar, todayJakarta } from '../../src/platform/calendar/index.js';
import { POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { importFile, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';
import { createTestAgreement } from '../helpers/factories.js';

const RS = 'RS-CARE-01';
const RS2 = 'RS-CARE-02';
let t: TestEnv;
let rs: string;
let rs2: string;
let officer: string;
const today = todayJakarta();
const fam = family('3275010101800001', 'PERAWATAN');
const ago = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const inject = (auth: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: auth }, payload });

beforeAll(async () => {
  t = await testEnv();
  rs = (await tokenFor(t.sys, 'rumahsakit', RS)).authorization;
  rs2 = (await tokenFor(t.sys, 'rumahsakit', RS2)).authorization;
  officer = (await tokenFor(t.sys, 'sjp')).authorization;
  await createTestAgreement(t.sys, RS, {
    number: 'PKS/CARE/1',
    validFrom: addDays(today, -100),
    validTo: addDays(today, 100),
    services: ['RAWAT_INAP', 'RAWAT_JALAN'],
  });
  await importFile(t, 'population', 'p.csv', csv(POP_HEADER, fam.map(popLine)), addDays(today, -10));
});
afterAll(async () => {
  await t?.close();
});

describe('during a guaranteed stay (SJP-5, SJP-6, SJP-7)', () => {
  let id: number;
  beforeAll(async () => {
    const r = await inject(rs, 'POST', '/api/v1/sjp', {
      nik: fam[0]!.nik,
      careType: 'INPATIENT',
      admittedAt: ago(30),
      diagnosisCode: 'I21.9',
      submit: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().id;
  });

  it('incidental approvals: the hospital asks, the officer decides; a discharge on a holiday is handled the next working day', async () => {
    const a = await inject(rs, 'POST', `/api/v1/sjp/${id}/actions`, {
      kind: 'MEDICAL_ACTION',
      unit: 'ICU',
      description: 'Pemasangan ventilator',
      plannedOn: today,
    });
    expect(a.statusCode, a.body).toBe(201);
    const discharge = await inject(rs, 'POST', `/api/v1/sjp/${id}/actions`, {
      kind: 'DISCHARGE',
      unit: 'ICU',
      description: 'Rencana pulang',
      plannedOn: '2026-12-25',
    });
    const cal = await t.sys.calendar.calendar();
    const d = discharge.json().actions.find((x: { kind: string }) => x.kind === 'DISCHARGE');
    expect(d.handledOn).toBe(cal.workingDayOnOrAfter('2026-12-25'));
    expect(d.handledOn).toBe(createWorkingCalendar().workingDayOnOrAfter('2026-12-25'));
    expect(JSON.stringify((await inject(officer, 'GET', '/api/v1/notifications')).json())).toContain(
      'sjp.action_requested',
    );
    const actionId = a.json().actions[0].id;
    expect(
      (await inject(rs, 'POST', `/api/v1/sjp/${id}/actions/${actionId}/decide`, { approve: true })).statusCode,
    ).toBe(403);
    expect(
      (await inject(officer, 'POST', `/api/v1/sjp/${id}/actions/${actionId}/decide`, { approve: false })).json().error
        .code,
    ).toBe('SJP_ACTION_NOTE');
    const ok = await inject(officer, 'POST', `/api/v1/sjp/${id}/actions/${actionId}/decide`, {
      approve: true,
      note: 'Sesuai indikasi',
    });
    expect(ok.json().actions[0]).toMatchObject({ status: 'APPROVED', decisionNote: 'Sesuai indikasi' });
    expect(
      (await inject(officer, 'POST', `/api/v1/sjp/${id}/actions/${actionId}/decide`, { approve: true })).statusCode,
    ).toBe(409);
    expect(JSON.stringify((await inject(rs, 'GET', '/api/v1/notifications')).json())).toContain('sjp.action_approved');
  });

  it('deposits are recorded with checked amounts and dates', async () => {
    const ok = await inject(rs, 'POST', `/api/v1/sjp/${id}/deposits`, { amount: 1_500_000, paidOn: today });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().deposits).toEqual([expect.objectContaining({ amount: 1_500_000, paidOn: today })]);
    const bad = await inject(rs, 'POST', `/api/v1/sjp/${id}/deposits`, { amount: -5, paidOn: addDays(today, 3) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('SJP_DEPOSIT_INVALID');
  });

  it('above-class placement because class III is full is recorded and announced', async () => {
    const r = await inject(rs, 'POST', `/api/v1/sjp/${id}/placement`, { placedClass: 'II', since: ago(1) });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ placedClass: 'II', careClass: 'III' });
    expect(JSON.stringify((await inject(officer, 'GET', '/api/v1/notifications')).json())).toContain('sjp.above_class');
  });

  it('another hospital can do none of it', async () => {
    for (const [url, body] of [
      [`/api/v1/sjp/${id}/actions`, { kind: 'MEDICAL_ACTION', unit: 'ICU', description: 'Tindakan', plannedOn: today }],
      [`/api/v1/sjp/${id}/deposits`, { amount: 1000, paidOn: today }],
      [`/api/v1/sjp/${id}/placement`, { placedClass: 'I', since: ago(1) }],
    ] as const) {
      expect((await inject(rs2, 'POST', url, body)).statusCode, url).toBe(404);
    }
  });

  it('a self-pay patient switching mid-stay: the guarantee and its clock start at the cost cut-off', async () => {
    const admittedAt = ago(100);
    const cutoff = ago(2);
    const r = await inject(rs, 'POST', '/api/v1/sjp', {
      nik: fam[1]!.nik,
      careType: 'INPATIENT',
      admittedAt,
      costCutoffAt: cutoff,
      diagnosisCode: 'A09',
      submit: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    const cal = await t.sys.calendar.calendar();
    expect(r.json().dueAt).toBe(cal.addWorkingHours(new Date(cutoff), 72).toISOString());
    expect(r.json().lateHours).toBe(0);
    expect(r.json().costCutoffAt).toBe(new Date(cutoff).toISOString());
    const bad = await inject(rs, 'POST', '/api/v1/sjp', {
      nik: fam[2]!.nik,
      careType: 'INPATIENT',
      admittedAt: ago(5),
      costCutoffAt: ago(10),
      diagnosisCode: 'A09',
    });
    expect(bad.json().error.code).toBe('SJP_CUTOFF');
  });
});
