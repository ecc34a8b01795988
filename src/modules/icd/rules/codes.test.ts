import { describe, expect, it } from 'vitest';
import { normaliseIcd, onCompetencyList, parseReferenceRows } from './codes.js';

describe('ICD-10 codes', () => {
  it('normalises what people type', () => {
    expect(normaliseIcd(' e119 ')).toBe('E11.9');
    expect(normaliseIcd('A09')).toBe('A09');
    expect(normaliseIcd('j06.9')).toBe('J06.9');
    expect(normaliseIcd('09A')).toBeNull();
    expect(normaliseIcd('DIARE')).toBeNull();
  });

  it('a category entry covers its sub-codes, a full code only itself (REF-6)', () => {
    const list = new Set(['J06', 'E11.9']);
    expect(onCompetencyList('J06.9', list)).toBe(true);
    expect(onCompetencyList('E11.9', list)).toBe(true);
    expect(onCompetencyList('E11.5', list)).toBe(false);
    expect(onCompetencyList('I21.9', list)).toBe(false);
  });

  it('reports bad and repeated lines with their line numbers', () => {
    const r = parseReferenceRows([
      { kode: 'A09', judul: 'Diare' },
      { kode: 'XX', judul: 'Salah' },
      { kode: 'I10', judul: '' },
      { kode: 'a09', judul: 'Diare lagi' },
    ]);
    expect(r.rows).toEqual([{ code: 'A09', title: 'Diare' }]);
    expect(r.problems.map((p) => p.line)).toEqual([3, 4, 5]);
  });
});
