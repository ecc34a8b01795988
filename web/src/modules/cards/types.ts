/** Shapes of the card API's answers (src/modules/cards/schemas.ts). */

export type CardStatus = 'ACTIVE' | 'REPLACED' | 'REVOKED';
export type PrintState = 'BELUM_CETAK' | 'SUDAH_CETAK' | 'SUDAH_DISERAHKAN';
export type Layout = 'CARD' | 'A4';
export type ReissueReason = 'HILANG' | 'RUSAK' | 'PERUBAHAN_DATA';
export type RevokeReason = 'KELUARGA_PINDAH' | 'TIDAK_MEMENUHI_SYARAT' | 'DATA_TIDAK_SAH' | 'LAINNYA';

export interface CardMember {
  nik: string;
  name: string;
  relation: string;
  birthDate: string;
  sex: 'L' | 'P';
  included: boolean;
  pendingReason: 'PENDING_EKTP' | null;
  /** Coverage on the issue date (decision 0020); null on cards issued before it was recorded. */
  coverage: Coverage | null;
  coverageBasis: string | null;
  coverageRule: string | null;
  jknSegment: string | null;
}

export type Coverage = 'COVERED' | 'PBI_JKN';

export type ReissueFlag =
  'MEMBER_DIED' | 'MEMBER_MOVED' | 'MEMBER_ADDED' | 'BECAME_PBI' | 'NO_LONGER_PBI' | 'EKTP_RECORDED';

/** Why a card needs reissuing ("perlu cetak ulang"), with how many members it concerns. */
export interface FlagCount {
  reason: ReissueFlag;
  label: string;
  members: number;
}

export interface FlaggedSummary {
  area: string | null;
  total: number;
  byReason: { reason: ReissueFlag; label: string; cards: number }[];
}

export interface ReissueFlaggedResult {
  area: string | null;
  flagged: number;
  reissued: number;
  revoked: number;
  skippedNoEktp: number;
  skipped: number;
}

export interface FamilyCard {
  id: number;
  number: string;
  noKk: string;
  status: CardStatus;
  issuedOn: string;
  endedOn: string | null;
  regionCode: string;
  regencyName: string | null;
  villageCode: string;
  villageName: string | null;
  districtName: string | null;
  headName: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  issueReason: 'BARU' | ReissueReason;
  issueNote: string | null;
  issuedBy: string | null;
  replacesCardId: number | null;
  replacedByCardId: number | null;
  endReason: ReissueReason | RevokeReason | null;
  endNote: string | null;
  endedBy: string | null;
  printState: PrintState;
  printedOn: string | null;
  printBatchId: number | null;
  handedOverOn: string | null;
  handedOverTo: string | null;
  memberCount: number;
  includedCount: number;
  verifyUrl: string;
  members?: CardMember[];
  reissueFlags?: FlagCount[];
}

export interface FamilyView {
  noKk: string;
  date: string;
  head: { name: string } | null;
  villageCode: string | null;
  villageName: string | null;
  districtName: string | null;
  members: (CardMember & { ektpRecorded: boolean })[];
  leftOff: { nik: string; name: string; relation: string; birthDate: string; why: string }[];
  includedCount: number;
  coveredCount: number;
  canIssue: boolean;
  active: FamilyCard | null;
  outdated: boolean;
  reissueFlags: FlagCount[];
  history: FamilyCard[];
}

export interface QueueTotals {
  all: number;
  BELUM_CETAK: number;
  SUDAH_CETAK: number;
  SUDAH_DISERAHKAN: number;
  /** Counted only on the "perlu cetak ulang" tab. */
  PERLU_CETAK_ULANG: number | null;
}

export interface QueuePage {
  items: FamilyCard[];
  total: number;
  page: number;
  pageSize: number;
  totals: QueueTotals;
}

export interface PrintBatch {
  id: number;
  layout: Layout;
  cardCount: number;
  createdAt: string;
  createdBy: string | null;
  handedOver: number;
  stillActive: number;
}

export interface AreaTree {
  districts: { code: string; name: string; regency: string | null; villages: { code: string; name: string }[] }[];
}

export interface Verification {
  valid: boolean;
  status: CardStatus | 'UNKNOWN';
  initials: string | null;
  issuedOn: string | null;
}

export interface BulkResult {
  area: string;
  families: number;
  issued: number;
  noMemberWithEktp: number;
  noMemberCovered: number;
  alreadyActive: number;
}
