/** SJP-3 statuses. */
export const STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'NEEDS_COMPLETION',
  'APPROVED',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
] as const;
export type SjpStatus = (typeof STATUSES)[number];
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

export const STATUS_LABELS: Record<SjpStatus, string> = {
  DRAFT: 'Draf',
  SUBMITTED: 'Diajukan',
  NEEDS_COMPLETION: 'Perlu dilengkapi',
  APPROVED: 'Disetujui',
  REJECTED: 'Ditolak',
  CANCELLED: 'Dibatalkan',
  EXPIRED: 'Kedaluwarsa',
};

/** Null when `action` is allowed in `status`, else the reason in Bahasa Indonesia. */
export function transitionProblem(status: SjpStatus, action: SjpAction): string | null {
  if (ALLOWED[action].includes(status)) return null;
  return `Permintaan SJP berstatus "${STATUS_LABELS[status]}"; tindakan ini hanya untuk status ${ALLOWED[action].map((s) => `"${STATUS_LABELS[s]}"`).join(' atau ')}.`;
}

/** Coded rejection reasons with their Indonesian labels (stable codes; the claim reads them later). */
export const REJECT_REASONS = {
  NOT_ELIGIBLE: 'Pasien bukan peserta Jamkesda pada tanggal pelayanan',
  DOCUMENTS_INVALID: 'Dokumen persyaratan tidak sah atau tidak sesuai',
  LATE: 'Diajukan melewati batas waktu 3×24 jam kerja',
  NOT_COVERED: 'Pelayanan tidak dijamin program',
  DUPLICATE: 'Sudah ada SJP untuk perawatan yang sama',
  ABOVE_CLASS_REQUEST: 'Naik kelas atas permintaan pasien (hanya kelas III yang dijamin)',
  OTHER: 'Alasan lain (lihat keterangan)',
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;
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
