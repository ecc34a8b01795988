import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jakartaDateTime, jakartaInstant } from './jakarta.js';
import {
  addWorkingHours,
  isWorkingDay,
  nextWorkingDay,
  workingDayOnOrAfter,
  workingHoursBetween,
} from './working-hours.js';

const at = (date: string, time = '00:00') => jakartaInstant(date, time);
const wib = (d: Date) => jakartaDateTime(d).iso.slice(0, 16);
const none = new Set<string>();

describe('working days (pure, weekends only)', () => {
  it('Monday–Friday work, Saturday and Sunday do not', () => {
    expect(isWorkingDay('2026-02-06', none)).toBe(true); // Friday
    expect(isWorkingDay('2026-02-07', none)).toBe(false);
    expect(isWorkingDay('2026-02-08', none)).toBe(false);
    expect(isWorkingDay('2026-02-09', new Set(['2026-02-09']))).toBe(false);
  });

  it('next working day skips the weekend and listed days off', () => {
    expect(nextWorkingDay('2026-02-06', none)).toBe('2026-02-09');
    expect(nextWorkingDay('2026-02-09', none)).toBe('2026-02-10');
    expect(nextWorkingDay('2026-02-06', new Set(['2026-02-09', '2026-02-10']))).toBe('2026-02-11');
    expect(workingDayOnOrAfter('2026-02-09', none)).toBe('2026-02-09');
    expect(workingDayOnOrAfter('2026-02-07', none)).toBe('2026-02-09');
  });

  it('refuses a calendar without any working day instead of looping', () => {
    const everything = { has: () => true };
    expect(() => addWorkingHours(at('2026-02-09'), 1, everything)).toThrow(RangeError);
    expect(() => nextWorkingDay('2026-02-09', everything)).toThrow(RangeError);
  });
});

describe('addWorkingHours (3×24 jam kerja)', () => {
  it('Friday 15:00 + 72 h ends Wednesday 15:00', () => {
    expect(wib(addWorkingHours(at('2026-02-06', '15:00'), 72, none))).toBe('2026-02-11T15:00');
  });

  it('Saturday 10:00 starts Monday 00:00 and ends Wednesday 24:00 = Thursday 00:00', () => {
    expect(wib(addWorkingHours(at('2026-02-07', '10:00'), 72, none))).toBe('2026-02-12T00:00');
    expect(wib(addWorkingHours(at('2026-02-08', '23:59'), 72, none))).toBe('2026-02-12T00:00');
  });

  it('counts every hour of a working day, night included', () => {
    expect(wib(addWorkingHours(at('2026-02-09', '23:30'), 72, none))).toBe('2026-02-12T23:30');
    expect(wib(addWorkingHours(at('2026-02-10', '02:15'), 72, none))).toBe('2026-02-13T02:15');
  });

  it('a night admission on Thursday runs over the weekend', () => {
    // Thu 22:00: 2 h, Fri 24 h, Mon 24 h, Tue 22 h.
    expect(wib(addWorkingHours(at('2026-02-05', '22:00'), 72, none))).toBe('2026-02-10T22:00');
  });

  it('a deadline ending at midnight after Friday is Saturday 00:00, not Monday', () => {
    expect(wib(addWorkingHours(at('2026-02-04'), 72, none))).toBe('2026-02-07T00:00');
    expect(wib(addWorkingHours(at('2026-02-09'), 120, none))).toBe('2026-02-14T00:00');
  });

  it('skips listed days off', () => {
    const off = new Set(['2026-02-10', '2026-02-11']);
    expect(wib(addWorkingHours(at('2026-02-09', '12:00'), 24, off))).toBe('2026-02-12T12:00');
  });

  it('zero hours is the start itself, even on a weekend', () => {
    const sat = at('2026-02-07', '10:00');
    expect(addWorkingHours(sat, 0, none).getTime()).toBe(sat.getTime());
  });

  it('handles fractional hours to the millisecond', () => {
    expect(addWorkingHours(at('2026-02-09', '08:00'), 1.5, none).toISOString()).toBe(
      at('2026-02-09', '09:30').toISOString(),
    );
  });

  it('rejects negative, infinite and NaN hours and invalid dates', () => {
    expect(() => addWorkingHours(at('2026-02-09'), -1, none)).toThrow(RangeError);
    expect(() => addWorkingHours(at('2026-02-09'), Number.POSITIVE_INFINITY, none)).toThrow(RangeError);
    expect(() => addWorkingHours(at('2026-02-09'), Number.NaN, none)).toThrow(RangeError);
    expect(() => addWorkingHours(new Date('x'), 1, none)).toThrow(RangeError);
  });
});

