/**
 * Membership's codes and their words, shared by the server (rules, schemas, timeline) and the web
 * pages (badges, pickers). Plain records only: the web bundle imports this file as a value.
 */

/** MEM-3: the bases a program may cover people on (a program setting picks some). */
export const BASES = ['RESIDENT', 'NEWBORN', 'DINSOS_RECOMMENDATION', 'POOR'] as const;
export type Basis = (typeof BASES)[number];

export const BASIS_LABEL: Record<Basis, string> = {
  RESIDENT: 'Penduduk Kota (Perda 9/2018 ps. 7)',
  NEWBORN: 'Bayi baru lahir dari peserta',
  DINSOS_RECOMMENDATION: 'Rekomendasi Dinas Sosial',
  POOR: 'Penduduk miskin terverifikasi',
};

/** How much a reason weighs: BLOCK decides "not covered", the others only inform the desk. */
export const SEVERITIES = ['BLOCK', 'WARN', 'INFO'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABEL: Record<Severity, string> = {
  BLOCK: 'Menghalangi',
  WARN: 'Peringatan',
  INFO: 'Informasi',
};

/** A family card's state as an eligibility answer reports it (PENDING_EKTP and NONE besides the register's own). */
export const CARD_STATUSES = ['ACTIVE', 'PENDING_EKTP', 'REPLACED', 'REVOKED', 'NONE'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export const CARD_STATUS_LABEL: Record<CardStatus, string> = {
  ACTIVE: 'Kartu aktif',
  PENDING_EKTP: 'Kartu tertunda: perlu perekaman e-KTP',
  REPLACED: 'Kartu sudah diganti',
  REVOKED: 'Kartu dicabut',
  NONE: 'Belum ada kartu',
};

/** JKN segments; a program setting names those that exclude a person from the program. */
export const JKN_SEGMENTS = ['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA', 'PPU', 'PBPU', 'BP'] as const;
export type JknSegment = (typeof JKN_SEGMENTS)[number];

/** MEM-9: the citizen's own check. COVERED_BY_JKN: a JKN-PBI member, covered by the national scheme. */
export const SELF_CHECK_STATUSES = ['COVERED', 'COVERED_BY_JKN', 'NOT_COVERED', 'NO_MATCH'] as const;
export type SelfCheckStatus = (typeof SELF_CHECK_STATUSES)[number];

/** MEM-6: every kind of membership change. */
export const CHANGE_KINDS = [
  'NEW_RESIDENT',
  'BIRTH',
  'MOVE_IN',
  'NEWLY_ELIGIBLE',
  'DEATH',
  'MOVE_OUT',
  'NO_LONGER_ELIGIBLE',
  'NEWLY_PBI',
  'NO_LONGER_PBI',
  'FAMILY_CHANGE',
  'ADDRESS_CHANGE',
  'CORRECTION',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The changes an officer records by hand, and the facts a correction withdraws. */
export const MANUAL_CHANGE_KINDS = ['DEATH', 'MOVE_OUT', 'CORRECTION'] as const;
export const WITHDRAWABLE = ['DEATH', 'MOVE_OUT'] as const;

/** Where a change came from. */
export const CHANGE_SOURCES = ['RECONCILIATION', 'MANUAL', 'BIRTH_RECORD', 'RECOMMENDATION'] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

export const CHANGE_SOURCE_LABEL: Record<ChangeSource, string> = {
  RECONCILIATION: 'rekonsiliasi',
  MANUAL: 'dicatat petugas',
  BIRTH_RECORD: 'catatan kelahiran',
  RECOMMENDATION: 'rekomendasi',
};

/** The registers a person's timeline draws on. */
export const TIMELINE_CATEGORIES = ['REGISTRY', 'BIRTH', 'JKN', 'DTKS', 'RECOMMENDATION', 'CARD', 'CHANGE'] as const;
export type TimelineCategory = (typeof TIMELINE_CATEGORIES)[number];

export const TIMELINE_CATEGORY_LABEL: Record<TimelineCategory, string> = {
  REGISTRY: 'Kependudukan',
  BIRTH: 'Kelahiran',
  JKN: 'JKN',
  DTKS: 'DTKS',
  RECOMMENDATION: 'Rekomendasi Dinsos',
  CARD: 'Kartu',
  CHANGE: 'Perubahan',
};
