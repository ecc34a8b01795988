/**
 * National public holidays of Indonesia, computed by `date-holidays`.
 * Deterministic library data, so each year is computed once and kept.
 *
 * Islamic holidays come back as e.g. "2026-03-20 00:00:00 -0600" (the day is
 * reckoned from the previous sunset); the holiday itself is the calendar date
 * written there, so we take the YYYY-MM-DD part and ignore time and offset.
 */
import Holidays from 'date-holidays';
import type { IsoDate } from './rules/jakarta.js';

export interface NationalHoliday {
  date: IsoDate;
  name: string;
}

/**
 * The library's Indonesian names, corrected where they are wrong: it calls
 * Isra Mi'raj (27 Rajab) "Maulid Nabi Muhammad".
 */
const NAME_BY_RULE: Record<string, string> = {
  '01-01': 'Tahun Baru Masehi',
  '27 Rajab': "Isra Mi'raj Nabi Muhammad SAW",
  '12 Rabi al-awwal': 'Maulid Nabi Muhammad SAW',
};

let source: Holidays | null = null;
const byYear = new Map<number, readonly NationalHoliday[]>();
const datesByYear = new Map<number, ReadonlySet<IsoDate>>();

function compute(year: number): readonly NationalHoliday[] {
  source ??= new Holidays('ID', { languages: ['id'], types: ['public'] });
  const list: NationalHoliday[] = [];
  for (const h of source.getHolidays(year, 'id')) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    const rule = (h as { rule?: string }).rule ?? '';
    list.push({ date, name: NAME_BY_RULE[rule] ?? h.name });
  }
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name)));
  return Object.freeze(list);
}

/** National holidays of a year, sorted by date. Two holidays may share a date. */
export function nationalHolidays(year: number): readonly NationalHoliday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new RangeError(`Year out of range: ${year}`);
  let list = byYear.get(year);
  if (!list) {
    list = compute(year);
    byYear.set(year, list);
  }
  return list;
}

export function nationalHolidayDates(year: number): ReadonlySet<IsoDate> {
  let set = datesByYear.get(year);
  if (!set) {
    set = new Set(nationalHolidays(year).map((h) => h.date));
    datesByYear.set(year, set);
  }
  return set;
}

export function isNationalHoliday(date: IsoDate): boolean {
  return nationalHolidayDates(Number(date.slice(0, 4))).has(date);
}
