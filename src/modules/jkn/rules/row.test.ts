import { describe, expect, it } from 'vitest';
import { checkJknRow, parseJknStatus, type Column } from './row.js';

const AS_OF = '2026-11-01';

/** A valid row of docs/contracts/jkn-membership.md. */
const VALID: Record<Column, string> = {
  nik: '3275011708850001',
  no_kartu: '0001234567890',
  segmen: 'PBI_APBD',
  kelas: '3',
  status: 'AKTIF',
  nama: 'BUDI SANTOSO',
  tanggal_mulai: '2019-01-01',
  tunggakan_bulan: '0',
  faskes_tk1: 'PKM-3275-001',
};

function check(changes: Partial<Record<Column, string>> = {}, asOf = AS_OF) {
  const row = { ...VALID, ...changes };
  return checkJknRow((c) => row[c], asOf);
}

function rejection(changes: Partial<Record<Column, string>>) {
  const r = check(changes);
  expect(r.record).toBeNull();
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
}

describe('checkJknRow', () => {
  it('accepts a valid row as a membership record, without warnings', () => {
    expect(check()).toEqual({
      record: {
        nik: '3275011708850001',
        cardNumber: '0001234567890',
        name: 'BUDI SANTOSO',
        segment: 'PBI_APBD',
        class: 3,
        status: 'AKTIF',
        startDate: '2019-01-01',
        arrearsMonths: 0,
        primaryFacility: 'PKM-3275-001',
      },
      errors: [],
      warnings: [],
    });
  });

  it('leaves the optional columns empty when blank, and reads segment and status as the contract allows', () => {
    const r = check({
      segmen: 'pbpu pemda',
      status: 'Tidak Aktif',
      nama: '',
      tanggal_mulai: '',
      tunggakan_bulan: '',
      faskes_tk1: '',
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.record).toMatchObject({
      segment: 'PBPU_PEMDA',
      status: 'NONAKTIF',
      name: null,
      startDate: null,
      arrearsMonths: null,
      primaryFacility: null,
    });
    expect(check({ tanggal_mulai: '01/02/2020' }).record?.startDate).toBe('2020-02-01');
  });

  it.each([
    [{ nik: '' }, 'nik', '', 'NIK wajib diisi.'],
    [{ nik: '327501170885' }, 'nik', '327501170885', 'NIK harus 16 digit angka.'],
    [{ no_kartu: '' }, 'no_kartu', '', 'Nomor kartu JKN wajib diisi.'],
    [{ no_kartu: '000123456789' }, 'no_kartu', '000123456789', 'Nomor kartu JKN harus 13 digit angka.'],
    [{ kelas: '4' }, 'kelas', '4', 'Kelas harus 1, 2 atau 3.'],
    [{ kelas: '' }, 'kelas', '', 'Kelas harus 1, 2 atau 3.'],
    [{ status: 'AKTIV' }, 'status', 'AKTIV', 'Status harus AKTIF atau NONAKTIF.'],
    [
      { tanggal_mulai: '2019-02-29' },
      'tanggal_mulai',
      '2019-02-29',
      'Tanggal mulai tidak sah (format YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY).',
    ],
    [
      { tanggal_mulai: '2026-11-02' },
      'tanggal_mulai',
      '2026-11-02',
      'Tanggal mulai setelah tanggal data (2026-11-01).',
    ],
    [{ tunggakan_bulan: '-1' }, 'tunggakan_bulan', '-1', 'Tunggakan harus bilangan bulat bulan (0–999).'],
    [{ tunggakan_bulan: '1000' }, 'tunggakan_bulan', '1000', 'Tunggakan harus bilangan bulat bulan (0–999).'],
  ] as const)('rejects %o in column %s', (changes, column, value, reason) => {
    expect(rejection(changes)).toEqual({ column, value, reason });
  });

  it('rejects an unknown segment and names the allowed ones', () => {
    expect(rejection({ segmen: 'MANDIRI' })).toEqual({
      column: 'segmen',
      value: 'MANDIRI',
      reason: 'Segmen tidak dikenal. Pilihan: PBI_APBN, PBI_APBD, PBPU_PEMDA, PPU, PBPU, BP.',
    });
  });

  it('reports every bad cell of a row', () => {
    const r = check({ nik: '', no_kartu: 'x', kelas: '0', status: '' });
    expect(r.record).toBeNull();
    expect(r.errors.map((e) => e.column)).toEqual(['nik', 'no_kartu', 'kelas', 'status']);
  });

  it('accepts with a warning, and drops, a name with control characters and a facility code that is too long', () => {
    const r = check({ nama: 'BUDI\u0001', faskes_tk1: 'F'.repeat(33) });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      { column: 'nama', value: 'BUDI\u0001', reason: 'Nama memuat karakter kendali; diabaikan.' },
      { column: 'faskes_tk1', value: 'F'.repeat(33), reason: 'Kode faskes tidak sah; diabaikan.' },
    ]);
    expect(r.record).toMatchObject({ name: null, primaryFacility: null });
  });
});

describe('parseJknStatus', () => {
  it('reads AKTIF and NONAKTIF in their written variants, and nothing else', () => {
    expect(['AKTIF', ' aktif '].map(parseJknStatus)).toEqual(['AKTIF', 'AKTIF']);
    expect(['NONAKTIF', 'non-aktif', 'NON_AKTIF', 'tidak aktif'].map(parseJknStatus)).toEqual([
      'NONAKTIF',
      'NONAKTIF',
      'NONAKTIF',
      'NONAKTIF',
    ]);
    expect(['', 'AKTIV', 'MATI'].map(parseJknStatus)).toEqual([null, null, null]);
  });
});
