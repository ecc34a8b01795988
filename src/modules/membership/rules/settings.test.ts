import { describe, expect, it } from 'vitest';
import { settingProblems } from './settings.js';
import { settingsOn } from '../settings.js';

const ok = { effectiveFrom: '2027-01-01', bases: ['RESIDENT'], excludedSegments: ['PBI_APBN'], note: 'Perwal 12/2026' };

describe('settingProblems', () => {
  it('accepts a future change with a reason', () => {
    expect(settingProblems(ok, '2026-11-22')).toEqual([]);
  });
  it('refuses today and the past, so no decision already made can change', () => {
    expect(settingProblems({ ...ok, effectiveFrom: '2026-11-22' }, '2026-11-22')[0]).toMatch(/mulai besok/);
    expect(settingProblems({ ...ok, effectiveFrom: '2020-01-01' }, '2026-11-22')[0]).toMatch(/mulai besok/);
  });
  it('refuses a poor-only basis until poverty data can be used', () => {
    expect(settingProblems({ ...ok, bases: ['POOR'] }, '2026-11-22')[0]).toMatch(/DTKS/);
    expect(settingProblems({ ...ok, bases: ['POOR'] }, '2026-11-22', true)).toEqual([]);
  });
  it('names unknown bases and segments, empty bases, duplicates and a missing reason', () => {
    const p = settingProblems(
      { effectiveFrom: '2027-01-01', bases: ['KAYA', 'RESIDENT', 'RESIDENT'], excludedSegments: ['ASING'], note: '' },
      '2026-11-22',
    );
    expect(p.join(' ')).toMatch(/KAYA/);
    expect(p.join(' ')).toMatch(/ASING/);
    expect(p.join(' ')).toMatch(/sekali/);
    expect(p.join(' ')).toMatch(/alasan/);
    expect(settingProblems({ ...ok, bases: [] }, '2026-11-22')[0]).toMatch(/sedikitnya satu/);
  });
});

describe('settingsOn', () => {
  const all = [
    { id: 1, effectiveFrom: '2018-01-01', bases: ['RESIDENT' as const], excludedSegments: [] },
    { id: 2, effectiveFrom: '2027-01-01', bases: ['POOR' as const], excludedSegments: [] },
  ];
  it('uses the latest settings that began on or before the date', () => {
    expect(settingsOn(all, '2017-12-31')).toBeNull();
    expect(settingsOn(all, '2018-01-01')?.id).toBe(1);
    expect(settingsOn(all, '2026-12-31')?.id).toBe(1);
    expect(settingsOn(all, '2027-01-01')?.id).toBe(2);
  });
});
