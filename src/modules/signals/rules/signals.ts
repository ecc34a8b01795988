/**
 * MEM-10: patterns that suggest a card is lent or misused (Perda 9/2018 ps. 13
 * and 23), from the data the membership register holds. Each signal carries
 * its evidence so the officer can judge it; a signal is a lead, not a verdict.
 */
export type SignalKind = 'CARD_USED_AFTER_DEATH' | 'PERSON_IN_TWO_FAMILIES' | 'PBI_WITH_ACTIVE_CARD';

export const SIGNAL_KINDS: readonly SignalKind[] = ['CARD_USED_AFTER_DEATH', 'PERSON_IN_TWO_FAMILIES', 'PBI_WITH_ACTIVE_CARD'];

export const SIGNAL_TITLES: Record<SignalKind, string> = {
  CARD_USED_AFTER_DEATH: 'Kartu dipakai setelah pemegangnya meninggal',
  PERSON_IN_TWO_FAMILIES: 'Satu orang tercantum dalam dua keluarga',
  PBI_WITH_ACTIVE_CARD: 'Peserta JKN-PBI masih tercantum pada kartu Jamkesda aktif',
};

/** What to do about each kind, for the officer. */
export const SIGNAL_ACTIONS: Record<SignalKind, string> = {
  CARD_USED_AFTER_DEATH: 'Hubungi fasilitas yang memeriksa: siapa yang datang membawa identitas ini? Bila kartu dipinjamkan, proses sesuai Perda ps. 23.',
  PERSON_IN_TWO_FAMILIES: 'Terbitkan ulang kartu keluarga lama (perubahan data) agar orang ini hanya tercantum pada kartu keluarganya sekarang.',
  PBI_WITH_ACTIVE_CARD: 'Terbitkan ulang kartu keluarganya tanpa orang ini, atau pastikan status PBI-nya ke BPJS Kesehatan.',
};

export interface SignalEvidence {
  kind: SignalKind;
  nik: string;
  [key: string]: unknown;
}

/**
 * How many days of eligibility checks are searched for a deceased person's NIK.
 * A year covers claims that arrive months after the service.
 */
export const DEATH_LOOKBACK_DAYS = 365;

/** A check for a service on or after the death date is a use of the deceased's identity; one for an earlier date is not. */
export function usedAfterDeath(serviceDate: string, deathDate: string): boolean {
  return serviceDate >= deathDate;
}
