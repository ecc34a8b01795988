/**
 * Working time in words for the desks: "2 hari 3 jam kerja" instead of
 * "56,91 jam". The hours come from the calendar rules
 * (`platform/calendar/rules/working-hours.ts`), where every hour of a working
 * day counts; so one "hari kerja" here is 24 working hours, the unit in which
 * SJP-1 states the deadline (3×24 jam kerja).
 */
export const HOURS_PER_WORKING_DAY = 24;

/** A non-negative amount of working hours in days, hours and (under a day) minutes. */
export function workingDuration(hours: number): string {
  if (!Number.isFinite(hours)) throw new RangeError('hours must be a finite number');
  // Whole minutes, rounded down: "sisa 59 menit" must never read as "1 jam".
  const minutes = Math.floor(Math.abs(hours) * 60 + 1e-9);
  const days = Math.floor(minutes / (HOURS_PER_WORKING_DAY * 60));
  const h = Math.floor((minutes % (HOURS_PER_WORKING_DAY * 60)) / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} hari`);
  if (h) parts.push(`${h} jam`);
  // Minutes matter only while less than a day is left.
  if (!days && m) parts.push(`${m} menit`);
  if (!parts.length) return 'kurang dari 1 menit kerja';
  return `${parts.join(' ')} kerja`;
}

/** The time left before a deadline (negative: past it), as the SJP page shows it. */
export function timeLeftLabel(hoursLeft: number): string {
  return hoursLeft >= 0 ? `sisa ${workingDuration(hoursLeft)}` : `lewat ${workingDuration(-hoursLeft)}`;
}
