import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/platform/http/permissions.js';
import { testEnv, tokenFor, type TestEnv } from './system.js';

export interface MatrixRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** Roles that get past authorization ('all' = every logged-in role). */
  allowed: readonly Role[] | 'all';
}

/**
 * Walks every role over every row: a role outside `allowed` must get 403 and a
 * role inside must not; no credentials must get 401. Matrices are written out
 * by hand (not derived from the permission table) so a change to either shows.
 */
export function describeAccessMatrix(title: string, matrix: readonly MatrixRow[]) {
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

  describe(title, () => {
    for (const e of matrix) {
      it(`${e.method} ${e.url.split('?')[0]}`, async () => {
        const outcomes: string[] = [];
        for (const role of ROLES) {
          const r = await t.app.inject({
            method: e.method,
            url: e.url,
            headers: { authorization: auth.get(role)! },
            payload: e.body as object,
          });
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
}
