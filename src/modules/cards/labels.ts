/**
 * The card register's codes and their words, shared by the server (messages, PDFs, notes) and the web
 * pages (badges, pickers). Plain records only: the web bundle imports this file as a value.
 */

export const CARD_STATUSES = ['ACTIVE', 'REPLACED', 'REVOKED'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export const STATUS_LABEL: Record<CardStatus, string> = {
  ACTIVE: 'Aktif',
  REPLACED: 'Sudah diganti',
  REVOKED: 'Dicabut',
};

/** SPEC MEM-5: a card is printed once, then handed over. */
export const PRINT_STATES = ['BELUM_CETAK', 'SUDAH_CETAK', 'SUDAH_DISERAHKAN'] as const;
export type PrintState = (typeof PRINT_STATES)[number];

export const PRINT_STATE_LABEL: Record<PrintState, string> = {
  BELUM_CETAK: 'Belum dicetak',
  SUDAH_CETAK: 'Sudah dicetak',
  SUDAH_DISERAHKAN: 'Sudah diserahkan',
};

export const LAYOUTS = ['CARD', 'A4'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const REISSUE_REASONS = ['HILANG', 'RUSAK', 'PERUBAHAN_DATA'] as const;
export type ReissueReason = (typeof REISSUE_REASONS)[number];

export const REVOKE_REASONS = ['KELUARGA_PINDAH', 'TIDAK_MEMENUHI_SYARAT', 'DATA_TIDAK_SAH', 'LAINNYA'] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];

/** Why a card was issued: a first card, or the reissue reason. */
export const ISSUE_REASONS = ['BARU', ...REISSUE_REASONS] as const;
export type IssueReason = (typeof ISSUE_REASONS)[number];

/** Why a card ended: replaced by a reissue, or revoked. */
export const END_REASONS = [...REISSUE_REASONS, ...REVOKE_REASONS] as const;
export type EndReason = (typeof END_REASONS)[number];

export const REASON_LABEL: Record<IssueReason | RevokeReason, string> = {
  BARU: 'Penerbitan pertama',
  HILANG: 'Kartu hilang',
  RUSAK: 'Kartu rusak',
  PERUBAHAN_DATA: 'Perubahan data keluarga',
  KELUARGA_PINDAH: 'Keluarga pindah ke luar daerah',
  TIDAK_MEMENUHI_SYARAT: 'Tidak lagi memenuhi syarat kepesertaan',
  DATA_TIDAK_SAH: 'Diterbitkan atas data yang tidak sah',
  LAINNYA: 'Alasan lain',
};

/** Why an active card needs reissuing ("perlu cetak ulang", decision 0020). */
export const REISSUE_FLAGS = [
  'MEMBER_DIED',
  'MEMBER_MOVED',
  'MEMBER_ADDED',
  'BECAME_PBI',
  'NO_LONGER_PBI',
  'EKTP_RECORDED',
] as const;
export type ReissueFlag = (typeof REISSUE_FLAGS)[number];

export const FLAG_LABEL: Record<ReissueFlag, string> = {
  MEMBER_DIED: 'anggota meninggal',
  MEMBER_MOVED: 'anggota pindah ke luar daerah',
  MEMBER_ADDED: 'anggota baru (lahir atau pindah masuk)',
  BECAME_PBI: 'anggota menjadi peserta JKN-PBI',
  NO_LONGER_PBI: 'anggota tidak lagi peserta JKN-PBI',
  EKTP_RECORDED: 'e-KTP anggota sudah terekam',
};
