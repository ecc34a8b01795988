import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, jakartaInstant } from '../../../platform/calendar/index.js';
import { dueAt, lateHours, queueBuckets, reminderFor, submissionRefusal } from './deadline.js';

const at = (date: string, time: string) => jakartaInstant(date, time);
const plain = createWorkingCalendar();

describe('SJP-1 deadlines (3×24 working hours)', () => {
  it('skips the weekend: Friday afternoon admission is due Wednesday afternoon', () => {
    expect(dueAt('INPATIENT', at('2026-11-20', '15:00'), plain)).toEqual(at('2026-11-25', '15:00'));
  });

  it('counts the night of a working day: Tuesday 23:30 is due Friday 23:30', () => {
    expect(dueAt('INPATIENT', at('2026-11-24', '23:30'), plain)).toEqual(at('2026-11-27', '23:30'));
  });

  it('an admission on Saturday starts counting on Monday and ends Wednesday 24:00', () => {
    expect(dueAt('EMERGENCY', at('2026-11-21', '10:00'), plain)).toEqual(at('2026-11-26', '00:00'));
  });

  it('skips a national holiday (Christmas, Friday 25 December 2026)', () => {
    expect(dueAt('INPATIENT', at('2026-12-24', '10:00'), plain)).toEqual(at('2026-12-30', '10:00'));
  });

  it('skips a collective leave day (cuti bersama) the administrator added', () => {
    const withLeave = createWorkingCalendar(['2026-12-24']);
    expect(dueAt('INPATIENT', at('2026-12-23', '10:00'), plain)).toEqual(at('2026-12-29', '10:00'));
    expect(dueAt('INPATIENT', at('2026-12-23', '10:00'), withLeave)).toEqual(at('2026-12-30', '10:00'));
  });

  it('newborn papers follow the same clock; outpatient papers are due before the visit', () => {
    expect(dueAt('NEWBORN', at('2026-11-20', '15:00'), plain)).toEqual(at('2026-11-25', '15:00'));
    expect(dueAt('OUTPATIENT', at('2026-11-20', '08:00'), plain)).toEqual(at('2026-11-20', '08:00'));
  });
});

describe('lateness and the late policy', () => {
  it('is zero on time and counts only working hours when late', () => {
    const due = at('2026-11-25', '15:00');
    expect(lateHours(due, at('2026-11-25', '15:00'), plain)).toBe(0);
    expect(lateHours(due, at('2026-11-26', '15:00'), plain)).toBe(24);
    // Friday 20:00 → Monday 02:00: 4 h on Friday, the weekend does not count, 2 h on Monday.
    expect(lateHours(at('2026-11-27', '20:00'), at('2026-11-30', '02:00'), plain)).toBe(6);
  });

  it('refuses a late submission only when the setting says so', () => {
    expect(submissionRefusal(0, 'REFUSE')).toBeNull();
    expect(submissionRefusal(3.5, 'ACCEPT')).toBeNull();
    expect(submissionRefusal(3.5, 'REFUSE')).toMatch(/terlambat 3,5 jam kerja/);
  });
});

describe('officer queues and reminders', () => {
  it('sorts open requests into late, due soon, awaiting completion and to decide', () => {
    expect(queueBuckets({ status: 'DRAFT', hoursLeft: -1, lateHours: null })).toEqual(['LATE']);
    expect(queueBuckets({ status: 'DRAFT', hoursLeft: 10, lateHours: null })).toEqual(['DUE_SOON']);
    expect(queueBuckets({ status: 'DRAFT', hoursLeft: 50, lateHours: null })).toEqual([]);
    expect(queueBuckets({ status: 'NEEDS_COMPLETION', hoursLeft: 30, lateHours: 0 })).toEqual(['AWAITING_COMPLETION']);
    expect(queueBuckets({ status: 'SUBMITTED', hoursLeft: -5, lateHours: 0 })).toEqual(['TO_DECIDE']);
    expect(queueBuckets({ status: 'SUBMITTED', hoursLeft: -5, lateHours: 2 })).toEqual(['LATE', 'TO_DECIDE']);
    expect(queueBuckets({ status: 'APPROVED', hoursLeft: -5, lateHours: 2 })).toEqual([]);
  });

  it('reminds 4 working hours before the deadline and once late, only while papers are pending', () => {
    expect(reminderFor({ status: 'DRAFT', hoursLeft: 3.9 })).toBe('soon');
    expect(reminderFor({ status: 'NEEDS_COMPLETION', hoursLeft: -0.1 })).toBe('late');
    expect(reminderFor({ status: 'DRAFT', hoursLeft: 4.5 })).toBeNull();
    expect(reminderFor({ status: 'SUBMITTED', hoursLeft: -3 })).toBeNull();
  });
});
