/**
 * The recommendation letters' codes and their words (SPEC DIN-1), shared by the server (letters, messages)
 * and the web pages (badges, filters, form). Plain records only: the web bundle imports this file as a value.
 */

/**
 * Who a letter may be issued for (MEM-3.3): residents declared unable to pay (Perwal 27A/2017 art. 1(15),
 * art. 4(a)(2)) and the special groups of Perda 9/2018 art. 7(3).
 */
export const CATEGORIES = [
  'TIDAK_MAMPU',
  'WARGA_BINAAN_LAPAS',
  'ORANG_TERLANTAR',
  'PENGHUNI_PANTI',
  'TAHANAN',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How the letter and the screens name each category. */
export const CATEGORY_LABEL: Record<Category, string> = {
  TIDAK_MAMPU: 'Warga tidak mampu (sosial ekonomi)',
  WARGA_BINAAN_LAPAS: 'Warga binaan pemasyarakatan',
  ORANG_TERLANTAR: 'Warga terlantar',
  PENGHUNI_PANTI: 'Warga panti sosial',
  TAHANAN: 'Tahanan titipan kepolisian/kejaksaan',
};

/** What the institution field holds for each special group (form label and letter row). */
export const INSTITUTION_LABEL: Record<Category, string> = {
  TIDAK_MAMPU: 'Lembaga',
  WARGA_BINAAN_LAPAS: 'Lembaga pemasyarakatan',
  ORANG_TERLANTAR: 'Tempat penampungan / rumah singgah',
  PENGHUNI_PANTI: 'Panti sosial',
  TAHANAN: 'Rumah tahanan / instansi penahan',
};

/** What the register records: a letter stays listed after it is revoked. */
export const LETTER_STATUSES = ['ACTIVE', 'REVOKED'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** A letter's state on a day, as the screens and the public verification show it. */
export const LETTER_STATES = ['ACTIVE', 'NOT_YET_VALID', 'EXPIRED', 'REVOKED'] as const;
export type LetterState = (typeof LETTER_STATES)[number];

export const STATE_LABEL: Record<LetterState, string> = {
  ACTIVE: 'Berlaku',
  NOT_YET_VALID: 'Belum berlaku',
  EXPIRED: 'Berakhir',
  REVOKED: 'Dicabut',
};
