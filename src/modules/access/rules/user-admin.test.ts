import { describe, expect, it } from 'vitest';
import { nipProblem, scopeProblem, selfChangeProblem } from './user-admin.js';

describe('scopeProblem', () => {
  it('binds facility staff to one facility and office staff to none', () => {
    expect(scopeProblem({ role: 'rumahsakit', facilityCode: 'RS-01' })).toBeNull();
    expect(scopeProblem({ role: 'sjp', facilityCode: null })).toBeNull();
    expect(scopeProblem({ role: 'puskesmas', facilityCode: null })?.code).toBe('FACILITY_REQUIRED');
    expect(scopeProblem({ role: 'kepesertaan', facilityCode: 'RS-01' })?.code).toBe('FACILITY_NOT_ALLOWED');
    expect(scopeProblem({ role: 'root' as never, facilityCode: null })?.code).toBe('INVALID_ROLE');
  });
});

describe('nipProblem', () => {
  it('accepts 18 digits or nothing', () => {
    expect(nipProblem('198001012005011001')).toBeNull();
    expect(nipProblem(null)).toBeNull();
    expect(nipProblem('')).toBeNull();
    expect(nipProblem('19800101 200501 1 001')?.code).toBe('INVALID_NIP');
    expect(nipProblem('12345')?.code).toBe('INVALID_NIP');
  });
});

describe('selfChangeProblem', () => {
  it('keeps an administrator from locking themselves out', () => {
    expect(selfChangeProblem(1, 1, { deactivate: true, currentRole: 'admin' })?.code).toBe('SELF_DEACTIVATION');
    expect(selfChangeProblem(1, 1, { role: 'auditor', currentRole: 'admin' })?.code).toBe('SELF_ROLE_CHANGE');
    expect(selfChangeProblem(1, 1, { role: 'admin', currentRole: 'admin' })).toBeNull();
    expect(selfChangeProblem(1, 2, { deactivate: true, currentRole: 'admin' })).toBeNull();
  });
});
