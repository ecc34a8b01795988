import { describe, expect, it } from 'vitest';
import { STATUSES } from '../labels.js';
import { DEFAULT_VALIDITY_DAYS, REJECT_CODES, letterNumber, transitionProblem, type SjpAction } from './status.js';

describe('transitionProblem (SJP-3)', () => {
  const allowed: Record<SjpAction, string[]> = {
    submit: ['DRAFT', 'NEEDS_COMPLETION'],
    attach: ['DRAFT', 'NEEDS_COMPLETION'],
    approve: ['SUBMITTED'],
    ask_completion: ['SUBMITTED'],
    reject: ['SUBMITTED', 'NEEDS_COMPLETION'],
    cancel: ['DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION'],
    expire: ['APPROVED'],
  };
  for (const [action, from] of Object.entries(allowed) as [SjpAction, string[]][]) {
    it(`${action} only from ${from.join(', ')}`, () => {
      for (const status of STATUSES) {
        const problem = transitionProblem(status, action);
        if (from.includes(status)) expect(problem, status).toBeNull();
        else expect(problem, status).toMatch(/^Permintaan SJP berstatus "/);
      }
    });
  }
  it('names the current status and the allowed ones in Bahasa Indonesia', () => {
    expect(transitionProblem('APPROVED', 'submit')).toBe(
      'Permintaan SJP berstatus "Disetujui"; tindakan ini hanya untuk status "Draf" atau "Perlu dilengkapi".',
    );
    expect(transitionProblem('REJECTED', 'approve')).toBe(
      'Permintaan SJP berstatus "Ditolak"; tindakan ini hanya untuk status "Diajukan".',
    );
  });
  it('a closed request allows nothing but expiry of an approved letter', () => {
    for (const status of ['REJECTED', 'CANCELLED', 'EXPIRED'] as const)
      for (const action of Object.keys(allowed) as SjpAction[])
        expect(transitionProblem(status, action)).not.toBeNull();
  });
});

describe('letterNumber', () => {
  it('pads the serial to five digits: <seq>/SJP/DINKES/<year>', () => {
    expect(letterNumber(7, 2026)).toBe('00007/SJP/DINKES/2026');
    expect(letterNumber(12345, 2027)).toBe('12345/SJP/DINKES/2027');
  });
});

describe('codes and defaults', () => {
  it('the rejection codes are stable (the claim reads them)', () => {
    expect(REJECT_CODES).toEqual([
      'NOT_ELIGIBLE',
      'DOCUMENTS_INVALID',
      'LATE',
      'NOT_COVERED',
      'DUPLICATE',
      'ABOVE_CLASS_REQUEST',
      'OTHER',
    ]);
  });
  it('every care type has a default validity of 30 days', () => {
    expect(DEFAULT_VALIDITY_DAYS).toEqual({ OUTPATIENT: 30, INPATIENT: 30, EMERGENCY: 30, NEWBORN: 30 });
  });
});
