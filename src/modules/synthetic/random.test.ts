import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, isoDate, parseIsoDay, yearsBefore, ageOn } from './dates.js';
import { Rng, Weighted } from './random.js';

describe('Rng', () => {
  it('gives the same sequence for the same seed and label', () => {
    const a = Rng.from('42', 'population');
    const b = Rng.from(42, 'population');
    const xs = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(xs);
  });

  it('gives different sequences for another seed or label', () => {
    const first = (r: Rng) => Array.from({ length: 5 }, () => r.nextUint32()).join(',');
    const base = first(Rng.from('1', 'population'));
    expect(first(Rng.from('2', 'population'))).not.toBe(base);
    expect(first(Rng.from('1', 'jkn'))).not.toBe(base);
  });

  it('keeps int() within bounds and hits both ends', () => {
    const r = Rng.from('bounds', 'x');
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('is roughly uniform', () => {
    const r = Rng.from('uniform', 'x');
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += r.next();
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});

describe('Weighted', () => {
  it('draws in proportion to the weights', () => {
    const w = new Weighted(['a', 'b', 'c'], [1, 3, 0]);
    const r = Rng.from('w', 'x');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 40_000; i++) counts[w.draw(r) as 'a' | 'b' | 'c']++;
    expect(counts.c).toBe(0);
    expect(counts.b / 40_000).toBeCloseTo(0.75, 1);
  });
});

describe('day numbers', () => {
  it('round-trips calendar dates', () => {
    for (let d = daysFromCivil(1900, 1, 1); d < daysFromCivil(2100, 1, 1); d += 17) {
      const { year, month, day } = civilFromDays(d);
      expect(daysFromCivil(year, month, day)).toBe(d);
    }
    expect(isoDate(0)).toBe('1970-01-01');
    expect(isoDate(daysFromCivil(2024, 2, 29))).toBe('2024-02-29');
  });

  it('parses only real dates', () => {
    expect(parseIsoDay('2026-11-01')).toBe(daysFromCivil(2026, 11, 1));
    expect(parseIsoDay('2025-02-29')).toBeNull();
    expect(parseIsoDay('01-11-2026')).toBeNull();
  });

  it('counts ages in whole years', () => {
    const asOf = daysFromCivil(2026, 11, 1);
    expect(ageOn(yearsBefore(asOf, 30), asOf)).toBe(30);
    expect(ageOn(yearsBefore(asOf, 30) - 364, asOf)).toBe(30);
    expect(ageOn(yearsBefore(asOf, 30) + 1, asOf)).toBe(29);
  });
});
