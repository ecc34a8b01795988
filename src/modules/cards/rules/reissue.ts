/**
 * Why an active card needs reissuing ("perlu cetak ulang", decision 0020): a
 * fact its members were placed by has changed since the issue date. The
 * detection is one SQL statement (reissue-repo.ts); these are its reasons in
 * words, and the note a bulk reissue records.
 */
import { FLAG_LABEL, REISSUE_FLAGS, type ReissueFlag } from '../labels.js';

export { FLAG_LABEL, REISSUE_FLAGS, type ReissueFlag } from '../labels.js';

export interface FlagCount {
  reason: ReissueFlag;
  label: string;
  members: number;
}

/** The reasons of one card, in a fixed order, with their labels. */
export function flagList(flags: Partial<Record<ReissueFlag, number>> | undefined): FlagCount[] {
  if (!flags) return [];
  return REISSUE_FLAGS.filter((r) => (flags[r] ?? 0) > 0).map((r) => ({
    reason: r,
    label: FLAG_LABEL[r],
    members: flags[r]!,
  }));
}

/** The note a reissue of a flagged card records (5–500 characters, like any reissue note). */
export function flaggedNote(flags: readonly FlagCount[]): string {
  const what = flags.map((f) => `${f.label} (${f.members})`).join(', ');
  return `Penerbitan ulang karena perubahan kepesertaan: ${what || 'perubahan data keluarga'}.`.slice(0, 500);
}
