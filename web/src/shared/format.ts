/**
 * Display formats used everywhere: dates as "22 November 2026", instants in
 * Western Indonesian Time (WIB, UTC+7, no daylight saving), NIK grouped by
 * its structure (region · birth date · serial), numbers with Indonesian separators.
 */

import { MONTHS } from '@server/platform/calendar/labels';

/** The month names, shared with the server's letters. */
export { MONTHS };

const JAKARTA_OFFSET_MS = 7 * 3600 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11-22" → "22 November 2026"; empty for null; unparseable input shown as is. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = DATE_ONLY.exec(value.slice(0, 10));
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return value;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** "2026-10" → "Oktober 2026"; unparseable input shown as is. */
export function formatMonth(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : value;
}

function jakartaParts(value: string | Date) {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  const j = new Date(d.getTime() + JAKARTA_OFFSET_MS);
  return {
    y: j.getUTCFullYear(),
    mo: j.getUTCMonth(),
    d: j.getUTCDate(),
    h: j.getUTCHours(),
    mi: j.getUTCMinutes(),
    s: j.getUTCSeconds(),
  };
}

/** An instant as "22 November 2026, 14.05 WIB". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const p = jakartaParts(value);
  if (!p) return value;
  const hh = String(p.h).padStart(2, '0');
  const mm = String(p.mi).padStart(2, '0');
  return `${p.d} ${MONTHS[p.mo]} ${p.y}, ${hh}.${mm} WIB`;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'] as const;

/** "2026-11-22" → "22 Nov 2026", for dense tables. */
export function formatDateShort(value: string | null | undefined): string {
  if (!value) return '';
  const m = DATE_ONLY.exec(value.slice(0, 10));
  const month = m ? SHORT_MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : value;
}

/** An instant compactly, for dense tables: "22 Nov 2026 14.05" (or "14.05.09" with seconds). */
export function formatDateTimeShort(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '';
  const p = jakartaParts(value);
  if (!p) return value;
  const time = `${String(p.h).padStart(2, '0')}.${String(p.mi).padStart(2, '0')}${withSeconds ? `.${String(p.s).padStart(2, '0')}` : ''}`;
  return `${p.d} ${SHORT_MONTHS[p.mo]} ${p.y} ${time}`;
}

/** Today's date in Asia/Jakarta as YYYY-MM-DD (the business date). */
export function todayJakarta(now: Date = new Date()): string {
  const p = jakartaParts(now)!;
  return `${p.y}-${String(p.mo + 1).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** The day after today in Jakarta, YYYY-MM-DD: the earliest a scheduled setting may start. */
export function tomorrowJakarta(): string {
  const d = new Date(`${todayJakarta()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** "3275014107900003" → "327501 410790 0003". Anything not 16 digits is shown unchanged. */
export function formatNik(nik: string | null | undefined): string {
  if (!nik) return '';
  if (!/^\d{16}$/.test(nik)) return nik;
  return `${nik.slice(0, 6)} ${nik.slice(6, 12)} ${nik.slice(12)}`;
}

/** The same grouping for a KK number (same 16-digit structure). */
export const formatKk = formatNik;

/** Digits only, for inputs where people paste "3275 0141 0790 0003" or "32.75.01…". */
export function digitsOnly(value: string): string {
  return value.replace(/\D+/g, '');
}

const numberFormat = new Intl.NumberFormat('id-ID');

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return numberFormat.format(n);
}

/** Age in whole years on a date, both YYYY-MM-DD. */
export function ageOn(birthDate: string, on: string): number | null {
  const b = DATE_ONLY.exec(birthDate);
  const o = DATE_ONLY.exec(on);
  if (!b || !o) return null;
  let age = Number(o[1]) - Number(b[1]);
  if (Number(o[2]) * 100 + Number(o[3]) < Number(b[2]) * 100 + Number(b[3])) age -= 1;
  return age;
}

export type NikProblem = 'empty' | 'notDigits' | 'length' | 'serial' | null;

/** Client-side shape check of a NIK (the server decides the rest). */
export function nikProblem(value: string): NikProblem {
  const v = value.trim();
  if (!v) return 'empty';
  if (/[^\d\s.]/.test(v)) return 'notDigits';
  const d = digitsOnly(v);
  if (d.length !== 16) return 'length';
  if (d.endsWith('0000')) return 'serial';
  return null;
}
