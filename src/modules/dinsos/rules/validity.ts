/**
 * How long a recommendation letter may cover its holder, and whether it
 * covers a date. The regulations (Perda 9/2018, Perwal 27A/2017 and its
 * technical guideline) are silent on a letter's validity, so these limits are
 * this program's rule (docs/decisions/0009-recommendation-letters.md):
 *
 * | category           | default   | at most   | why |
 * |--------------------|-----------|-----------|-----|
 * | TIDAK_MAMPU        | 6 months  | 12 months | economic status is re-assessed at least yearly |
 * | WARGA_BINAAN_LAPAS | 12 months | 12 months | the sentence may be longer; renewed yearly, ends earlier at release |
 * | PENGHUNI_PANTI     | 12 months | 12 months | placement reviewed yearly |
 * | ORANG_TERLANTAR    | 3 months  | 6 months  | a temporary situation until the person is placed or reunited |
 * | TAHANAN            | 60 days   | 60 days   | a detention order runs weeks (KUHAP art. 24–25: ≤ 60 days police, ≤ 50 prosecutor) |
 *
 * Dates are inclusive 'YYYY-MM-DD'. A letter may start up to 7 days before its
 * issue date (an emergency admission over a long weekend is covered from
 * admission; papers follow within 3×24 working hours) and up to 30 days after.
 */
import type { LetterState } from '../labels.js';
import { addDays, isValidIsoDate } from '../../../platform/calendar/index.js';
import { formatDateId } from '../../../platform/calendar/format.js';
import type { Category } from './categories.js';

export interface ValidityLimit {
  unit: 'month' | 'day';
  /** Length used when the officer gives no end date. */
  default: number;
  /** Longest a letter may run. */
  max: number;
}

export const VALIDITY: Record<Category, ValidityLimit> = {
  TIDAK_MAMPU: { unit: 'month', default: 6, max: 12 },
  WARGA_BINAAN_LAPAS: { unit: 'month', default: 12, max: 12 },
  PENGHUNI_PANTI: { unit: 'month', default: 12, max: 12 },
  ORANG_TERLANTAR: { unit: 'month', default: 3, max: 6 },
  TAHANAN: { unit: 'day', default: 60, max: 60 },
};

export const MAX_BACKDATE_DAYS = 7;
export const MAX_FORWARD_DAYS = 30;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day n months later, clamped to the month's end (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${ny}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** The last day (inclusive) of a period of n units starting on `from`: 6 months from 22 Nov 2026 ends 21 May 2027. */
export function periodEnd(from: string, unit: ValidityLimit['unit'], n: number): string {
  return addDays(unit === 'month' ? addMonths(from, n) : addDays(from, n), -1);
}

export function defaultValidTo(category: Category, from: string): string {
  const l = VALIDITY[category];
  return periodEnd(from, l.unit, l.default);
}

export function maxValidTo(category: Category, from: string): string {
  const l = VALIDITY[category];
  return periodEnd(from, l.unit, l.max);
}

/** "12 bulan", "60 hari". */
export function describeLength(unit: ValidityLimit['unit'], n: number): string {
  return `${n} ${unit === 'month' ? 'bulan' : 'hari'}`;
}

export interface ValidityProblem {
  code: 'INVALID_DATE' | 'VALID_FROM_TOO_EARLY' | 'VALID_FROM_TOO_LATE' | 'VALID_TO_BEFORE_FROM' | 'VALIDITY_TOO_LONG';
  field: 'validFrom' | 'validTo';
  message: string;
}

/**
 * The validity of a new letter issued on `today`: the dates given, or the
 * defaults (from today; the category's default length). Problems in Bahasa
 * Indonesia, empty when acceptable.
 */
