import { describe, expect, it } from 'vitest';
import { workingHoursBetween } from '../../../platform/calendar/rules/working-hours.js';
import { timeLeftLabel, workingDuration } from './duration.js';

describe('workingDuration', () => {
  it('writes days and hours, not decimal hours', () => {
    expect(workingDuration(56.91)).toBe('2 hari 8 jam kerja');
    expect(workingDuration(51)).toBe('2 hari 3 jam kerja');
    expect(workingDuration(72)).toBe('3 hari kerja');
    expect(workingDuration(25)).toBe('1 hari 1 jam kerja');
  });
  it('shows minutes only while less than a day is left, rounded down', () => {
    expect(workingDuration(3.5)).toBe('3 jam 30 menit kerja');
    expect(workingDuration(0.999)).toBe('59 menit kerja');
    expect(workingDuration(24.5)).toBe('1 hari kerja');
    expect(workingDuration(0.001)).toBe('kurang dari 1 menit kerja');
  });
  it('refuses a value that is not a number', () => {
    expect(() => workingDuration(Number.NaN)).toThrow(RangeError);
  });
});

describe('timeLeftLabel', () => {
  it('says what is left, or how far past the deadline it is', () => {
    expect(timeLeftLabel(51)).toBe('sisa 2 hari 3 jam kerja');
    expect(timeLeftLabel(-4.25)).toBe('lewat 4 jam 15 menit kerja');
  });
  it('counts with the calendar rules: a weekend in between does not add days', () => {
    // Friday 2026-11-20 10:00 WIB to Monday 2026-11-23 13:00 WIB: 14 h on Friday + 13 h on Monday.
    const h = workingHoursBetween(
      new Date('2026-11-20T10:00:00+07:00'),
      new Date('2026-11-23T13:00:00+07:00'),
      new Set(),
    );
    expect(timeLeftLabel(h)).toBe('sisa 1 hari 3 jam kerja');
  });
});
