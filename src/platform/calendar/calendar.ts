import { nationalHolidayDates } from './holidays.js';
import type { IsoDate } from './rules/jakarta.js';
import * as wh from './rules/working-hours.js';

/** Working days and "jam kerja" arithmetic for one set of days off (see README for the semantics). */
export interface WorkingCalendar {
  /** Monday–Friday, not a national holiday, not an extra day off. */
  isWorkingDay(date: IsoDate): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** `date` when it is a working day, else the next working day. */
  workingDayOnOrAfter(date: IsoDate): IsoDate;
  /** The earliest instant at which `hours` working hours have elapsed since `start`. */
  addWorkingHours(start: Date, hours: number): Date;
  /** Working hours from `start` to `end`; negative when `end` is earlier. */
  workingHoursBetween(start: Date, end: Date): number;
}

/**
 * A calendar of national holidays (looked up per year when first needed) plus
 * the given extra days off (cuti bersama, local days off).
 */
export function createWorkingCalendar(extraDaysOff: Iterable<IsoDate> = []): WorkingCalendar {
  const extra = new Set(extraDaysOff);
  const nonWorking: wh.NonWorkingDays = {
    has: (date) => extra.has(date) || nationalHolidayDates(Number(date.slice(0, 4))).has(date),
  };
  return {
    isWorkingDay: (date) => wh.isWorkingDay(date, nonWorking),
    nextWorkingDay: (date) => wh.nextWorkingDay(date, nonWorking),
    workingDayOnOrAfter: (date) => wh.workingDayOnOrAfter(date, nonWorking),
    addWorkingHours: (start, hours) => wh.addWorkingHours(start, hours, nonWorking),
    workingHoursBetween: (start, end) => wh.workingHoursBetween(start, end, nonWorking),
  };
}
