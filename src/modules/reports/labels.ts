/**
 * The figures of the membership report (REP-5) and their words: the XLSX heads its columns with the full
 * labels, the screen (tiles and table) with the short ones. Shared by the server and the web page.
 */

export const FIGURES = [
  'residents',
  'members',
  'pendingEktp',
  'cardsActive',
  'cardsPrinted',
  'cardsHandedOver',
  'newborns',
  'recommendations',
] as const;
export type Figure = (typeof FIGURES)[number];

/** Column heads of the XLSX, where a figure must explain itself without the page around it. */
export const FIGURE_LABELS: Record<Figure, string> = {
  residents: 'Penduduk',
  members: 'Peserta (penduduk)',
  pendingEktp: 'Belum rekam e-KTP',
  cardsActive: 'Kartu diterbitkan (aktif)',
  cardsPrinted: 'Kartu dicetak',
  cardsHandedOver: 'Kartu diserahkan',
  newborns: 'Bayi baru lahir tercatat',
  recommendations: 'Rekomendasi Dinsos berlaku',
};

/** The same figures on screen, where the page's description says the rest. */
export const FIGURE_SHORT_LABELS: Record<Figure, string> = {
  residents: 'Penduduk',
  members: 'Peserta (penduduk)',
  pendingEktp: 'Belum rekam e-KTP',
  cardsActive: 'Kartu aktif',
  cardsPrinted: 'Kartu dicetak',
  cardsHandedOver: 'Kartu diserahkan',
  newborns: 'Bayi baru lahir',
  recommendations: 'Rekomendasi Dinsos',
};
