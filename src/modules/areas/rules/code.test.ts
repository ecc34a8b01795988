import { describe, expect, it } from 'vitest';
import { ancestorCode, levelOfCode, normalizeAreaCode, parentCodeOf } from './code.js';

describe('area codes', () => {
  it('normalizes dotted and plain codes of the four levels', () => {
    expect(normalizeAreaCode('32.75.01.1001')).toBe('3275011001');
    expect(normalizeAreaCode(' 3275011001 ')).toBe('3275011001');
    expect(normalizeAreaCode('32.75')).toBe('3275');
    expect(normalizeAreaCode('32')).toBe('32');
    expect(normalizeAreaCode('327501')).toBe('327501');
  });

  it('rejects what is no area code', () => {
    for (const bad of ['', '3', '327', '32750110', '32..75', '32.75.', 'KOTA', '32-75', '3275011001X']) {
      expect(normalizeAreaCode(bad)).toBeNull();
    }
  });

  it('knows level, parent and ancestors', () => {
    expect(levelOfCode('3275011001')).toBe('VILLAGE');
    expect(levelOfCode('327501')).toBe('DISTRICT');
    expect(levelOfCode('3275')).toBe('REGENCY');
    expect(levelOfCode('32')).toBe('PROVINCE');
    expect(levelOfCode('32.75')).toBeNull();
    expect(parentCodeOf('3275011001')).toBe('327501');
    expect(parentCodeOf('327501')).toBe('3275');
    expect(parentCodeOf('3275')).toBe('32');
    expect(parentCodeOf('32')).toBeNull();
    expect(ancestorCode('3275011001', 'REGENCY')).toBe('3275');
    expect(ancestorCode('3275011001', 'VILLAGE')).toBe('3275011001');
    expect(ancestorCode('3275', 'DISTRICT')).toBeNull();
  });
});
