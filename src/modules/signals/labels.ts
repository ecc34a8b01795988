/**
 * The kinds of misuse signal (MEM-10, Perda 9/2018 ps. 13 and 23) with their titles and what the officer
 * does about each: shared by the server (which answers with them) and the web page. Plain records only.
 */

export const SIGNAL_KINDS = [
  'CARD_USED_AFTER_DEATH',
  'PERSON_IN_TWO_FAMILIES',
  'PBI_WITH_ACTIVE_CARD',
  'TWO_HOSPITALS_AT_ONCE',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const SIGNAL_TITLES: Record<SignalKind, string> = {
  CARD_USED_AFTER_DEATH: 'Kartu dipakai setelah pemegangnya meninggal',
  PERSON_IN_TWO_FAMILIES: 'Satu orang tercantum dalam dua keluarga',
  PBI_WITH_ACTIVE_CARD: 'Peserta JKN-PBI masih tercantum pada kartu Jamkesda aktif',
  TWO_HOSPITALS_AT_ONCE: 'Dirawat di dua rumah sakit sekaligus',
};

/** What to do about each kind, for the officer. */
export const SIGNAL_ACTIONS: Record<SignalKind, string> = {
  CARD_USED_AFTER_DEATH:
    'Hubungi fasilitas yang memeriksa: siapa yang datang membawa identitas ini? Bila kartu dipinjamkan, proses sesuai Perda ps. 23.',
  PERSON_IN_TWO_FAMILIES:
    'Terbitkan ulang kartu keluarga lama (perubahan data) agar orang ini hanya tercantum pada kartu keluarganya sekarang.',
  PBI_WITH_ACTIVE_CARD:
    'Terbitkan ulang kartu keluarganya tanpa orang ini, atau pastikan status PBI-nya ke BPJS Kesehatan.',
  TWO_HOSPITALS_AT_ONCE:
    'Hubungi kedua rumah sakit: siapa pasien yang dirawat dengan identitas ini? Satu identitas tidak dapat dirawat di dua tempat; bila kartu dipinjamkan, proses sesuai Perda ps. 23.',
};
