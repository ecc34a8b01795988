/**
 * The referral codes and their words, shared by the server (rule messages, the letter) and the web pages
 * (badges, pickers, the detail page). Plain records only: the web bundle imports this file as a value.
 */

/** Referral states. AWAITING_BED: a hospital's referral the receiver has not confirmed a bed for (REF-7). */
export const STATUSES = ['AWAITING_BED', 'SENT', 'ARRIVED', 'ADMITTED', 'RETURNED', 'DECLINED'] as const;
export type Status = (typeof STATUSES)[number];
/** As a badge shows it; inside a sentence the server writes it in lower case. */
export const STATUS_LABEL: Record<Status, string> = {
  AWAITING_BED: 'Menunggu konfirmasi tempat tidur',
  SENT: 'Terkirim',
  ARRIVED: 'Pasien tiba',
  ADMITTED: 'Dirawat',
  RETURNED: 'Dirujuk balik',
  DECLINED: 'Ditolak',
};

export const KINDS = ['MEDICAL', 'NON_MEDICAL'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABEL: Record<Kind, string> = { MEDICAL: 'Medis', NON_MEDICAL: 'Non-medis' };
/** The kind as the form explains it. */
export const KIND_LONG_LABEL: Record<Kind, string> = {
  MEDICAL: 'Medis — memerlukan layanan spesialistik',
  NON_MEDICAL: 'Non-medis — tempat tidur atau sarana tidak tersedia',
};
/** The kind as the referral letter prints it. */
export const KIND_LETTER_LABEL: Record<Kind, string> = {
  MEDICAL: 'Medis (memerlukan layanan spesialistik)',
  NON_MEDICAL: 'Non-medis (keterbatasan tempat tidur/sarana)',
};

/** The eligibility basis of the patient, as the letter and the detail page word it. */
export const BASIS_LABEL: Record<string, string> = {
  RESIDENT: 'penduduk terdaftar',
  NEWBORN: 'bayi baru lahir dari peserta',
  DINSOS_RECOMMENDATION: 'rekomendasi Dinas Sosial',
  POOR: 'penduduk miskin terverifikasi',
};

/** REF-6: the office's verdict on a referral for a primary-care competency diagnosis. */
export const VERDICTS = ['JUSTIFIED', 'NOT_JUSTIFIED'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Nearness of a destination hospital to the referring facility, nearest first (REF-1). */
export const PROXIMITY = ['SAME_VILLAGE', 'SAME_DISTRICT', 'SAME_CITY', 'BORDERING', 'OUTSIDE'] as const;
export type Proximity = (typeof PROXIMITY)[number];
export const PROXIMITY_LABEL: Record<Proximity, string> = {
  SAME_VILLAGE: 'Kelurahan yang sama',
  SAME_DISTRICT: 'Kecamatan yang sama',
  SAME_CITY: 'Dalam kota',
  BORDERING: 'Perbatasan',
  OUTSIDE: 'Luar kota',
};
