/**
 * Business dates live in Asia/Jakarta (WIB, UTC+7, no daylight saving), so a
 * fixed offset is exact and we need no time-zone database. Calendar dates are
 * 'YYYY-MM-DD' strings, like PostgreSQL `date` columns come back from the db layer.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

export const JAKARTA_OFFSET_MS = 7 * 3_600_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function assertDate(date: IsoDate): void {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function assertInstant(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  return t;
}

/** Days since 1970-01-01 of a calendar date. */
export function dayNumberOf(date: IsoDate): number {
  assertDate(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The calendar date of a day number (inverse of dayNumberOf). */
export function dateOfDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Jakarta day number an instant falls on. */
export function jakartaDayNumber(instant: Date): number {
  return Math.floor((assertInstant(instant) + JAKARTA_OFFSET_MS) / DAY_MS);
}

/** The Jakarta calendar date of an instant. */
export function jakartaDate(instant: Date): IsoDate {
  return dateOfDayNumber(jakartaDayNumber(instant));
}

export function todayJakarta(now: Date = new Date()): IsoDate {
  return jakartaDate(now);
}

export interface JakartaDateTime {
  date: IsoDate;
  /** 'HH:mm' */
  time: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO 8601 with the +07:00 offset, e.g. '2026-03-20T15:00:00+07:00'. */
  iso: string;
}

/** The Jakarta wall-clock parts of an instant. */
export function jakartaDateTime(instant: Date): JakartaDateTime {
  const wall = new Date(assertInstant(instant) + JAKARTA_OFFSET_MS);
  const iso = wall.toISOString(); // UTC fields of the shifted instant are the Jakarta wall clock
  return {
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    iso: `${iso.slice(0, 19)}+07:00`,
  };
}

/** ISO 8601 text of an instant in Jakarta time, e.g. '2026-03-25T15:00:00+07:00'. */
export function formatJakarta(instant: Date): string {
  return jakartaDateTime(instant).iso;
}

/** The instant of a Jakarta wall-clock time ('HH:mm' or 'HH:mm:ss') on a date; midnight by default. */
export function jakartaInstant(date: IsoDate, time = '00:00'): Date {
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`Not a time of day (HH:mm): ${JSON.stringify(time)}`);
  const ms = (Number(m[1]) * 60 + Number(m[2])) * 60_000 + Number(m[3] ?? 0) * 1000;
  return new Date(dayNumberOf(date) * DAY_MS + ms - JAKARTA_OFFSET_MS);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Days must be a whole number: ${n}`);
  return dateOfDayNumber(dayNumberOf(date) + n);
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export function yearOf(date: IsoDate): number {
  assertDate(date);
  return Number(date.slice(0, 4));
}
