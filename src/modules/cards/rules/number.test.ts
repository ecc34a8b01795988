import { describe, expect, it } from 'vitest';
import { CARD_NUMBER_PATTERN, MAX_SEQUENCE, formatCardNumber, parseCardNumber, regionOfVillage } from './number.js';

describe('card number', () => {
  it('is KS-<regency code>-<7-digit sequence>, the regency taken from the village code', () => {
    expect(formatCardNumber(regionOfVillage('3275011001'), 123)).toBe('KS-3275-0000123');
    expect(formatCardNumber('3216', MAX_SEQUENCE)).toBe('KS-3216-9999999');
    expect(CARD_NUMBER_PATTERN.test(formatCardNumber('3275', 1))).toBe(true);
  });

  it('refuses a sequence that would not fit seven digits instead of cutting it', () => {
    expect(() => formatCardNumber('3275', MAX_SEQUENCE + 1)).toThrow(/out of range/);
    expect(() => formatCardNumber('3275', 0)).toThrow(/out of range/);
    expect(() => formatCardNumber('327', 5)).toThrow(/4 digits/);
    expect(() => regionOfVillage('32.75.01.1001')).toThrow();
  });

  it('reads numbers as people type them', () => {
    expect(parseCardNumber('ks 3275 0000123')).toEqual({ number: 'KS-3275-0000123', region: '3275', sequence: 123 });
    expect(parseCardNumber('KS-3275-0000123')?.number).toBe('KS-3275-0000123');
    expect(parseCardNumber('KS-3275-000012')).toBeNull();
    expect(parseCardNumber('KS-3275-0000000')).toBeNull();
    expect(parseCardNumber('3275010101900101')).toBeNull();
  });
});
