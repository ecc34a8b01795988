import type { WorkingCalendar } from '../../../platform/calendar/index.js';

export { ACTION_KINDS, INTENSIVE_UNITS } from '../labels.js';
export type { ActionKind, IntensiveUnit } from '../labels.js';
import type { ActionKind } from '../labels.js';

/** SJP-5: a discharge on a holiday or weekend is handled on the next working day; other approvals on their date. */
export function handledOn(
  kind: ActionKind,
  plannedOn: string,
  cal: Pick<WorkingCalendar, 'workingDayOnOrAfter'>,
): string {
  return kind === 'DISCHARGE' ? cal.workingDayOnOrAfter(plannedOn) : plannedOn;
}

/** Incidental approvals belong to an inpatient, emergency or newborn stay that is open or approved. */
export function actionProblem(careType: string, status: string): string | null {
  if (careType === 'OUTPATIENT')
    return 'Persetujuan kasus insidentil hanya untuk rawat inap, gawat darurat atau bayi baru lahir.';
  if (!['SUBMITTED', 'NEEDS_COMPLETION', 'APPROVED'].includes(status))
    return 'Persetujuan kasus insidentil hanya untuk SJP yang sedang diproses atau sudah disetujui.';
  return null;
}

/** SJP-6: a deposit is a positive whole rupiah amount paid on or after admission and not in the future. */
export function depositProblems(d: { amount: number; paidOn: string }, admissionDate: string, today: string): string[] {
  const p: string[] = [];
  if (!Number.isInteger(d.amount) || d.amount <= 0) p.push('Jumlah deposit harus bilangan bulat rupiah lebih dari 0.');
  if (d.amount > 10_000_000_000) p.push('Jumlah deposit tidak wajar (lebih dari Rp 10 miliar).');
  if (d.paidOn < admissionDate) p.push('Tanggal bayar deposit tidak boleh sebelum tanggal masuk.');
  if (d.paidOn > today) p.push('Tanggal bayar deposit tidak boleh setelah hari ini.');
  return p;
}

/** SJP-6: the cost cut-off of a self-pay patient switching to Jamkesda lies within the stay, not in the future. */
export function cutoffProblem(cutoff: Date, admittedAt: Date, now: Date): string | null {
  if (cutoff.getTime() < admittedAt.getTime()) return 'Batas biaya (cut-off) tidak boleh sebelum waktu masuk.';
  if (cutoff.getTime() > now.getTime() + 10 * 60_000) return 'Batas biaya (cut-off) tidak boleh di masa depan.';
  return null;
}

/** SJP-7: above-class placement only for a stay, only because class III is full (never on the patient's request). */
export function placementProblem(careType: string, status: string): string | null {
  if (careType === 'OUTPATIENT') return 'Penempatan kelas hanya untuk rawat inap.';
  if (!['SUBMITTED', 'NEEDS_COMPLETION', 'APPROVED', 'DRAFT'].includes(status))
    return 'Penempatan kelas hanya dapat dicatat pada SJP yang masih berjalan.';
  return null;
}
