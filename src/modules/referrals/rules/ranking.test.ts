import { describe, expect, it } from 'vitest';
import { proximity, rankDestinations, type Candidate } from './ranking.js';

const ORIGIN = '3275011001';
const c = (
  code: string,
  villageCode: string | null,
  location: Candidate['location'],
  freeBeds: number | null,
): Candidate => ({ code, name: `RS ${code}`, villageCode, location, freeBeds });

describe('administrative proximity', () => {
  it('grades by village, district, city, bordering and outside', () => {
    expect(proximity(ORIGIN, '3275011001', 'DALAM_KOTA')).toBe('SAME_VILLAGE');
    expect(proximity(ORIGIN, '3275011004', 'DALAM_KOTA')).toBe('SAME_DISTRICT');
    expect(proximity(ORIGIN, '3275051002', 'DALAM_KOTA')).toBe('SAME_CITY');
    expect(proximity(ORIGIN, '3216031001', 'PERBATASAN')).toBe('BORDERING');
    expect(proximity(ORIGIN, '3275011001', 'LUAR_KOTA')).toBe('OUTSIDE');
    expect(proximity(ORIGIN, '3216011001', null)).toBe('BORDERING');
    expect(proximity(ORIGIN, '3373011001', null)).toBe('OUTSIDE');
  });
});

describe('ranking destinations', () => {
  it('puts the nearest first, then more free beds, then name', () => {
    const ranked = rankDestinations(ORIGIN, [
      c('FAR', '3216031001', 'PERBATASAN', 50),
      c('CITY-FEW', '3275051002', 'DALAM_KOTA', 2),
      c('CITY-MANY', '3275061001', 'DALAM_KOTA', 9),
      c('DISTRICT', '3275011003', 'DALAM_KOTA', 1),
      c('OUT', '3373011001', 'LUAR_KOTA', 99),
      c('CITY-NONE', '3275071001', 'DALAM_KOTA', null),
    ]);
    expect(ranked.map((r) => r.code)).toEqual(['DISTRICT', 'CITY-MANY', 'CITY-FEW', 'CITY-NONE', 'FAR', 'OUT']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
