import { REJECT_REASONS, STATUS_LABELS, type RejectReason, type SjpStatus } from '../labels.js';

export { REJECT_REASONS, STATUSES, STATUS_LABELS } from '../labels.js';
export type { RejectReason, SjpStatus } from '../labels.js';

export const OPEN_STATUSES: readonly SjpStatus[] = ['DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION'];

export type SjpAction = 'submit' | 'attach' | 'approve' | 'ask_completion' | 'reject' | 'cancel' | 'expire';

const ALLOWED: Record<SjpAction, readonly SjpStatus[]> = {
  submit: ['DRAFT', 'NEEDS_COMPLETION'],
  attach: ['DRAFT', 'NEEDS_COMPLETION'],
  approve: ['SUBMITTED'],
  ask_completion: ['SUBMITTED'],
  reject: ['SUBMITTED', 'NEEDS_COMPLETION'],
  cancel: ['DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION'],
  expire: ['APPROVED'],
};

/** Null when `action` is allowed in `status`, else the reason in Bahasa Indonesia. */
export function transitionProblem(status: SjpStatus, action: SjpAction): string | null {
  if (ALLOWED[action].includes(status)) return null;
  return `Permintaan SJP berstatus "${STATUS_LABELS[status]}"; tindakan ini hanya untuk status ${ALLOWED[action].map((s) => `"${STATUS_LABELS[s]}"`).join(' atau ')}.`;
}

export const REJECT_CODES = Object.keys(REJECT_REASONS) as RejectReason[];

/** Default validity of an approved letter, in calendar days from the admission date (inclusive). */
export const DEFAULT_VALIDITY_DAYS: Record<string, number> = {
  OUTPATIENT: 30,
  INPATIENT: 30,
  EMERGENCY: 30,
  NEWBORN: 30,
};

/** Letter number: <seq 5 digits>/SJP/DINKES/<year>. */
export function letterNumber(seq: number, year: number): string {
  return `${String(seq).padStart(5, '0')}/SJP/DINKES/${year}`;
}
