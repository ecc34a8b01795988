/**
 * Who issues the letter, from the regency/city the population data belongs to
 * (admin_area names such as "KOTA BEKASI" or "KABUPATEN PESAWARAN"). Without
 * population data the letterhead is the generic "PEMERINTAH KOTA".
 */
export interface Letterhead {
  /** "PEMERINTAH KOTA BEKASI" */
  government: string;
  office: string;
  /** "Kepala Dinas Sosial Kota Bekasi" */
  head: string;
  /** Where the letter is signed: "Bekasi"; null when unknown. */
  place: string | null;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

export function letterhead(regencyName: string | null): Letterhead {
  const name = regencyName?.trim().replace(/\s+/g, ' ').toUpperCase() ?? '';
  const m = /^(KOTA|KABUPATEN|KAB\.)\s+(.+)$/.exec(name);
  if (!m) {
    return { government: 'PEMERINTAH KOTA', office: 'DINAS SOSIAL', head: 'Kepala Dinas Sosial', place: null };
  }
  const kind = m[1] === 'KOTA' ? 'KOTA' : 'KABUPATEN';
  const place = titleCase(m[2]!);
  return {
    government: `PEMERINTAH ${kind} ${m[2]}`,
    office: 'DINAS SOSIAL',
    head: `Kepala Dinas Sosial ${kind === 'KOTA' ? 'Kota' : 'Kabupaten'} ${place}`,
    place,
  };
}