export function resolveValidity(
  category: Category,
  givenFrom: string | null | undefined,
  givenTo: string | null | undefined,
  today: string,
): { validFrom: string; validTo: string; problems: ValidityProblem[] } {
  const problems: ValidityProblem[] = [];
  let validFrom = today;
  if (givenFrom) {
    if (!isValidIsoDate(givenFrom)) {
      problems.push({
        code: 'INVALID_DATE',
        field: 'validFrom',
        message: 'Tanggal mulai berlaku harus tanggal yang sah (YYYY-MM-DD).',
      });
    } else validFrom = givenFrom;
  }
  if (givenTo && !isValidIsoDate(givenTo)) {
    problems.push({
      code: 'INVALID_DATE',
      field: 'validTo',
      message: 'Tanggal akhir berlaku harus tanggal yang sah (YYYY-MM-DD).',
    });
    return { validFrom, validTo: validFrom, problems };
  }
  if (problems.length) return { validFrom, validTo: givenTo ?? validFrom, problems };

  const earliest = addDays(today, -MAX_BACKDATE_DAYS);
  const latest = addDays(today, MAX_FORWARD_DAYS);
  if (validFrom < earliest) {
    problems.push({
      code: 'VALID_FROM_TOO_EARLY',
      field: 'validFrom',
      message: `Tanggal mulai berlaku paling awal ${formatDateId(earliest)} (${MAX_BACKDATE_DAYS} hari sebelum tanggal surat).`,
    });
  } else if (validFrom > latest) {
    problems.push({
      code: 'VALID_FROM_TOO_LATE',
      field: 'validFrom',
      message: `Tanggal mulai berlaku paling lambat ${formatDateId(latest)} (${MAX_FORWARD_DAYS} hari sesudah tanggal surat).`,
    });
  }
  const validTo = givenTo || defaultValidTo(category, validFrom);
  const limit = VALIDITY[category];
  const max = maxValidTo(category, validFrom);
  if (validTo < validFrom) {
    problems.push({
      code: 'VALID_TO_BEFORE_FROM',
      field: 'validTo',
      message: 'Tanggal akhir berlaku tidak boleh sebelum tanggal mulai berlaku.',
    });
  } else if (validTo > max) {
    problems.push({
      code: 'VALIDITY_TOO_LONG',
      field: 'validTo',
      message: `Masa berlaku untuk kategori ini paling lama ${describeLength(limit.unit, limit.max)}: berakhir paling lambat ${formatDateId(max)}. Terbitkan surat baru sesudahnya bila masih diperlukan.`,
    });
  }
  return { validFrom, validTo, problems };
}

/** What the coverage rules need of a letter. */
export interface LetterPeriod {
  validFrom: string;
  validTo: string;
  status: 'ACTIVE' | 'REVOKED';
  revokedOn: string | null;
}

/** The last day the letter covers, or null when it never covered a day (revoked on its first day). */
export function coverageEnd(l: LetterPeriod): string | null {
  if (l.status === 'ACTIVE' || !l.revokedOn) return l.validTo;
  const lastBeforeRevocation = addDays(l.revokedOn, -1);
  const end = lastBeforeRevocation < l.validTo ? lastBeforeRevocation : l.validTo;
  return end < l.validFrom ? null : end;
}

/** Whether the letter covers its holder on `date` (the eligibility engine's reading of the table). */
export function coversOn(l: LetterPeriod, date: string): boolean {
  const end = coverageEnd(l);
  return end !== null && l.validFrom <= date && date <= end;
}

/** Whether two coverage periods share a day; used to refuse a second letter for the same time. */
export function overlaps(l: LetterPeriod, from: string, to: string): boolean {
  const end = coverageEnd(l);
  return end !== null && l.validFrom <= to && end >= from;
}

export type { LetterState } from '../labels.js';

/** The letter's state on `today`, as screens and the public verification page show it. */
export function letterState(l: LetterPeriod, today: string): LetterState {
  const end = coverageEnd(l);
  if (l.status === 'REVOKED' && (end === null || (l.revokedOn !== null && l.revokedOn <= today))) return 'REVOKED';
  if (today < l.validFrom) return 'NOT_YET_VALID';
  if (end === null || today > end) return 'EXPIRED';
  return 'ACTIVE';
}

export interface RevocationProblem {
  code: 'INVALID_DATE' | 'REVOKE_BEFORE_START' | 'REVOKE_AFTER_END';
  message: string;
}

/**
 * The date coverage ends on when a letter is revoked (not covered from that
 * day): the date given, or today — or the start date when the letter has not
 * begun yet. Never before the letter's start, never after its end.
 */
export function resolveRevocationDate(
  l: { validFrom: string; validTo: string },
  given: string | null | undefined,
  today: string,
): { revokedOn: string; problems: RevocationProblem[] } {
  if (given && !isValidIsoDate(given)) {
    return {
      revokedOn: today,
      problems: [{ code: 'INVALID_DATE', message: 'Tanggal pencabutan harus tanggal yang sah (YYYY-MM-DD).' }],
    };
  }
  const revokedOn = given || (today < l.validFrom ? l.validFrom : today);
  const range = `antara ${formatDateId(l.validFrom)} dan ${formatDateId(l.validTo)}`;
  if (revokedOn < l.validFrom) {
    return {
      revokedOn,
      problems: [
        {
          code: 'REVOKE_BEFORE_START',
          message: `Tanggal pencabutan tidak boleh sebelum surat mulai berlaku (${formatDateId(l.validFrom)}); pilih tanggal ${range}.`,
        },
      ],
    };
  }
  if (revokedOn > l.validTo) {
    return {
      revokedOn,
      problems: [
        {
          code: 'REVOKE_AFTER_END',
          message: `Surat hanya berlaku sampai ${formatDateId(l.validTo)}, jadi tanggal pencabutan ${formatDateId(revokedOn)} tidak mengubah apa pun; pilih tanggal ${range}.`,
        },
      ],
    };
  }
  return { revokedOn, problems: [] };
}
