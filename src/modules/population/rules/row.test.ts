import { describe, expect, it } from 'vitest';
import { checkPopulationRow, parseSex, type Column } from './row.js';

const AS_OF = '2026-11-01';

/** A valid row of docs/contracts/population.md: a man born 17 August 1985 whose NIK agrees with his data. */
const VALID: Record<Column, string> = {
  nik: '3275011708850001',
  no_kk: '3275010101090001',
  nama: 'BUDI SANTOSO',
  jenis_kelamin: 'L',
  tanggal_lahir: '1985-08-17',
  hubungan_keluarga: 'KEPALA KELUARGA',
  kode_wilayah: '3275011001',
  status_ektp: 'Y',
  tempat_lahir: 'BEKASI',
  alamat: 'JL. MAWAR 1',
  rt: '001',
  rw: '002',
  tanggal_meninggal: '',
  tanggal_pindah: '',
};

function check(changes: Partial<Record<Column, string>> = {}, asOf = AS_OF) {
  const row = { ...VALID, ...changes };
  return checkPopulationRow((c) => row[c], asOf);
}

/** The one rejection a row with a single bad cell gets: its column and reason. */
function rejection(changes: Partial<Record<Column, string>>) {
  const r = check(changes);
  expect(r.record).toBeNull();
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
}

