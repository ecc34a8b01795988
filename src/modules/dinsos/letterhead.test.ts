import { describe, expect, it } from 'vitest';
import { letterhead } from './letterhead.js';

describe('letterhead', () => {
  it('names the city or regency the population belongs to', () => {
    expect(letterhead('KOTA BEKASI')).toEqual({
      government: 'PEMERINTAH KOTA BEKASI',
      office: 'DINAS SOSIAL',
      region: 'Kota Bekasi',
      head: 'Kepala Dinas Sosial Kota Bekasi',
      place: 'Bekasi',
      address: null,
    });
    expect(letterhead('KABUPATEN PESAWARAN').government).toBe('PEMERINTAH KABUPATEN PESAWARAN');
    expect(letterhead('KOTA TANJUNG PINANG').place).toBe('Tanjung Pinang');
    expect(letterhead('KAB. BANGKA-BELITUNG').head).toBe('Kepala Dinas Sosial Kabupaten Bangka-Belitung');
  });

  it('falls back to a generic letterhead when the area is unknown', () => {
    expect(letterhead(null)).toEqual({
      government: 'PEMERINTAH KOTA',
      office: 'DINAS SOSIAL',
      region: null,
      head: 'Kepala Dinas Sosial',
      place: null,
      address: null,
    });
    expect(letterhead('JAWA BARAT').government).toBe('PEMERINTAH KOTA');
  });
});
