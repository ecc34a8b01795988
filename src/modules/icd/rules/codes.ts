/**
 * ICD-10 codes as the reference tables keep them: a letter, two digits and an
 * optional dot with up to four characters ("A09", "E11.9"). What people type
 * ("e119", " J06.9 ") is normalised first.
 */
const CODE_RE = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;

export function normaliseIcd(raw: string): string | null {
  let s = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (/^[A-Z][0-9]{2}[0-9A-Z]{1,4}$/.test(s)) s = `${s.slice(0, 3)}.${s.slice(3)}`;
  return CODE_RE.test(s) ? s : null;
}

/** The three-character category of a code ("E11.9" → "E11"). */
export function icdCategory(code: string): string {
  return code.slice(0, 3);
}

/**
 * REF-6: whether a diagnosis is on the primary-care competency list. A list
 * entry without a decimal part covers its whole category ("J06" covers "J06.9");
 * an entry with one covers that code only.
 */
export function onCompetencyList(code: string, list: ReadonlySet<string>): boolean {
  return list.has(code) || list.has(icdCategory(code));
}

export interface ReferenceRow {
  code: string;
  title: string;
}

export interface CsvProblem {
  line: number;
  message: string;
}

/**
 * Rows of a reference CSV (header `kode,judul`, UTF-8, comma or semicolon).
 * Every bad line is reported with its line number; a code given twice is a problem.
 */
export function parseReferenceRows(records: Record<string, string>[]): {
  rows: ReferenceRow[];
  problems: CsvProblem[];
} {
  const rows: ReferenceRow[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const line = i + 2;
    const code = normaliseIcd(r.kode ?? '');
    const title = (r.judul ?? '').trim().replace(/\s+/g, ' ');
    if (!code)
      problems.push({
        line,
        message: `Baris ${line}: kode "${(r.kode ?? '').slice(0, 12)}" bukan kode ICD-10 (contoh: A09, E11.9).`,
      });
    else if (!title) problems.push({ line, message: `Baris ${line}: judul untuk kode ${code} kosong.` });
    else if (title.length > 300)
      problems.push({ line, message: `Baris ${line}: judul untuk kode ${code} lebih dari 300 karakter.` });
    else if (seen.has(code)) problems.push({ line, message: `Baris ${line}: kode ${code} muncul lebih dari sekali.` });
    else {
      seen.add(code);
      rows.push({ code, title });
    }
  });
  return { rows, problems };
}
