import type { Rng } from './random.js';

/**
 * Decisions taken once for the whole region before districts are generated
 * (possibly in parallel): how many people live in each district, and where
 * the injected faults go. Taking them up front keeps the output identical
 * whatever the number of worker threads.
 */

/** Splits `total` into integers proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) throw new Error('apportion: weights sum to zero');
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = (order[k] as { i: number }).i;
    out[i] = (out[i] as number) + 1;
  }
  return out;
}

export interface FaultEvent<K extends string = string> {
  /** Position within the district: the clean row (population) or person (JKN) it lands on. */
  at: number;
  kind: K;
}

/**
 * Fault positions over all districts' rows laid end to end, then cut per
 * district. The first events go through every kind once, so even a small file
 * has each kind; later ones are drawn by weight.
 */
export function planFaultEvents<K extends string>(
  rng: Rng,
  rowsPerDistrict: readonly number[],
  kinds: readonly K[],
  weights: readonly number[],
  rate: number,
): FaultEvent<K>[][] {
  const total = weights.reduce((s, w) => s + w, 0);
  const drawKind = (): K => {
    let x = rng.next() * total;
    for (let i = 0; i < kinds.length; i++) {
      x -= weights[i] as number;
      if (x < 0) return kinds[i] as K;
    }
    return kinds[kinds.length - 1] as K;
  };
  const out: FaultEvent<K>[][] = rowsPerDistrict.map(() => []);
  const logMiss = Math.log(1 - rate);
  let drawn = 0;
  let offset = 0;
  // Geometric gaps: the same as a coin toss per row, without tossing millions of coins.
  let next = Math.floor(Math.log(1 - rng.next()) / logMiss);
  for (let d = 0; d < rowsPerDistrict.length; d++) {
    const rows = rowsPerDistrict[d] as number;
    while (next < offset + rows) {
      const kind = drawn < kinds.length ? (kinds[drawn] as K) : drawKind();
      drawn++;
      // Not in the district's last few rows: a kind that needs a fitting row (an insured
      // person, a non-head) gets a few families' time to find one before the district ends.
      out[d]?.push({ at: Math.max(0, Math.min(next - offset, rows - 12)), kind });
      next += 1 + Math.floor(Math.log(1 - rng.next()) / logMiss);
    }
    offset += rows;
  }
  return out;
}

/** Fault rate per row: ~0.5 %, but high enough that a small file still gets every kind. */
export function faultRate(rows: number, kinds: number): number {
  return Math.max(0.005, Math.min(0.25, (2 * kinds) / Math.max(1, rows)));
}
