import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from './calendar.js';
import { jakartaDateTime, jakartaInstant } from './rules/jakarta.js';

const at = (date: string, time = '00:00') => jakartaInstant(date, time);
const wib = (d: Date) => jakartaDateTime(d).iso.slice(0, 16);

/** Cuti bersama around Nyepi/Idul Fitri and Ascension 2026, as a test assumption (the SKB sets the real ones). */
const CUTI_BERSAMA_2026 = ['2026-03-18', '2026-03-23', '2026-03-24', '2026-05-15'];

describe('working calendar with national holidays', () => {
  const national = createWorkingCalendar();
  const withCuti = createWorkingCalendar(CUTI_BERSAMA_2026);

  it('national holidays and extra days off are not working days', () => {
    expect(national.isWorkingDay('2026-03-20')).toBe(false); // Idul Fitri (Friday)
    expect(national.isWorkingDay('2026-03-19')).toBe(false); // Nyepi
    expect(national.isWorkingDay('2026-03-23')).toBe(true);
    expect(withCuti.isWorkingDay('2026-03-23')).toBe(false);
    expect(national.isWorkingDay('2026-03-25')).toBe(true);
  });

  it('Idul Fitri 2026 without cuti bersama: Tuesday 10:00 + 72 h ends the next Tuesday 10:00', () => {
    // Tue 17: 14 h, Wed 18: 24 h, Thu 19–Sun 22 off, Mon 23: 24 h, Tue 24: 10 h.
    expect(wib(national.addWorkingHours(at('2026-03-17', '10:00'), 72))).toBe('2026-03-24T10:00');
  });

  it('Idul Fitri 2026 with cuti bersama: the clock stops from Wednesday 18 to Tuesday 24', () => {
    // Tue 17: 14 h, then Wed 25: 24 h, Thu 26: 24 h, Fri 27: 10 h.
    expect(wib(withCuti.addWorkingHours(at('2026-03-17', '10:00'), 72))).toBe('2026-03-27T10:00');
    expect(withCuti.workingHoursBetween(at('2026-03-17', '10:00'), at('2026-03-27', '10:00'))).toBe(72);
    expect(withCuti.workingHoursBetween(at('2026-03-18'), at('2026-03-25'))).toBe(0);
  });

  it('an admission during the Lebaran break starts counting on the first working day', () => {
    expect(wib(withCuti.addWorkingHours(at('2026-03-20', '21:00'), 72))).toBe('2026-03-28T00:00');
    expect(withCuti.nextWorkingDay('2026-03-17')).toBe('2026-03-25');
    expect(withCuti.workingDayOnOrAfter('2026-03-21')).toBe('2026-03-25');
  });

  it('Friday-afternoon admissions before a long weekend', () => {
    // Thu 2 Apr 15:00: 9 h; Good Friday 3 Apr and the weekend off; Mon 24, Tue 24, Wed 15 h.
    expect(wib(national.addWorkingHours(at('2026-04-02', '15:00'), 72))).toBe('2026-04-08T15:00');
    // Fri 13 Feb 16:00 before Imlek (Tue 17 Feb): 8 h, Mon 16 24 h, Wed 18 24 h, Thu 19 16 h.
    expect(wib(national.addWorkingHours(at('2026-02-13', '16:00'), 72))).toBe('2026-02-19T16:00');
  });

  it('Ascension Thursday with a cuti bersama Friday', () => {
    // Wed 13 May 16:00: 8 h; Thu 14–Sun 17 off; Mon 24, Tue 24, Wed 16 h.
    expect(wib(withCuti.addWorkingHours(at('2026-05-13', '16:00'), 72))).toBe('2026-05-20T16:00');
  });

  it('start on a holiday: Christmas Friday counts from Monday 00:00', () => {
    expect(wib(national.addWorkingHours(at('2026-12-25', '08:00'), 72))).toBe('2026-12-31T00:00');
  });

  it("across the year boundary, with 2027's holidays looked up on demand", () => {
    // Wed 30 Dec 12:00: 12 h; Thu 31: 24 h; 1 Jan holiday, weekend; Mon 4: 24 h; Tue 5 Jan 2027 Isra Mi'raj; Wed 6: 12 h.
    expect(wib(national.addWorkingHours(at('2026-12-30', '12:00'), 72))).toBe('2027-01-06T12:00');
    expect(national.workingHoursBetween(at('2026-12-30', '12:00'), at('2027-01-06', '12:00'))).toBe(72);
    expect(national.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
  });

  it('counts hours left until a deadline, negative once overdue', () => {
    const admitted = at('2026-03-17', '10:00');
    const deadline = withCuti.addWorkingHours(admitted, 72);
    expect(withCuti.workingHoursBetween(at('2026-03-26', '10:00'), deadline)).toBe(24);
    // Deadline Fri 27 10:00; by Mon 30 10:00 it is 14 h (Friday) + 10 h (Monday) overdue.
    expect(withCuti.workingHoursBetween(at('2026-03-30', '10:00'), deadline)).toBe(-24);
  });
});
