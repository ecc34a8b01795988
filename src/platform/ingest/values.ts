/** Cell-level parsing shared by every import. Each returns null when the text is not acceptable. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/;

export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY` → `YYYY-MM-DD`; an impossible date is null. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = ISO.exec(s);
  if (match) {
    y = +match[1]!;
    m = +match[2]!;
    d = +match[3]!;
  } else if ((match = DMY.exec(s))) {
    d = +match[1]!;
    m = +match[2]!;
    y = +match[3]!;
  } else {
    return null;
  }
  if (y < 1870 || !isRealDate(y, m, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MESSY_SPACE = /\s\s|[\t\n\r\f\v\u00a0]/;
// biome-ignore lint: control characters are exactly what we refuse
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Collapses inner whitespace; refuses control characters. Runs for every cell of big files: no work when the text is clean. */
export function cleanText(text: string, max: number): string | null {
  let s = text.trim();
  if (MESSY_SPACE.test(s)) s = s.replace(/\s+/g, ' ');
  if (s.length > max || CONTROL.test(s)) return null;
  return s;
}

export function digitsOnly(text: string): string {
  return text.replace(/[.\s-]/g, '');
}
