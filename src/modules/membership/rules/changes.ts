/**
 * MEM-6: changes an officer records by hand between two snapshots (a hospital
 * reports a death, a family reports a move), and corrections of those. What a
 * change must satisfy before it is written.
 */
export type ManualChangeKind = 'DEATH' | 'MOVE_OUT' | 'CORRECTION';

export interface ManualChange {
  kind: ManualChangeKind;
  effectiveDate: string;
  reason: string;
  /** For a correction: which recorded fact is withdrawn. */
  withdraws?: 'DEATH' | 'MOVE_OUT';
}

export interface PersonState {
  birthDate: string;
  deathDate: string | null;
  movedOutDate: string | null;
}

/** The problem with the change, or null when it may be written. */
export function checkManualChange(c: ManualChange, p: PersonState, today: string): string | null {
  if (c.reason.trim().length < 5)
    return 'Alasan perubahan wajib diisi (minimal 5 huruf), misalnya nomor surat keterangan kematian.';
  if (c.effectiveDate > today) return 'Tanggal berlaku tidak boleh setelah hari ini.';
  if (c.effectiveDate < p.birthDate) return 'Tanggal berlaku tidak boleh sebelum tanggal lahir.';
  switch (c.kind) {
    case 'DEATH':
      return p.deathDate ? `Kematian sudah tercatat pada ${p.deathDate}; batalkan dulu bila tanggalnya keliru.` : null;
    case 'MOVE_OUT':
      if (p.deathDate) return 'Orang ini tercatat meninggal; kepindahan tidak dapat dicatat.';
      return p.movedOutDate ? `Kepindahan sudah tercatat pada ${p.movedOutDate}.` : null;
    case 'CORRECTION':
      if (c.withdraws === 'DEATH' && !p.deathDate) return 'Tidak ada kematian yang tercatat untuk dibatalkan.';
      if (c.withdraws === 'MOVE_OUT' && !p.movedOutDate) return 'Tidak ada kepindahan yang tercatat untuk dibatalkan.';
      if (!c.withdraws) return 'Pilih catatan yang dibatalkan (kematian atau kepindahan).';
      return null;
  }
}

export interface BasisPoint {
  date: string;
  eligible: boolean;
  basis: string | null;
  rule: string | null;
  /** Why not covered: the first blocking reason. */
  reason?: string | null;
}

/** Consecutive dates with the same outcome, merged into periods: "covered as RESIDENT from …, not covered from …". */
export function basisPeriods(points: readonly BasisPoint[]): (BasisPoint & { until: string | null })[] {
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const out: (BasisPoint & { until: string | null })[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (
      last &&
      last.eligible === p.eligible &&
      last.basis === p.basis &&
      last.rule === p.rule &&
      (last.reason ?? null) === (p.reason ?? null)
    )
      continue;
    if (last) last.until = p.date;
    out.push({ ...p, until: null });
  }
  return out;
}
