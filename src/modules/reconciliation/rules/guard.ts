/**
 * Issue 10, data safety: a later snapshot that would end an unusual share of
 * the register is a sign of a truncated or partial file, not of a city that
 * emptied overnight. Pure: the service counts, this decides.
 *
 * - `suspect`: more than `suspectPercent` of the residents (population) or
 *   open memberships (JKN) would end, or the file has more than
 *   `suspectPercent` fewer rows than the last applied file. The set is made,
 *   flagged, and its endings can only be approved with a typed confirmation.
 * - `refused`: more than `refusePercent` would end. No change set is made;
 *   the import fails (a file-level fault).
 */
import type { ChangeSetKind } from './kinds.js';

export interface GuardLimits {
  /** Share (percent) of the register ending, or of rows missing against the last file, that flags a set. Default 5. */
  suspectPercent: number;
  /** Share (percent) of the register ending past which the file is refused outright. Default 95. */
  refusePercent: number;
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = { suspectPercent: 5, refusePercent: 95 };

export interface GuardFacts {
  kind: ChangeSetKind;
  /** Residents alive and not moved out (population), or open JKN memberships, before this file. */
  before: number;
  /** Data rows in the file (read, accepted or not). */
  rows: number;
  /** Data rows of the last applied file of this kind; null when unknown. */
  previousRows: number | null;
  /** How many would end: residents absent from the snapshot (MISSING), or memberships absent from the JKN file. */
  ending: number;
}

/** What the officer is shown: the figures, the threshold in force and why the set is flagged. */
export interface GuardFigures extends GuardFacts {
  /** Share of `before` that would end, in percent, one decimal. */
  endingPercent: number;
  /** How many fewer rows than the last file, in percent (0 when more), one decimal; null without a last file. */
  rowDropPercent: number | null;
  suspectPercent: number;
  refusePercent: number;
  reasons: string[];
}

export interface GuardVerdict {
  verdict: 'ok' | 'suspect' | 'refused';
  figures: GuardFigures;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const id = (n: number) => n.toLocaleString('id-ID');
const idPct = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 1 });

/** Who ends, in words: residents or JKN memberships. */
export function endingNoun(kind: ChangeSetKind): string {
  return kind === 'jkn' ? 'kepesertaan JKN' : 'penduduk';
}

export function assessChangeSet(f: GuardFacts, limits: GuardLimits = DEFAULT_GUARD_LIMITS): GuardVerdict {
  const endingPercent = pct(f.ending, f.before);
  const rowDropPercent =
    f.previousRows && f.previousRows > 0 ? Math.max(0, pct(f.previousRows - f.rows, f.previousRows)) : null;
  const reasons: string[] = [];
  const base =
    f.kind === 'jkn' ? 'kepesertaan JKN yang masih berlaku' : 'penduduk yang tercatat hidup dan belum pindah';
  const verb =
    f.kind === 'jkn'
      ? 'akan berakhir karena tidak ada dalam berkas'
      : 'tidak ada dalam snapshot dan akan dicatat pindah keluar';
  const refused = f.ending > 0 && endingPercent > limits.refusePercent;
  if (endingPercent > limits.suspectPercent) {
    reasons.push(
      `${id(f.ending)} dari ${id(f.before)} ${base} (${idPct(endingPercent)} %) ${verb}; batas kewajaran ${idPct(refused ? limits.refusePercent : limits.suspectPercent)} %.`,
    );
  }
  if (!refused && rowDropPercent !== null && rowDropPercent > limits.suspectPercent) {
    reasons.push(
      `Berkas ini berisi ${id(f.rows)} baris, ${idPct(rowDropPercent)} % lebih sedikit dari berkas terakhir (${id(f.previousRows!)} baris); batas kewajaran ${idPct(limits.suspectPercent)} %.`,
    );
  }
  const figures: GuardFigures = {
    ...f,
    endingPercent,
    rowDropPercent,
    suspectPercent: limits.suspectPercent,
    refusePercent: limits.refusePercent,
    reasons,
  };
  return { verdict: refused ? 'refused' : reasons.length > 0 ? 'suspect' : 'ok', figures };
}

/** The 422 message of a file refused for its endings: what, how many, and what to do. */
export function refusalMessage(g: GuardFigures): string {
  return (
    `Berkas ditolak: ${g.reasons.join(' ')} Berkas kemungkinan terpotong atau hanya sebagian wilayah; tidak ada daftar perubahan yang dibuat ` +
    'dan data tidak berubah. Minta berkas lengkap dari sumbernya, lalu impor lagi.'
  );
}

/**
 * What a typed confirmation must say before endings of a suspect set are
 * approved: null when nothing is needed or it matches, else the message.
 */
export function confirmationProblem(
  suspect: boolean,
  kind: ChangeSetKind,
  ending: number,
  typed: number | undefined,
): string | null {
  if (!suspect || ending === 0) return null;
  if (typed === ending) return null;
  const what = `Persetujuan ini akan mengakhiri ${id(ending)} ${endingNoun(kind)} pada daftar perubahan yang ditandai mencurigakan.`;
  if (typed === undefined) return `${what} Ketik jumlahnya (${ending}) sebagai konfirmasi untuk melanjutkan.`;
  return `${what} Konfirmasi yang diketik (${typed}) tidak sama dengan jumlah tersebut (${ending}); tidak ada yang disetujui.`;
}