describe('checkPopulationRow', () => {
  it('accepts a valid row as a person record, without warnings', () => {
    expect(check()).toEqual({
      record: {
        nik: '3275011708850001',
        noKk: '3275010101090001',
        name: 'BUDI SANTOSO',
        sex: 'L',
        birthPlace: 'BEKASI',
        birthDate: '1985-08-17',
        relation: 'KEPALA KELUARGA',
        address: 'JL. MAWAR 1',
        rt: '001',
        rw: '002',
        villageCode: '3275011001',
        ektpRecorded: true,
        deathDate: null,
        movedOutDate: null,
      },
      errors: [],
      warnings: [],
    });
  });

  it('normalises what the contract allows: dates in DD-MM-YYYY, dotted area codes, sex words, relation case and spacing', () => {
    const r = check({
      tanggal_lahir: '17/08/1985',
      kode_wilayah: '32.75.01.1001',
      jenis_kelamin: 'laki-laki',
      hubungan_keluarga: ' kepala   keluarga ',
      status_ektp: 'n',
      nama: '  BUDI   SANTOSO ',
      tempat_lahir: '',
      alamat: '',
      rt: '',
      rw: '',
      tanggal_meninggal: '01-10-2026',
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.record).toMatchObject({
      birthDate: '1985-08-17',
      villageCode: '3275011001',
      sex: 'L',
      relation: 'KEPALA KELUARGA',
      ektpRecorded: false,
      name: 'BUDI SANTOSO',
      birthPlace: null,
      address: null,
      rt: null,
      rw: null,
      deathDate: '2026-10-01',
      movedOutDate: null,
    });
  });

  it.each([
    [{ nik: '' }, 'nik', '', 'NIK wajib diisi.'],
    [{ nik: '32750117088500' }, 'nik', '32750117088500', 'NIK harus 16 digit angka.'],
    [{ no_kk: '' }, 'no_kk', '', 'Nomor KK wajib diisi.'],
    [{ no_kk: '32750101010900' }, 'no_kk', '32750101010900', 'Nomor KK harus 16 digit angka.'],
    [{ nama: '' }, 'nama', '', 'Nama wajib diisi.'],
    [{ nama: 'BUDI\u0007' }, 'nama', 'BUDI\u0007', 'Nama memuat karakter kendali atau lebih dari 200 karakter.'],
    [{ jenis_kelamin: 'X' }, 'jenis_kelamin', 'X', 'Jenis kelamin harus L atau P (juga LAKI-LAKI/PEREMPUAN, 1/2).'],
    [{ tanggal_lahir: '' }, 'tanggal_lahir', '', 'Tanggal lahir wajib diisi.'],
    [
      { tanggal_lahir: '1985-02-30' },
      'tanggal_lahir',
      '1985-02-30',
      'Tanggal lahir tidak sah (format YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY).',
    ],
    [{ hubungan_keluarga: '' }, 'hubungan_keluarga', '', 'Hubungan keluarga wajib diisi.'],
    [{ kode_wilayah: '' }, 'kode_wilayah', '', 'Kode wilayah wajib diisi.'],
    [
      { kode_wilayah: '327501100' },
      'kode_wilayah',
      '327501100',
      'Kode wilayah (kelurahan/desa) harus 10 digit, titik boleh (32.75.01.1001).',
    ],
    [{ status_ektp: 'YA' }, 'status_ektp', 'YA', 'Status e-KTP harus Y (sudah rekam) atau N.'],
    [
      { tanggal_meninggal: '2026-13-01' },
      'tanggal_meninggal',
      '2026-13-01',
      'Tanggal meninggal tidak sah (format YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY).',
    ],
    [
      { tanggal_meninggal: '2026-11-02' },
      'tanggal_meninggal',
      '2026-11-02',
      'Tanggal meninggal setelah tanggal data (2026-11-01).',
    ],
    [{ tanggal_pindah: '1980-01-01' }, 'tanggal_pindah', '1980-01-01', 'Tanggal pindah sebelum tanggal lahir.'],
  ] as const)('rejects %o in column %s', (changes, column, value, reason) => {
    expect(rejection(changes)).toEqual({ column, value, reason });
  });

  it('rejects an unknown family relation and names the allowed ones', () => {
    const e = rejection({ hubungan_keluarga: 'SEPUPU' });
    expect(e.column).toBe('hubungan_keluarga');
    expect(e.value).toBe('SEPUPU');
    expect(e.reason).toMatch(/^Hubungan keluarga tidak dikenal\. Pilihan: KEPALA KELUARGA, SUAMI, ISTRI, ANAK,/);
  });

  it('rejects a birth after the data date, with that date in the reason', () => {
    // The NIK carries the birth date, so the NIK of someone born on 2026-11-02 keeps the row to one rejection.
    expect(rejection({ nik: '3275010211260001', tanggal_lahir: '2026-11-02' })).toEqual({
      column: 'tanggal_lahir',
      value: '2026-11-02',
      reason: 'Tanggal lahir setelah tanggal data (2026-11-01).',
    });
  });

  it('reports every bad cell of a row, not only the first, and keeps the warnings', () => {
    const r = check({ nik: '', no_kk: '', status_ektp: '', rt: 'ABCD' });
    expect(r.record).toBeNull();
    expect(r.errors.map((e) => e.column)).toEqual(['nik', 'no_kk', 'status_ektp']);
    expect(r.warnings.map((w) => w.column)).toEqual(['rt']);
  });

  it('accepts with a warning, and drops the value of, an RT/RW that is not 1–3 digits and text with control characters', () => {
    const r = check({ rt: '0001', rw: 'A', tempat_lahir: 'BEKASI\u0000', alamat: 'x'.repeat(301) });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      { column: 'rt', value: '0001', reason: 'RT harus 1–3 digit; nilai diabaikan.' },
      { column: 'rw', value: 'A', reason: 'RW harus 1–3 digit; nilai diabaikan.' },
      {
        column: 'tempat_lahir',
        value: 'BEKASI\u0000',
        reason: 'Teks memuat karakter kendali atau lebih dari 100 karakter; nilai diabaikan.',
      },
      {
        column: 'alamat',
        value: 'x'.repeat(301),
        reason: 'Teks memuat karakter kendali atau lebih dari 300 karakter; nilai diabaikan.',
      },
    ]);
    expect(r.record).toMatchObject({ rt: null, rw: null, birthPlace: null, address: null });
  });

  it('accepts with a NIK_DATA_MISMATCH warning a NIK whose birth date or sex disagrees with the data', () => {
    const birth = check({ tanggal_lahir: '1985-08-18' });
    expect(birth.record).not.toBeNull();
    expect(birth.warnings).toEqual([
      {
        column: 'nik',
        value: '3275011708850001',
        reason: 'NIK_DATA_MISMATCH: tanggal lahir pada NIK tidak sesuai data; diterima dengan peringatan.',
      },
    ]);
    const both = check({ tanggal_lahir: '1985-08-18', jenis_kelamin: 'P' });
    expect(both.record).not.toBeNull();
    expect(both.warnings[0]!.reason).toBe(
      'NIK_DATA_MISMATCH: tanggal lahir dan jenis kelamin pada NIK tidak sesuai data; diterima dengan peringatan.',
    );
  });
});

describe('parseSex', () => {
  it('reads the codes and words of the contract, and nothing else', () => {
    expect(['L', 'l', '1', 'LAKI-LAKI', 'laki laki'].map(parseSex)).toEqual(['L', 'L', 'L', 'L', 'L']);
    expect(['P', ' p ', '2', 'PEREMPUAN'].map(parseSex)).toEqual(['P', 'P', 'P', 'P']);
    expect(['', 'M', 'F', '3', 'WANITA'].map(parseSex)).toEqual([null, null, null, null, null]);
  });
});
