import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, jakartaInstant } from '../../../platform/calendar/index.js';
import { actionProblem, cutoffProblem, depositProblems, handledOn, placementProblem } from './incidental.js';

const cal = createWorkingCalendar(['2026-12-24']);

describe('SJP-5 incidental approvals', () => {
  it('handles a discharge on a holiday or weekend on the next working day', () => {
    expect(handledOn('DISCHARGE', '2026-12-25', cal)).toBe('2026-12-28'); // Christmas Friday → Monday
    expect(handledOn('DISCHARGE', '2026-12-24', cal)).toBe('2026-12-28'); // cuti bersama, then Christmas and the weekend
    expect(handledOn('DISCHARGE', '2026-12-23', cal)).toBe('2026-12-23');
    expect(handledOn('MEDICAL_ACTION', '2026-12-26', cal)).toBe('2026-12-26');
  });
  it('only for a stay in progress or approved', () => {
    expect(actionProblem('OUTPATIENT', 'APPROVED')).toMatch(/rawat inap/);
    expect(actionProblem('INPATIENT', 'REJECTED')).toMatch(/diproses/);
    expect(actionProblem('NEWBORN', 'APPROVED')).toBeNull();
  });
});

describe('SJP-6 deposits and cost cut-off', () => {
  it('checks amount and date', () => {
    expect(depositProblems({ amount: 500_000, paidOn: '2026-11-20' }, '2026-11-19', '2026-11-22')).toEqual([]);
    expect(depositProblems({ amount: 0, paidOn: '2026-11-18' }, '2026-11-19', '2026-11-22')).toHaveLength(2);
    expect(depositProblems({ amount: 10.5, paidOn: '2026-11-23' }, '2026-11-19', '2026-11-22')).toHaveLength(2);
  });
  it('puts the cut-off within the stay', () => {
    const adm = jakartaInstant('2026-11-19', '10:00');
    const now = jakartaInstant('2026-11-22', '10:00');
    expect(cutoffProblem(jakartaInstant('2026-11-20', '00:00'), adm, now)).toBeNull();
    expect(cutoffProblem(jakartaInstant('2026-11-19', '09:00'), adm, now)).toMatch(/sebelum waktu masuk/);
    expect(cutoffProblem(jakartaInstant('2026-11-23', '00:00'), adm, now)).toMatch(/masa depan/);
  });
});

describe('SJP-7 above-class placement', () => {
  it('is recorded for stays only', () => {
    expect(placementProblem('OUTPATIENT', 'APPROVED')).not.toBeNull();
    expect(placementProblem('INPATIENT', 'APPROVED')).toBeNull();
    expect(placementProblem('INPATIENT', 'CANCELLED')).not.toBeNull();
  });
});
