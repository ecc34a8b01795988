/**
 * Who a Dinas Sosial recommendation letter may be issued for (SPEC DIN-1,
 * MEM-3.3): residents declared unable to pay (Perwal 27A/2017 art. 1(15),
 * art. 4(a)(2)) and the special groups of Perda 9/2018 art. 7(3) — inmates,
 * neglected persons, residents of social institutions (panti) and detainees
 * held for the police or prosecutors, who may not be in the population data.
 */
export const CATEGORIES = [
  'TIDAK_MAMPU',
  'WARGA_BINAAN_LAPAS',
  'ORANG_TERLANTAR',
  'PENGHUNI_PANTI',
  'TAHANAN',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** The special groups of Perda 9/2018 art. 7(3): everything but TIDAK_MAMPU. */
export function isSpecialGroup(c: Category): boolean {
  return c !== 'TIDAK_MAMPU';
}

/** How the letter and the screens name each category. */
export const CATEGORY_LABEL: Record<Category, string> = {
  TIDAK_MAMPU: 'Warga tidak mampu (sosial ekonomi)',
  WARGA_BINAAN_LAPAS: 'Warga binaan pemasyarakatan',
  ORANG_TERLANTAR: 'Warga terlantar',
  PENGHUNI_PANTI: 'Warga panti sosial',
  TAHANAN: 'Tahanan titipan kepolisian/kejaksaan',
};

/** The regulation each category rests on, printed on the letter. */
export const CATEGORY_BASIS: Record<Category, string> = {
  TIDAK_MAMPU: 'Peraturan Wali Kota Nomor 27.A Tahun 2017 Pasal 4 huruf a angka 2',
  WARGA_BINAAN_LAPAS: 'Peraturan Daerah Nomor 9 Tahun 2018 Pasal 7 ayat (3)',
  ORANG_TERLANTAR: 'Peraturan Daerah Nomor 9 Tahun 2018 Pasal 7 ayat (3)',
  PENGHUNI_PANTI: 'Peraturan Daerah Nomor 9 Tahun 2018 Pasal 7 ayat (3)',
  TAHANAN: 'Peraturan Daerah Nomor 9 Tahun 2018 Pasal 7 ayat (3)',
};

/** What the institution field holds for each special group (form label and letter row). */
export const INSTITUTION_LABEL: Record<Category, string> = {
  TIDAK_MAMPU: 'Lembaga',
  WARGA_BINAAN_LAPAS: 'Lembaga pemasyarakatan',
  ORANG_TERLANTAR: 'Tempat penampungan / rumah singgah',
  PENGHUNI_PANTI: 'Panti sosial',
  TAHANAN: 'Rumah tahanan / instansi penahan',
};
