import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/platform/http/permissions.js';
import { testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

/**
 * Who may call what, written out by hand (not derived from the permission
 * table) so that a change to either shows up here.
 */
const DESK: Role[] = ['kepesertaan', 'sjp', 'verifikator', 'puskesmas', 'rumahsakit', 'dinsos'];
const MATRIX: { method: 'GET' | 'POST' | 'DELETE'; url: string; body?: unknown; allowed: Role[] | 'all' }[] = [
  { method: 'GET', url: '/api/v1/eligibility?nik=3275011503800001', allowed: DESK },
  { method: 'POST', url: '/api/v1/eligibility/batch', body: { niks: ['3275011503800001'] }, allowed: DESK },
  { method: 'GET', url: '/api/v1/persons?q=BUDI', allowed: ['kepesertaan', 'sjp', 'verifikator', 'dinsos'] },
  { method: 'GET', url: '/api/v1/persons/3275011503800001', allowed: ['kepesertaan', 'sjp', 'verifikator', 'dinsos'] },
  { method: 'GET', url: '/api/v1/families/3275010101100001', allowed: ['kepesertaan', 'sjp', 'verifikator', 'dinsos'] },
  { method: 'POST', url: '/api/v1/imports/population', allowed: ['kepesertaan', 'dukcapil'] },
  { method: 'GET', url: '/api/v1/imports/population/1/report', allowed: ['kepesertaan', 'dukcapil'] },
  { method: 'POST', url: '/api/v1/imports/jkn', allowed: ['kepesertaan'] },
  { method: 'GET', url: '/api/v1/imports/jkn/1/report', allowed: ['kepesertaan'] },
  { method: 'POST', url: '/api/v1/imports/poverty', allowed: ['dinsos', 'kepesertaan'] },
  { method: 'GET', url: '/api/v1/imports/poverty/1/report', allowed: ['dinsos', 'kepesertaan'] },
  { method: 'GET', url: '/api/v1/imports', allowed: ['kepesertaan', 'dukcapil', 'dinsos', 'pimpinan', 'auditor'] },
  { method: 'GET', url: '/api/v1/users', allowed: ['admin'] },
  { method: 'POST', url: '/api/v1/users', body: { username: 'x', role: 'admin' }, allowed: ['admin'] },
  { method: 'GET', url: '/api/v1/tokens', allowed: ['admin'] },
  { method: 'DELETE', url: '/api/v1/tokens/999999', allowed: ['admin'] },
  { method: 'GET', url: '/api/v1/audit', allowed: ['admin', 'auditor'] },
  { method: 'GET', url: '/api/v1/settings/program', allowed: ['admin', 'kepesertaan', 'sjp', 'pimpinan', 'auditor'] },
  { method: 'POST', url: '/api/v1/settings/program', body: { effectiveFrom: '2030-01-01', bases: [], excludedSegments: [] }, allowed: ['admin'] },
  { method: 'DELETE', url: '/api/v1/settings/program/999999', allowed: ['admin'] },
  { method: 'POST', url: '/api/v1/calendar/days-off', body: { date: '2026-12-24', name: 'Cuti', kind: 'CUTI_BERSAMA' }, allowed: ['admin'] },
  { method: 'GET', url: '/api/v1/calendar/days-off?year=2026', allowed: 'all' },
  { method: 'GET', url: '/api/v1/areas/3275', allowed: 'all' },
  { method: 'GET', url: '/api/v1/auth/me', allowed: 'all' },
];

let t: TestEnv;
const auth = new Map<Role, string>();
beforeAll(async () => {
  t = await testEnv();
  for (const role of ROLES) {
    const facility = role === 'puskesmas' ? 'PKM-TEST-01' : role === 'rumahsakit' ? 'RS-TEST-01' : undefined;
    auth.set(role, (await tokenFor(t.sys, role, facility)).authorization);
  }
});
afterAll(async () => {
  await t?.close();
});

describe('role × endpoint matrix', () => {
  for (const e of MATRIX) {
    it(`${e.method} ${e.url.split('?')[0]}`, async () => {
      const outcomes: string[] = [];
      for (const role of ROLES) {
        const r = await t.app.inject({ method: e.method, url: e.url, headers: { authorization: auth.get(role)! }, payload: e.body as object });
        const allowed = e.allowed === 'all' || e.allowed.includes(role);
        const refused = r.statusCode === 403 || r.statusCode === 401;
        if (allowed === refused) outcomes.push(`${role}: ${r.statusCode} ${r.body.slice(0, 120)}`);
      }
      expect(outcomes, 'roles whose access differs from the matrix').toEqual([]);
    });
    it(`${e.method} ${e.url.split('?')[0]} without credentials is 401`, async () => {
      const r = await t.app.inject({ method: e.method, url: e.url, payload: e.body as object });
      expect(r.statusCode).toBe(401);
    });
  }
});
