import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../platform/calendar/index.js';
import {
  bedReportAgeHours,
  checkBeds,
  emergencyOnTime,
  monthlyDueDate,
  monthlyStatus,
  nextMonth,
  periodEnded,
} from './deadlines.js';

const cal = createWorkingCalendar();
const working = (d: string) => cal.isWorkingDay(d);

describe('monthly report due date (the 5th of the next month)', () => {
  it('is the 5th when that is a working day', () => {
    // 5 March 2026 is a Thursday.
    expect(monthlyDueDate('2026-02', working)).toBe('2026-03-05');
  });
  it('moves a Saturday 5th to Monday', () => {
    // 5 September 2026 is a Saturday.
    expect(monthlyDueDate('2026-08', working)).toBe('2026-09-07');
  });
  it('moves a Sunday 5th to Monday', () => {
    // 5 July 2026 is a Sunday.
    expect(monthlyDueDate('2026-06', working)).toBe('2026-07-06');
  });
  it('crosses the year for December and skips a national holiday on the 5th', () => {
    // 5 January 2027 is a Tuesday but Isra Mi'raj; the deadline is Wednesday the 6th.
    expect(monthlyDueDate('2026-12', working)).toBe('2027-01-06');
    expect(monthlyDueDate('2026-12', () => true)).toBe('2027-01-05');
    expect(nextMonth('2026-12')).toBe('2027-01');
  });
  it('skips an extra day off on the 5th and the weekend after it', () => {
    // 5 June 2026 is a Friday; with it off the deadline becomes Monday the 8th.
    const withLeave = createWorkingCalendar(['2026-06-05']);
    expect(monthlyDueDate('2026-05', (d) => withLeave.isWorkingDay(d))).toBe('2026-06-08');
  });
});

describe('monthly report status', () => {
  it('on time up to and including the due date, late after', () => {
    expect(monthlyStatus('2026-09-07', '2026-09-07', '2026-10-01')).toBe('ON_TIME');
    expect(monthlyStatus('2026-09-08', '2026-09-07', '2026-10-01')).toBe('LATE');
  });
  it('missing only once the due date has passed', () => {
    expect(monthlyStatus(null, '2026-09-07', '2026-09-07')).toBe('NOT_DUE');
    expect(monthlyStatus(null, '2026-09-07', '2026-09-08')).toBe('MISSING');
  });
  it('a month can be reported from the first of the next month', () => {
    expect(periodEnded('2026-08', '2026-08-31')).toBe(false);
    expect(periodEnded('2026-08', '2026-09-01')).toBe(true);
  });
});

describe('emergency report clock (72 working hours)', () => {
  it('a Friday-evening admission is due three working days later, not on Monday', () => {
    const admitted = new Date('2026-03-06T20:00:00+07:00'); // Friday night
    const due = cal.addWorkingHours(admitted, 72);
    expect(due.getTime()).toBeGreaterThan(new Date('2026-03-10T00:00:00+07:00').getTime());
    expect(emergencyOnTime(new Date('2026-03-09T09:00:00+07:00'), due)).toBe(true);
    expect(emergencyOnTime(new Date(due.getTime() + 1000), due)).toBe(false);
  });
});

describe('bed reports', () => {
  it('refuses more free beds than beds, negatives and fractions', () => {
    expect(checkBeds({ class3Total: 10, class3Available: 3, aboveClassPatients: 0 })).toEqual([]);
    expect(checkBeds({ class3Total: 10, class3Available: 11, aboveClassPatients: 0 })).toHaveLength(1);
    expect(checkBeds({ class3Total: -1, class3Available: 0.5, aboveClassPatients: 0 })).toHaveLength(2);
  });
  it('age in hours', () => {
    expect(bedReportAgeHours(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T06:00:00Z'))).toBe(30);
  });
});
