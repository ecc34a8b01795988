import type { WorkingCalendar } from '../../../platform/calendar/index.js';

export { CARE_TYPES } from '../labels.js';
export type { CareType, LatePolicy } from '../labels.js';
import type { CareType, LatePolicy } from '../labels.js';

/** SJP-1: "3×24 jam kerja" after admission for inpatient, emergency papers and newborns. */
export const PAPERS_WORKING_HOURS = 72;
/** Officer reminder: a deadline this many working hours away (or less) is "due soon" and notified. */
export const REMINDER_WORKING_HOURS = 4;
/** Queue "due soon": open requests whose deadline is at most this many working hours away. */
export const DUE_SOON_WORKING_HOURS = 24;

/**
 * When the complete papers of a request are due (SJP-1): an outpatient SJP
 * before the visit (the visit time itself), every other kind 72 working hours
 * after admission (for a newborn: after the birth's admission), counted with the
 * working-hours calendar (weekends, national holidays and extra days off skipped).
 */
export function dueAt(careType: CareType, admittedAt: Date, cal: Pick<WorkingCalendar, 'addWorkingHours'>): Date {
  if (careType === 'OUTPATIENT') return new Date(admittedAt.getTime());
  return cal.addWorkingHours(admittedAt, PAPERS_WORKING_HOURS);
}

/** Working hours a submission at `at` came after the deadline; 0 when on time. Rounded to 0.01 h. */
export function lateHours(due: Date, at: Date, cal: Pick<WorkingCalendar, 'workingHoursBetween'>): number {
  if (at.getTime() <= due.getTime()) return 0;
  const h = cal.workingHoursBetween(due, at);
  return Math.max(0, Math.round(h * 100) / 100);
}

/**
 * Whether a submission is accepted. A late one is refused only when the
 * program setting in force says so; the lateness is recorded either way.
 */
export function submissionRefusal(late: number, policy: LatePolicy): string | null {
  if (late > 0 && policy === 'REFUSE') {
    return `Pengajuan terlambat ${formatHours(late)} jam kerja dari batas waktu; pengaturan program menolak pengajuan yang terlambat.`;
  }
  return null;
}

export function formatHours(h: number): string {
  return h.toLocaleString('id-ID', { maximumFractionDigits: 2 });
}

export type QueueBucket = 'LATE' | 'DUE_SOON' | 'AWAITING_COMPLETION' | 'TO_DECIDE';

/**
 * Where an open request sits in the officer's queues. `hoursLeft` is the
 * working time from now to the deadline (negative once it has passed).
 * A request submitted late stays "late" until it is decided.
 */
export function queueBuckets(r: { status: string; hoursLeft: number; lateHours: number | null }): QueueBucket[] {
  const out: QueueBucket[] = [];
  const open = r.status === 'DRAFT' || r.status === 'SUBMITTED' || r.status === 'NEEDS_COMPLETION';
  if (!open) return out;
  const papersPending = r.status !== 'SUBMITTED';
  if ((papersPending && r.hoursLeft < 0) || (r.lateHours ?? 0) > 0) out.push('LATE');
  else if (papersPending && r.hoursLeft <= DUE_SOON_WORKING_HOURS) out.push('DUE_SOON');
  if (r.status === 'NEEDS_COMPLETION') out.push('AWAITING_COMPLETION');
  if (r.status === 'SUBMITTED') out.push('TO_DECIDE');
  return out;
}

/** Which reminder an open request with papers pending earns now, if any (deduplicated by the caller). */
export function reminderFor(r: { status: string; hoursLeft: number }): 'soon' | 'late' | null {
  if (r.status !== 'DRAFT' && r.status !== 'NEEDS_COMPLETION') return null;
  if (r.hoursLeft < 0) return 'late';
  if (r.hoursLeft <= REMINDER_WORKING_HOURS) return 'soon';
  return null;
}
