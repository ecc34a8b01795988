import { describe, expect, it } from 'vitest';
import { initials } from './initials.js';

describe('initials', () => {
  it('reduces a name to at most four initials', () => {
    expect(initials('SITI RAHMAWATI')).toBe('S. R.');
    expect(initials('budi')).toBe('B.');
    expect(initials('H. MUHAMMAD RIZKI AL FARISI')).toBe('H. M. R. A.');
    expect(initials('A B C D E F')).toBe('A. B. C. D.');
    expect(initials('')).toBe('');
  });

  it('keeps apostrophes inside a word, splits on hyphens, folds accents', () => {
    expect(initials("MUH. NUR'AINI AL-FATIH")).toBe('M. N. A. F.');
    expect(initials("élise   o'neil")).toBe('E. O.');
    expect(initials('ÉLISE')).toBe('E.');
  });
});
