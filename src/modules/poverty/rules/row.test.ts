import { describe, expect, it } from 'vitest';
import { checkPovertyRow, type Column } from './row.js';

const AS_OF = '2026-11-01';

/** A valid row of docs/contracts/poverty.md. */
const VALID: Record<Column, string> = {
  nik: '3275011708850001',
  desil: '1',
  status: 'AKTIF',
  tanggal_penetapan: '2025-06-30',
};

function check(changes: Partial<Record<Column, string>> = {}, asOf = AS_OF) {
  const row = { ...VALID, ...changes };
  return checkPovertyRow((c) => row[c], asOf);
}

function rejection(changes: Partial<Record<Column, string>>) {
  const r = check(changes);
  expect(r.record).toBeNull();
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
}

describe('checkPovertyRow', () => {
  it('accepts a valid row as a DTKS record, without warnings', () => {
    expect(check()).toEqual({
      record: { nik: '3275011708850001', decile: 1, status: 'AKTIF', designatedOn: '2025-06-30' },
      errors: [],
      warnings: [],
    });
  });

  it('takes a blank status as AKTIF, reads NONAKTIF variants, and leaves a blank designation date empty', () => {
    expect(check({ status: '', tanggal_penetapan: '' }).record).toEqual({
      nik: '3275011708850001',
      decile: 1,
      status: 'AKTIF',
      designatedOn: null,
    });
    expect(check({ status: 'tidak aktif' }).record?.status).toBe('NONAKTIF');
    expect(check({ status: 'NON-AKTIF' }).record?.status).toBe('NONAKTIF');
    expect(check({ desil: '10' }).record?.decile).toBe(10);
    expect(check({ tanggal_penetapan: '30-06-2025' }).record?.designatedOn).toBe('2025-06-30');
  });

  it.each([
    [{ nik: '' }, 'nik', '', 'NIK wajib diisi.'],
    [{ nik: '3275011708850' }, 'nik', '3275011708850', 'NIK harus 16 digit angka.'],
    [{ desil: '0' }, 'desil', '0', 'Desil harus bilangan 1 sampai 10.'],
    [{ desil: '11' }, 'desil', '11', 'Desil harus bilangan 1 sampai 10.'],
    [{ desil: '' }, 'desil', '', 'Desil harus bilangan 1 sampai 10.'],
    [{ desil: '2.5' }, 'desil', '2.5', 'Desil harus bilangan 1 sampai 10.'],
    [{ status: 'MISKIN' }, 'status', 'MISKIN', 'Status harus AKTIF atau NONAKTIF.'],
    [{ tanggal_penetapan: '2025-02-29' }, 'tanggal_penetapan', '2025-02-29', 'Tanggal penetapan tidak sah.'],
    [
      { tanggal_penetapan: '2026-11-02' },
      'tanggal_penetapan',
      '2026-11-02',
      'Tanggal penetapan setelah tanggal data (2026-11-01).',
    ],
  ] as const)('rejects %o in column %s', (changes, column, value, reason) => {
    expect(rejection(changes)).toEqual({ column, value, reason });
  });

  it('reports every bad cell of a row and never warns', () => {
    const r = check({ nik: '', desil: 'x', status: '?', tanggal_penetapan: 'kemarin' });
    expect(r.record).toBeNull();
    expect(r.errors.map((e) => e.column)).toEqual(['nik', 'desil', 'status', 'tanggal_penetapan']);
    expect(r.warnings).toEqual([]);
  });
});
