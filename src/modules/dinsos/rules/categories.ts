/**
 * Who a Dinas Sosial recommendation letter may be issued for (SPEC DIN-1,
 * MEM-3.3): residents declared unable to pay (Perwal 27A/2017 art. 1(15),
 * art. 4(a)(2)) and the special groups of Perda 9/2018 art. 7(3) — inmates,
 * neglected persons, residents of social institutions (panti) and detainees
 * held for the police or prosecutors, who may not be in the population data.
 */
import { CATEGORIES, type Category } from '../labels.js';

export { CATEGORIES, CATEGORY_LABEL, INSTITUTION_LABEL, type Category } from '../labels.js';

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** The special groups of Perda 9/2018 art. 7(3): everything but TIDAK_MAMPU. */
export function isSpecialGroup(c: Category): boolean {
  return c !== 'TIDAK_MAMPU';
}

/** The regulation each category rests on, printed on the letter. */
export const CATEGORY_BASIS: Record<Category, string> = {
  TIDAK_MAMPU: 'Peraturan Wali Kota Nomor 27.A Tahun 2017 Pasal 4 huruf a angka 2',
  WARGA_BINAAN_LAPAS: 'Peraturan Daerah Nomor 9 Tahun 2018 Pasal 7 ayat (3)',
  ORANG_TERLANTAR: 'Peraturan Daerah Nomor 9 Tahun 2018 Pasal 7 ayat (3)',
  PENGHUNI_PANTI: 'Peraturan Daerah Nomor 9 Tahun 2018 Pasal 7 ayat (3)',
  TAHANAN: 'Peraturan Daerah Nomor 9 Tahun 2018 Pasal 7 ayat (3)',
};
