/**
 * What a public verification page may show of a name: its initials, at most
 * four ("SITI RAHMAWATI" → "S. R."). Accents fold into their letter, and
 * apostrophes do not split a word.
 */
export function initials(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join(' ');
}
