/**
 * Letter numbers: `<seq, at least 4 digits>/REK-JKD/DINSOS/<year>`, e.g.
 * `0007/REK-JKD/DINSOS/2026`. The sequence restarts at 1 each calendar year
 * (Asia/Jakarta) of the issue date; the counter that hands it out lives in the
 * database (recommendation_counter), incremented in the issuing transaction.
 */
export const NUMBER_CODE = 'REK-JKD/DINSOS';

export function formatLetterNumber(seq: number, year: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Nomor urut harus bilangan bulat positif: ${seq}`);
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new RangeError(`Tahun tidak sah: ${year}`);
  return `${String(seq).padStart(4, '0')}/${NUMBER_CODE}/${year}`;
}

const NUMBER_RE = /^(\d{4,})\/REK-JKD\/DINSOS\/(\d{4})$/;

/** The sequence and year of a letter number, or null when it is not one. */
export function parseLetterNumber(raw: string): { seq: number; year: number } | null {
  const m = NUMBER_RE.exec(raw.trim().toUpperCase());
  if (!m) return null;
  const seq = Number(m[1]);
  const year = Number(m[2]);
  if (seq < 1 || year < 2000 || year > 2999) return null;
  return { seq, year };
}
