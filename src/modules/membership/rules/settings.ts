import { BASES, JKN_SEGMENTS as SEGMENTS, type Basis, type JknSegment } from '../labels.js';

export { BASES, SEGMENTS };

export interface NewSetting {
  effectiveFrom: string;
  bases: string[];
  excludedSegments: string[];
  note: string;
}

/**
 * Whether a program-settings change may be scheduled. A change takes effect
 * from a future date only: decisions already made (today's included) must be
 * explainable later by the settings that made them. Returns the problems in
 * Bahasa Indonesia; empty when acceptable.
 */
export function settingProblems(s: NewSetting, today: string, povertyDataAvailable = false): string[] {
  const problems: string[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.effectiveFrom)) problems.push('Tanggal berlaku harus berformat YYYY-MM-DD.');
  else if (s.effectiveFrom <= today)
    problems.push(
      `Perubahan hanya dapat berlaku mulai besok atau sesudahnya (hari ini ${today}); keputusan yang sudah dibuat tidak boleh berubah.`,
    );
  if (s.bases.length === 0) problems.push('Pilih sedikitnya satu dasar kepesertaan.');
  const unknownBasis = s.bases.filter((b) => !BASES.includes(b as Basis));
  if (unknownBasis.length) problems.push(`Dasar kepesertaan tidak dikenal: ${unknownBasis.join(', ')}.`);
  const unknownSegment = s.excludedSegments.filter((x) => !SEGMENTS.includes(x as JknSegment));
  if (unknownSegment.length) problems.push(`Segmen JKN tidak dikenal: ${unknownSegment.join(', ')}.`);
  if (new Set(s.bases).size !== s.bases.length || new Set(s.excludedSegments).size !== s.excludedSegments.length) {
    problems.push('Setiap dasar dan segmen cukup dipilih sekali.');
  }
  // A poor-only basis without poverty data would refuse everyone (NOT_POOR).
  if (s.bases.includes('POOR') && !povertyDataAvailable) {
    problems.push(
      'Dasar "penduduk miskin terverifikasi" memerlukan data DTKS, yang belum dimuat; pilih dasar lain untuk saat ini.',
    );
  }
  if (s.note.trim().length < 5) problems.push('Tuliskan dasar hukum atau alasan perubahan (misalnya nomor Perwal).');
  return problems;
}
