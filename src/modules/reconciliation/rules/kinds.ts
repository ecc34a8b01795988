/**
 * MEM-7: the kinds of change a reconciliation proposes, what each becomes in
 * the membership history (MEM-6) once approved, and how a reviewer's decision
 * is read. Pure: the SQL that finds the changes lives in ../population-changes.ts
 * and ../jkn-changes.ts, and takes its texts from here.
 */

import {
  ENDED_LABEL,
  FIELD_LABEL,
  JKN_KINDS,
  POPULATION_KINDS,
  type ChangeSetKind,
  type ChangeSetStatus,
  type ItemKind,
} from '../labels.js';

export {
  FIELD_LABEL,
  JKN_KINDS,
  KIND_LABEL,
  POPULATION_KINDS,
  type ChangeSetKind,
  type ChangeSetStatus,
  type ItemKind,
  type JknItemKind,
  type PopulationItemKind,
} from '../labels.js';

export const KINDS_OF: Record<ChangeSetKind, readonly ItemKind[]> = { population: POPULATION_KINDS, jkn: JKN_KINDS };

/** The government-paid segments when no program setting says otherwise (contract jkn-membership.md). */
export const DEFAULT_GOVERNMENT_PAID = ['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA'] as const;

export type MembershipChangeKind =
  | 'BIRTH'
  | 'MOVE_IN'
  | 'DEATH'
  | 'MOVE_OUT'
  | 'NEWLY_PBI'
  | 'NO_LONGER_PBI'
  | 'FAMILY_CHANGE'
  | 'ADDRESS_CHANGE'
  | 'CORRECTION';

/**
 * The MEM-6 change an approved item records, with its reason; null when it is
 * no membership change (a JKN NIK the population does not know, an arrears or
 * class change: those live in the JKN periods alone). A missing person is
 * recorded as moved out on the snapshot date, never deleted.
 */
export const MEMBERSHIP_CHANGE: Record<ItemKind, { kind: MembershipChangeKind; reason: string } | null> = {
  BIRTH: { kind: 'BIRTH', reason: 'Kelahiran (rekonsiliasi data kependudukan)' },
  MOVE_IN: { kind: 'MOVE_IN', reason: 'Pindah datang (rekonsiliasi data kependudukan)' },
  DEATH: { kind: 'DEATH', reason: 'Meninggal dunia (rekonsiliasi data kependudukan)' },
  MOVE_OUT: { kind: 'MOVE_OUT', reason: 'Pindah ke luar Kota (rekonsiliasi data kependudukan)' },
  MISSING: { kind: 'MOVE_OUT', reason: 'tidak ada dalam snapshot' },
  FAMILY_CHANGE: { kind: 'FAMILY_CHANGE', reason: 'Perubahan nomor KK atau hubungan keluarga' },
  ADDRESS_CHANGE: { kind: 'ADDRESS_CHANGE', reason: 'Perubahan alamat' },
  EKTP_RECORDED: { kind: 'CORRECTION', reason: 'Perekaman e-KTP tercatat' },
  CORRECTION: { kind: 'CORRECTION', reason: 'Perbaikan data kependudukan' },
  NEWLY_PBI: { kind: 'NEWLY_PBI', reason: 'Menjadi peserta JKN yang iurannya dibayar pemerintah' },
  NO_LONGER_PBI: { kind: 'NO_LONGER_PBI', reason: 'Tidak lagi peserta JKN yang iurannya dibayar pemerintah' },
  UNKNOWN_NIK: null,
  OTHER_JKN: null,
};

/** The three arrays (item kind, change kind, reason) the SQL joins on, so the texts live only here. */
export function membershipChangeTable(): [string[], string[], string[]] {
  const rows = (Object.entries(MEMBERSHIP_CHANGE) as [ItemKind, { kind: string; reason: string } | null][]).filter(
    (e): e is [ItemKind, { kind: string; reason: string }] => e[1] !== null,
  );
  return [rows.map((r) => r[0]), rows.map((r) => r[1].kind), rows.map((r) => r[1].reason)];
}

export function isItemKind(kind: ChangeSetKind, k: string): k is ItemKind {
  return (KINDS_OF[kind] as readonly string[]).includes(k);
}

export interface Selection {
  /** Approve every item of these kinds… */
  kinds?: readonly string[];
  /** …and these items; with neither, every item. */
  itemIds?: readonly number[];
}

/** What is wrong with a reviewer's selection, or null. */
export function selectionProblem(kind: ChangeSetKind, s: Selection): string | null {
  const unknown = (s.kinds ?? []).filter((k) => !isItemKind(kind, k));
  if (unknown.length > 0) {
    return `Jenis perubahan tidak dikenal untuk data ${kind === 'jkn' ? 'JKN' : 'penduduk'}: ${unknown.join(', ')}. Pilihan: ${KINDS_OF[kind].join(', ')}.`;
  }
  if ((s.itemIds ?? []).some((id) => !Number.isSafeInteger(id) || id <= 0))
    return 'Nomor butir perubahan harus bilangan bulat positif.';
  return null;
}

/** True when the selection names nothing in particular: approve the whole set. */
export function approvesAll(s: Selection): boolean {
  return (s.kinds?.length ?? 0) === 0 && (s.itemIds?.length ?? 0) === 0;
}

/**
 * The status a set is left in after a decision (issue 10: partial decisions
 * are not final). While any item is undecided it stays PENDING; once none is,
 * it is APPROVED (nothing declined), PARTIALLY_APPROVED, or REJECTED (nothing
 * approved). An approved item found stale still counts as approved: the
 * officer said yes, the register had moved on.
 */
export function closingStatus(c: {
  pending: number;
  approved: number;
  declined: number;
  stale: number;
}): ChangeSetStatus {
  if (c.pending > 0) return 'PENDING';
  if (c.approved + c.stale === 0) return 'REJECTED';
  return c.declined === 0 ? 'APPROVED' : 'PARTIALLY_APPROVED';
}

/** A rejection needs a reason someone can read later. */
export function rejectionProblem(reason: string): string | null {
  return reason.trim().length < 5 ? 'Alasan penolakan wajib diisi (minimal 5 huruf).' : null;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (v === true) return 'Ya';
  if (v === false) return 'Tidak';
  return String(v);
}

/** The changed fields of an item as "label: before → after" lines (a new record lists its values; an ended JKN period says so). */
export function describeChange(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  if (after === null) return [ENDED_LABEL];
  const keys = Object.keys(after).filter((k) => k in FIELD_LABEL);
  if (before === null)
    return keys.filter((k) => after[k] !== null && after[k] !== '').map((k) => `${FIELD_LABEL[k]}: ${show(after[k])}`);
  return keys
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => `${FIELD_LABEL[k]}: ${show(before[k])} → ${show(after[k])}`);
}
