/**
 * The kinds of day off the Dinas adds to the national holidays, and their words, shared by the
 * server (validation) and the web's holiday page. Plain records only: the web imports this as a value.
 */

export const DAY_OFF_KINDS = ['CUTI_BERSAMA', 'LIBUR_LOKAL', 'LIBUR_NASIONAL_TAMBAHAN'] as const;
export type DayOffKind = (typeof DAY_OFF_KINDS)[number];

export const DAY_OFF_KIND_LABEL: Record<DayOffKind, string> = {
  CUTI_BERSAMA: 'Cuti bersama',
  LIBUR_LOKAL: 'Libur lokal',
  LIBUR_NASIONAL_TAMBAHAN: 'Libur nasional tambahan',
};

/** The months as dates are written in Bahasa Indonesia ("22 November 2026"), by letters and screens alike. */
export const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;
