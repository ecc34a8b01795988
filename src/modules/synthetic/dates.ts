/**
 * Calendar dates as day numbers (days since 1970-01-01), so the generator can
 * add and compare dates millions of times without allocating Date objects.
 * Civil-from-days after Howard Hinnant's public-domain algorithms.
 */

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

export function two(n: number): string {
  return TWO[n] as string;
}

export function isoDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year}-${two(month)}-${two(day)}`;
}

/** Parses a real YYYY-MM-DD date to a day number, or null. */
export function parseIsoDay(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  return back.month === month && back.day === day ? days : null;
}

/** Whole years between a birth day and a later day (the age on that day). */
export function ageOn(birth: number, on: number): number {
  const b = civilFromDays(birth);
  const o = civilFromDays(on);
  let age = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) age--;
  return age;
}

/** Day number of the same calendar day `years` earlier (29 Feb falls back to 28 Feb). */
export function yearsBefore(on: number, years: number): number {
  const o = civilFromDays(on);
  const year = o.year - years;
  const day = o.month === 2 && o.day === 29 && parseIsoDay(`${year}-02-29`) === null ? 28 : o.day;
  return daysFromCivil(year, o.month, day);
}
