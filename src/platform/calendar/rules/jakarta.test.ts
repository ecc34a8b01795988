import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  formatJakarta,
  isValidIsoDate,
  isWeekend,
  jakartaDate,
  jakartaDateTime,
  jakartaInstant,
  todayJakarta,
} from './jakarta.js';

describe('Asia/Jakarta dates', () => {
  it('puts an instant on the Jakarta calendar date (UTC+7)', () => {
    expect(jakartaDate(new Date('2026-03-19T16:59:59.999Z'))).toBe('2026-03-19');
    expect(jakartaDate(new Date('2026-03-19T17:00:00Z'))).toBe('2026-03-20');
    expect(jakartaDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(todayJakarta(new Date('2026-06-30T20:00:00Z'))).toBe('2026-07-01');
  });

  it('gives wall-clock parts and an ISO text with the +07:00 offset', () => {
    const p = jakartaDateTime(new Date('2026-03-20T08:05:09Z'));
    expect(p).toEqual({
      date: '2026-03-20',
      time: '15:05',
      year: 2026,
      month: 3,
      day: 20,
      hour: 15,
      minute: 5,
      second: 9,
      iso: '2026-03-20T15:05:09+07:00',
    });
    expect(formatJakarta(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01T00:00:00+07:00');
  });

  it('turns a Jakarta wall-clock time into an instant', () => {
    expect(jakartaInstant('2026-03-20').toISOString()).toBe('2026-03-19T17:00:00.000Z');
    expect(jakartaInstant('2026-03-20', '15:00').toISOString()).toBe('2026-03-20T08:00:00.000Z');
    expect(jakartaInstant('2026-03-20', '23:59:30').toISOString()).toBe('2026-03-20T16:59:30.000Z');
    expect(() => jakartaInstant('2026-03-20', '24:00')).toThrow(RangeError);
    expect(() => jakartaInstant('2026-02-30')).toThrow(RangeError);
  });

  it('validates calendar dates strictly', () => {
    expect(isValidIsoDate('2026-03-20')).toBe(true);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-4-1')).toBe(false);
    expect(isValidIsoDate('2026-03-20T00:00')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });

  it('adds days across month, leap-day and year boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-20', 0)).toBe('2026-03-20');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('knows the day of the week (0 = Sunday)', () => {
    expect(dayOfWeek('2026-03-20')).toBe(5); // Friday, Idul Fitri
    expect(dayOfWeek('2026-03-22')).toBe(0);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0);
    expect(isWeekend('2026-03-21')).toBe(true);
    expect(isWeekend('2026-03-23')).toBe(false);
  });
});
