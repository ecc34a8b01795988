import { describe, expect, it } from 'vitest';
import { CARDS_PER_SHEET, pdfPageCount, renderCardsPdf, titleCase, type PrintableCard } from './pdf.js';

const card = (i: number, members = 4): PrintableCard => ({
  number: `KS-3275-${String(i).padStart(7, '0')}`,
  noKk: '3275010101900201',
  issuedOn: '2026-11-22',
  headName: 'BUDI SANTOSO',
  address: 'JL. MAWAR NO. 1',
  rt: '001',
  rw: '002',
  villageName: 'Bekasijaya',
  districtName: 'Bekasi Timur',
  regencyName: 'KOTA BEKASI',
  verifyUrl: 'https://jamkesda.example/verifikasi/kartu/7K2M9QXH4T8D',
  verifyCode: '7K2M9QXH4T8D',
  members: Array.from({ length: members }, (_, k) => ({
    nik: `32750115038000${String(k + 1).padStart(2, '0')}`,
    name: `ANGGOTA ${k + 1}`,
    relation: k === 0 ? 'KEPALA KELUARGA' : 'ANAK',
    included: k % 3 !== 2,
  })),
});

describe('renderCardsPdf', () => {
  it('makes a front and a back page per card in the card layout', async () => {
    const bytes = await renderCardsPdf([card(1), card(2, 14), card(3, 1)], 'CARD', 'Uji');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBe(6);
  });

  it('puts eight cards on an A4 sheet, a sheet of fronts then a sheet of backs', async () => {
    expect(CARDS_PER_SHEET).toBe(8);
    const cards = Array.from({ length: 9 }, (_, i) => card(i + 1));
    expect(pdfPageCount(await renderCardsPdf(cards, 'A4', 'Uji'))).toBe(4);
    expect(pdfPageCount(await renderCardsPdf(cards.slice(0, 8), 'A4', 'Uji'))).toBe(2);
  });

  it('never lets a very large family spill onto an extra page', async () => {
    expect(pdfPageCount(await renderCardsPdf([card(1, 30)], 'CARD', 'Uji'))).toBe(2);
  });
});

describe('titleCase', () => {
  it('writes area names as a letterhead does', () => {
    expect(titleCase('KOTA BEKASI')).toBe('Kota Bekasi');
    expect(titleCase('KABUPATEN BANDUNG BARAT')).toBe('Kabupaten Bandung Barat');
  });
});
