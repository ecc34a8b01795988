/**
 * Kemendagri area codes: 2 digits province, 4 regency/city, 6 district
 * (kecamatan), 10 village (kelurahan/desa). Published with dots
 * (`32.75.01.1001`); stored and compared without them.
 */
export const AREA_LEVELS = ['PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

const LEVEL_BY_LENGTH: Record<number, AreaLevel> = { 2: 'PROVINCE', 4: 'REGENCY', 6: 'DISTRICT', 10: 'VILLAGE' };
const LENGTH_BY_LEVEL: Record<AreaLevel, number> = { PROVINCE: 2, REGENCY: 4, DISTRICT: 6, VILLAGE: 10 };

/** Digits only, or null when the text is no area code (with or without dots). */
export function normalizeAreaCode(raw: string): string | null {
  const s = raw.trim();
  if (!/^[0-9]+(\.[0-9]+)*$/.test(s)) return null;
  const code = s.replaceAll('.', '');
  return LEVEL_BY_LENGTH[code.length] ? code : null;
}

export function levelOfCode(code: string): AreaLevel | null {
  return /^[0-9]+$/.test(code) ? (LEVEL_BY_LENGTH[code.length] ?? null) : null;
}

/** The parent's code (a prefix), or null for a province. */
export function parentCodeOf(code: string): string | null {
  const level = levelOfCode(code);
  if (!level || level === 'PROVINCE') return null;
  const parentLevel = AREA_LEVELS[AREA_LEVELS.indexOf(level) - 1]!;
  return code.slice(0, LENGTH_BY_LEVEL[parentLevel]);
}

/** The code of the enclosing area at `level` (the code itself at its own level); null when `level` is below it. */
export function ancestorCode(code: string, level: AreaLevel): string | null {
  const own = levelOfCode(code);
  if (!own || AREA_LEVELS.indexOf(level) > AREA_LEVELS.indexOf(own)) return null;
  return code.slice(0, LENGTH_BY_LEVEL[level]);
}