describe('workingHoursBetween', () => {
  it('Friday 15:00 to Monday 09:00 is 18 working hours', () => {
    expect(workingHoursBetween(at('2026-02-06', '15:00'), at('2026-02-09', '09:00'), none)).toBe(18);
  });

  it('a weekend alone is zero', () => {
    expect(workingHoursBetween(at('2026-02-07', '00:00'), at('2026-02-09', '00:00'), none)).toBe(0);
  });

  it('is negative when the end is before the start, and never -0', () => {
    expect(workingHoursBetween(at('2026-02-09', '09:00'), at('2026-02-06', '15:00'), none)).toBe(-18);
    expect(Object.is(workingHoursBetween(at('2026-02-08'), at('2026-02-07'), none), 0)).toBe(true);
  });

  it('gives fractions', () => {
    expect(workingHoursBetween(at('2026-02-09', '08:00'), at('2026-02-09', '08:45'), none)).toBe(0.75);
  });
});

describe('properties', () => {
  const off = new Set([
    '2026-02-16',
    '2026-02-17',
    '2026-03-18',
    '2026-03-19',
    '2026-03-20',
    '2026-03-23',
    '2026-03-24',
    '2026-12-25',
    '2027-01-01',
  ]);
  const instant = fc.date({
    min: new Date('2025-12-01T00:00:00Z'),
    max: new Date('2027-02-01T00:00:00Z'),
    noInvalidDate: true,
  });
  const hours = fc.double({ min: 0, max: 500, noNaN: true, noDefaultInfinity: true });

  it('workingHoursBetween(s, addWorkingHours(s, h)) = h', () => {
    fc.assert(
      fc.property(instant, hours, (s, h) => {
        expect(Math.abs(workingHoursBetween(s, addWorkingHours(s, h, off), off) - h)).toBeLessThan(1e-6);
      }),
      { numRuns: 500 },
    );
  });

  it('the deadline is the earliest instant: a millisecond earlier is not enough', () => {
    fc.assert(
      fc.property(instant, fc.double({ min: 0.01, max: 500, noNaN: true }), (s, h) => {
        const d = addWorkingHours(s, h, off);
        expect(workingHoursBetween(s, new Date(d.getTime() - 1), off)).toBeLessThan(h);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic in hours and in start, and never before the start', () => {
    fc.assert(
      fc.property(instant, instant, hours, hours, (a, b, h1, h2) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        const [lo, hi] = h1 <= h2 ? [h1, h2] : [h2, h1];
        expect(addWorkingHours(s1, lo, off).getTime()).toBeLessThanOrEqual(addWorkingHours(s1, hi, off).getTime());
        expect(addWorkingHours(s1, lo, off).getTime()).toBeLessThanOrEqual(addWorkingHours(s2, lo, off).getTime());
        expect(addWorkingHours(s1, lo, off).getTime()).toBeGreaterThanOrEqual(s1.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('working hours add up over consecutive intervals and are antisymmetric', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const whole = workingHoursBetween(a, c, off);
        expect(Math.abs(whole - workingHoursBetween(a, b, off) - workingHoursBetween(b, c, off))).toBeLessThan(1e-9);
        expect(workingHoursBetween(c, a, off)).toBe(whole === 0 ? 0 : -whole);
        expect(whole).toBeLessThanOrEqual((c.getTime() - a.getTime()) / 3_600_000 + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
