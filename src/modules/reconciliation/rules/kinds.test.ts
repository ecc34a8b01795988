import { describe, expect, it } from 'vitest';
import {
  approvesAll,
  describeChange,
  JKN_KINDS,
  KIND_LABEL,
  MEMBERSHIP_CHANGE,
  membershipChangeTable,
  POPULATION_KINDS,
  rejectionProblem,
  selectionProblem,
  closingStatus,
} from './kinds.js';

describe('reconciliation kinds', () => {
  it('labels every kind and maps each to a MEM-6 change or, for information only, to none', () => {
    for (const k of [...POPULATION_KINDS, ...JKN_KINDS]) expect(KIND_LABEL[k]).toBeTruthy();
    expect(MEMBERSHIP_CHANGE.MISSING).toEqual({ kind: 'MOVE_OUT', reason: 'tidak ada dalam snapshot' });
    expect(MEMBERSHIP_CHANGE.UNKNOWN_NIK).toBeNull();
    expect(MEMBERSHIP_CHANGE.OTHER_JKN).toBeNull();
    const [items, changes, reasons] = membershipChangeTable();
    expect(items).toHaveLength(11);
    expect(items).not.toContain('UNKNOWN_NIK');
    expect(changes[items.indexOf('EKTP_RECORDED')]).toBe('CORRECTION');
    expect(reasons.every((r) => r.length > 0)).toBe(true);
  });

  it('reads a selection: nothing named means everything; unknown kinds and bad ids are refused', () => {
    expect(approvesAll({})).toBe(true);
    expect(approvesAll({ kinds: [], itemIds: [] })).toBe(true);
    expect(approvesAll({ kinds: ['DEATH'] })).toBe(false);
    expect(selectionProblem('population', { kinds: ['DEATH', 'BIRTH'], itemIds: [3] })).toBeNull();
    expect(selectionProblem('population', { kinds: ['NEWLY_PBI'] })).toMatch(
      /tidak dikenal untuk data penduduk: NEWLY_PBI/,
    );
    expect(selectionProblem('jkn', { kinds: ['DEATH'] })).toMatch(/data JKN/);
    expect(selectionProblem('jkn', { itemIds: [0] })).toMatch(/positif/);
    expect(selectionProblem('jkn', { itemIds: [1.5] })).toMatch(/positif/);
  });

  it('keeps a set open while anything is undecided, then says what became of it', () => {
    expect(closingStatus({ pending: 4, approved: 5, declined: 0, stale: 0 })).toBe('PENDING');
    expect(closingStatus({ pending: 0, approved: 3, declined: 0, stale: 0 })).toBe('APPROVED');
    expect(closingStatus({ pending: 0, approved: 0, declined: 0, stale: 1 })).toBe('APPROVED');
    expect(closingStatus({ pending: 0, approved: 3, declined: 2, stale: 0 })).toBe('PARTIALLY_APPROVED');
    expect(closingStatus({ pending: 0, approved: 0, declined: 5, stale: 0 })).toBe('REJECTED');
    expect(rejectionProblem('  ok ')).toMatch(/minimal 5 huruf/);
    expect(rejectionProblem('Berkas salah kirim')).toBeNull();
  });

  it('describes what changes, field by field', () => {
    expect(describeChange({ death_date: null }, { death_date: '2026-11-20' })).toEqual([
      'Tanggal meninggal: — → 2026-11-20',
    ]);
    expect(
      describeChange(
        { village_code: '3275011001', address: 'A', rt: '001', rw: '002' },
        { village_code: '3275021001', address: 'A', rt: '001', rw: '003' },
      ),
    ).toEqual(['Kode wilayah: 3275011001 → 3275021001', 'RW: 002 → 003']);
    expect(describeChange({ ektp_recorded: false }, { ektp_recorded: true })).toEqual(['e-KTP: Tidak → Ya']);
    expect(describeChange(null, { name: 'BAYI', birth_date: '2026-11-10', birth_place: null })).toEqual([
      'Nama: BAYI',
      'Tanggal lahir: 2026-11-10',
    ]);
    expect(describeChange({ segment: 'PBI_APBN' }, null)).toEqual([
      'Tidak lagi ada dalam berkas JKN: periode kepesertaan berakhir',
    ]);
  });
});
