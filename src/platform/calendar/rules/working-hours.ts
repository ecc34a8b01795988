/**
 * "3×24 jam kerja" (SPEC SJP-1): elapsed time in which only time falling on a
 * working day counts. A working day is Monday–Friday in Asia/Jakarta that is
 * not a holiday or day off. The clock pauses over whole non-working days, from
 * 00:00 to 24:00 Jakarta time; within a working day every hour counts (the
 * rule is about days, not office hours).
 *
 * Pure functions: the caller passes the non-working dates (holidays and days
 * off; weekends are applied here). A Set<string> fits, and so does any object
 * answering `has(date)`, so a calendar can look years up lazily.
 */
import { DAY_MS, HOUR_MS, JAKARTA_OFFSET_MS, type IsoDate, addDays, dateOfDayNumber, isWeekend } from './jakarta.js';

export interface NonWorkingDays {
  has(date: IsoDate): boolean;
}

/**
 * More consecutive non-working days than this means the calendar is broken
 * (someone declared a whole year off); fail loudly instead of looping forever.
 */
export const MAX_NON_WORKING_STREAK = 366;

export function isWorkingDay(date: IsoDate, nonWorking: NonWorkingDays): boolean {
  return !isWeekend(date) && !nonWorking.has(date);
}

function tooLong(from: IsoDate): RangeError {
  return new RangeError(
    `No working day within ${MAX_NON_WORKING_STREAK} days after ${from}; check the days-off calendar.`,
  );
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, nonWorking: NonWorkingDays): IsoDate {
  return workingDayOnOrAfter(addDays(date, 1), nonWorking);
}

/** `date` itself when it is a working day, else the next one (e.g. a discharge on a holiday, SJP-5). */
export function workingDayOnOrAfter(date: IsoDate, nonWorking: NonWorkingDays): IsoDate {
  let d = date;
  for (let i = 0; i <= MAX_NON_WORKING_STREAK; i++) {
    if (isWorkingDay(d, nonWorking)) return d;
    d = addDays(d, 1);
  }
  throw tooLong(date);
}

function instantMs(d: Date, what: string): number {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${what} is an invalid Date`);
  return t;
}

/**
 * The earliest instant by which `hours` working hours have elapsed since
 * `start`. Zero hours is `start` itself. A deadline that ends exactly at the
 * end of a working day is reported as 00:00 of the next day (Wednesday 24:00 =
 * Thursday 00:00), even when that next day is a holiday.
 */
export function addWorkingHours(start: Date, hours: number, nonWorking: NonWorkingDays): Date {
  const t0 = instantMs(start, 'start');
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Working hours must be a finite number ≥ 0: ${hours}`);
  let remaining = Math.round(hours * HOUR_MS);
  if (remaining === 0) return new Date(t0);
  // Work on the Jakarta wall clock (instant + 7 h); every day there is exactly 24 h long.
  let wall = t0 + JAKARTA_OFFSET_MS;
  let day = Math.floor(wall / DAY_MS);
  let streak = 0;
  for (;;) {
    const dayEnd = (day + 1) * DAY_MS;
    if (isWorkingDay(dateOfDayNumber(day), nonWorking)) {
      streak = 0;
      const available = dayEnd - wall;
      if (remaining <= available) return new Date(wall + remaining - JAKARTA_OFFSET_MS);
      remaining -= available;
    } else if (++streak > MAX_NON_WORKING_STREAK) {
      throw tooLong(dateOfDayNumber(day - streak));
    }
    wall = dayEnd;
    day++;
  }
}

/**
 * Working hours elapsed from `start` to `end` (fractional). Negative when
 * `end` is before `start`, so "hours left until the deadline" goes below zero
 * once it is overdue.
 */
export function workingHoursBetween(start: Date, end: Date, nonWorking: NonWorkingDays): number {
  const s = instantMs(start, 'start');
  const e = instantMs(end, 'end');
  if (e < s) {
    const back = workingHoursBetween(end, start, nonWorking);
    return back === 0 ? 0 : -back; // no -0
  }
  let wall = s + JAKARTA_OFFSET_MS;
  const wallEnd = e + JAKARTA_OFFSET_MS;
  let day = Math.floor(wall / DAY_MS);
  let ms = 0;
  while (wall < wallEnd) {
    const segmentEnd = Math.min((day + 1) * DAY_MS, wallEnd);
    if (isWorkingDay(dateOfDayNumber(day), nonWorking)) ms += segmentEnd - wall;
    wall = segmentEnd;
    day++;
  }
  return ms / HOUR_MS;
}
