/**
 * The words of the SJP module that the server and the web app both show: statuses, care types,
 * requirement names, rejection reasons, incidental approval kinds. Plain records (SPEC SJP-2, SJP-3,
 * SJP-5); this file imports nothing, so the web app may import it as values.
 */

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

export const STATUS_LABELS: Record<SjpStatus, string> = {
  DRAFT: 'Draf',
  SUBMITTED: 'Diajukan',
  NEEDS_COMPLETION: 'Perlu dilengkapi',
  APPROVED: 'Disetujui',
  REJECTED: 'Ditolak',
  CANCELLED: 'Dibatalkan',
  EXPIRED: 'Kedaluwarsa',
};

export const CARE_TYPES = ['OUTPATIENT', 'INPATIENT', 'EMERGENCY', 'NEWBORN'] as const;
export type CareType = (typeof CARE_TYPES)[number];

export const CARE_LABELS: Record<CareType, string> = {
  OUTPATIENT: 'Rawat jalan',
  INPATIENT: 'Rawat inap',
  EMERGENCY: 'Gawat darurat',
  NEWBORN: 'Bayi baru lahir',
};

/** SJP-2 requirement codes and their labels on the checklist. */
export const REQUIREMENTS = {
  KARTU: 'Fotokopi kartu Jamkesda (KS-NIK)',
  REKOMENDASI: 'Surat rekomendasi Dinas Sosial',
  KTP: 'Fotokopi KTP',
  KK: 'Fotokopi Kartu Keluarga',
  BUKTI_RAWAT_INAP: 'Bukti masuk rawat inap',
  SURAT_GAWAT_DARURAT: 'Surat keterangan gawat darurat dari dokter',
  SURAT_KETERANGAN_LAHIR: 'Surat keterangan lahir',
} as const;
export type Requirement = keyof typeof REQUIREMENTS;

export type SjpBasis = 'CARD' | 'RECOMMENDATION';

/** The basis as the desks show it (a badge beside the patient). */
export const BASIS_LABELS: Record<SjpBasis, string> = { CARD: 'Kartu Jamkesda', RECOMMENDATION: 'Rekomendasi Dinsos' };
/** The basis as the printed letter names it (SJP-3). */
export const BASIS_LETTER_LABELS: Record<SjpBasis, string> = {
  CARD: 'Kartu Jamkesda (KS-NIK)',
  RECOMMENDATION: 'Rekomendasi Dinas Sosial',
};

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

/** SJP-5 incidental units (intensive care, perinatology, chemotherapy). */
export const INTENSIVE_UNITS = ['HCU', 'ICU', 'ICCU', 'NICU', 'PICU', 'PERINATOLOGI', 'KEMOTERAPI'] as const;
export type IntensiveUnit = (typeof INTENSIVE_UNITS)[number];

/** SJP-5 approval kinds. */
export const ACTION_KINDS = {
  MEDICAL_ACTION: 'Tindakan medis',
  SPECIAL_CONSUMABLE: 'Alat medis habis pakai (AMHP) khusus',
  DISCHARGE: 'Pulang dari perawatan intensif',
} as const;
export type ActionKind = keyof typeof ACTION_KINDS;

/** SJP-7: the classes a patient may be placed in when class III is full. */
export const PLACED_CLASSES = ['II', 'I', 'VIP'] as const;

export const LATE_POLICIES = ['ACCEPT', 'REFUSE'] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];
