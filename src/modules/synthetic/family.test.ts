import { describe, expect, it } from 'vitest';
import { MAX_FAMILY_SIZE, planFamily, type MemberPlan } from './family.js';
import { Rng } from './random.js';

function plans(n: number, seed = 'family'): MemberPlan[][] {
  const rng = Rng.from(seed, 'test');
  return Array.from({ length: n }, () => planFamily(rng));
}

describe('planFamily', () => {
  const families = plans(20_000);

  it('always has exactly one head, listed first, and 1–8 members', () => {
    const bad = families.filter(
      (f) =>
        f.length < 1 ||
        f.length > MAX_FAMILY_SIZE ||
        f[0]?.relation !== 'KEPALA KELUARGA' ||
        f.filter((m) => m.relation === 'KEPALA KELUARGA').length !== 1,
    );
    expect(bad).toEqual([]);
  });

  it('keeps ages consistent: adult heads and spouses, children younger than parents', () => {
    const problems: string[] = [];
    for (const f of families) {
      const head = f[0] as MemberPlan;
      const spouses = f.filter((m) => m.relation === 'ISTRI' || m.relation === 'SUAMI');
      const why = (reason: string) => problems.push(`${reason}: ${JSON.stringify(f)}`);
      if (head.age < 17) why('head under 17');
      if (spouses.length > 1) why('two spouses');
      for (const s of spouses) {
        if (s.age < 18) why('spouse under 18');
        if (s.sex === head.sex) why('spouse of the same sex');
      }
      for (const m of f) {
        if (m.age < 0 || m.age > 96) why('age out of range');
        if (m.relation === 'ANAK' && (m.age > head.age - 16 || spouses.some((s) => m.age > s.age - 16))) {
          why('child not 16 years younger than a parent');
        }
        if (m.relation === 'CUCU' && m.age > head.age - 32) why('grandchild too old');
        if (m.relation === 'ORANG TUA' && m.age < head.age + 16) why('parent too young');
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('has a realistic mean size (3.0–3.5) with mostly husband-headed couples', () => {
    const mean = families.reduce((s, f) => s + f.length, 0) / families.length;
    expect(mean).toBeGreaterThanOrEqual(3.0);
    expect(mean).toBeLessThanOrEqual(3.5);
    const withWife = families.filter((f) => f.some((m) => m.relation === 'ISTRI')).length;
    expect(withWife / families.length).toBeGreaterThan(0.6);
    const extended = families.filter((f) =>
      f.some((m) => ['ORANG TUA', 'MERTUA', 'CUCU', 'FAMILI LAIN'].includes(m.relation)),
    );
    expect(extended.length / families.length).toBeGreaterThan(0.05);
  });

  it('respects maxSize and forceCouple', () => {
    const rng = Rng.from('opts', 'x');
    for (let i = 0; i < 2000; i++) {
      expect(planFamily(rng, { maxSize: 2 }).length).toBeLessThanOrEqual(2);
      const couple = planFamily(rng, { forceCouple: true });
      expect(couple.length).toBeGreaterThanOrEqual(2);
      expect(['ISTRI', 'SUAMI']).toContain(couple[1]?.relation);
    }
  });
});
