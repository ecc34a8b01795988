import { describe, expect, it } from 'vitest';
import { formatLetterNumber, parseLetterNumber } from './number.js';

describe('letter numbers', () => {
  it('pads the sequence to four digits and names the year', () => {
    expect(formatLetterNumber(7, 2026)).toBe('0007/REK-JKD/DINSOS/2026');
    expect(formatLetterNumber(1, 2027)).toBe('0001/REK-JKD/DINSOS/2027');
    expect(formatLetterNumber(9999, 2026)).toBe('9999/REK-JKD/DINSOS/2026');
  });

  it('keeps counting past 9999 instead of cutting digits off', () => {
    expect(formatLetterNumber(10000, 2026)).toBe('10000/REK-JKD/DINSOS/2026');
  });

  it('refuses a sequence or year that cannot be a letter number', () => {
    expect(() => formatLetterNumber(0, 2026)).toThrow(RangeError);
    expect(() => formatLetterNumber(1.5, 2026)).toThrow(RangeError);
    expect(() => formatLetterNumber(1, 26)).toThrow(RangeError);
  });

  it('reads a number back, tolerating case and spaces around it', () => {
    expect(parseLetterNumber(' 0007/rek-jkd/dinsos/2026 ')).toEqual({ seq: 7, year: 2026 });
    expect(parseLetterNumber('10000/REK-JKD/DINSOS/2026')).toEqual({ seq: 10000, year: 2026 });
    for (let seq = 1; seq < 30000; seq += 997)
      expect(parseLetterNumber(formatLetterNumber(seq, 2031))).toEqual({ seq, year: 2031 });
  });

  it('rejects anything else', () => {
    expect(parseLetterNumber('7/REK-JKD/DINSOS/2026')).toBeNull();
    expect(parseLetterNumber('0000/REK-JKD/DINSOS/2026')).toBeNull();
    expect(parseLetterNumber('0007/SJP/DINKES/2026')).toBeNull();
    expect(parseLetterNumber('0007/REK-JKD/DINSOS/26')).toBeNull();
  });
});
