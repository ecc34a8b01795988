import { describe, expect, it } from 'vitest';
import { fileFaultProblem } from './file-fault.js';

describe('fileFaultProblem', () => {
  it('refuses a file with no row accepted (mixed delimiters: all 3,000 rejected)', () => {
    expect(fileFaultProblem('data penduduk', { rowsRead: 3000, accepted: 0, rejected: 3000 })).toMatch(
      /^Tidak ada satu baris pun yang diterima dari 3\.000 baris/,
    );
  });
  it('refuses a file with only a header', () => {
    expect(fileFaultProblem('data penduduk', { rowsRead: 0, accepted: 0, rejected: 0 })).toContain(
      'tidak berisi satu baris data pun',
    );
  });
  it('refuses rejections past the threshold, accepts them at it', () => {
    expect(fileFaultProblem('data JKN', { rowsRead: 100, accepted: 79, rejected: 21 })).toContain(
      '21 dari 100 baris berkas data JKN ditolak (21 %, batas 20 %)',
    );
    expect(fileFaultProblem('data JKN', { rowsRead: 100, accepted: 80, rejected: 20 })).toBeNull();
    expect(fileFaultProblem('data JKN', { rowsRead: 100, accepted: 80, rejected: 20 }, 10)).not.toBeNull();
  });
});
