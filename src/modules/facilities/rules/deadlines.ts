/** Reporting deadlines: the monthly report (FAC-6) and the emergency report (FAC-4). */
import { addDays, type IsoDate } from '../../../platform/calendar/index.js';
import type { MonthlyStatus } from '../labels.js';

export type { MonthlyStatus };

/** The month after `period` (YYYY-MM). */
export function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function isPeriod(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

/**
 * The last day on which a month's report is on time: the 5th of the next month,
 * moved to the next working day when the 5th is a weekend, holiday or day off
 * (an office deadline cannot fall on a day the office is closed).
 */
export function monthlyDueDate(period: string, isWorkingDay: (d: IsoDate) => boolean): IsoDate {
  let d: IsoDate = `${nextMonth(period)}-05`;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** Status of one hospital's report for a month, judged by Jakarta dates. */
export function monthlyStatus(submittedOn: IsoDate | null, due: IsoDate, today: IsoDate): MonthlyStatus {
  if (submittedOn !== null) return submittedOn <= due ? 'ON_TIME' : 'LATE';
  return today > due ? 'MISSING' : 'NOT_DUE';
}

/** A month can be reported once it has ended. */
export function periodEnded(period: string, today: IsoDate): boolean {
  return `${nextMonth(period)}-01` <= today;
}

/** FAC-4: "3×24 jam" read as 72 working hours of the office calendar, counted from admission. */
export const EMERGENCY_REPORT_WORKING_HOURS = 72;

export function emergencyOnTime(reportedAt: Date, deadlineAt: Date): boolean {
  return reportedAt.getTime() <= deadlineAt.getTime();
}

/** A bed report older than this is shown as stale on the board. */
export const BED_REPORT_STALE_HOURS = 24;

export function bedReportAgeHours(reportedAt: Date, now: Date): number {
  return Math.max(0, (now.getTime() - reportedAt.getTime()) / 3_600_000);
}

export function checkBeds(b: { class3Total: number; class3Available: number; aboveClassPatients: number }): string[] {
  const p: string[] = [];
  for (const [k, label] of [
    ['class3Total', 'jumlah tempat tidur kelas III'],
    ['class3Available', 'tempat tidur kelas III yang kosong'],
    ['aboveClassPatients', 'pasien dirawat di atas kelas III'],
  ] as const) {
    const v = b[k];
    if (!Number.isInteger(v) || v < 0 || v > 10_000) p.push(`${label} harus bilangan bulat 0–10000.`);
  }
  if (p.length === 0 && b.class3Available > b.class3Total)
    p.push('tempat tidur kosong tidak boleh lebih banyak dari jumlah tempat tidur kelas III.');
  return p;
}
