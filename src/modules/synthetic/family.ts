import type { Sex } from '../population/index.js';
import { Weighted, type Rng } from './random.js';

/**
 * Who lives on one family card (KK) and how old they are. Ages are whole
 * years on the as-of date; the population builder turns them into birth dates.
 *
 * Invariants the tests hold us to: exactly one KEPALA KELUARGA; spouses are
 * adults; every ANAK is at least 16 years younger than the head and the
 * spouse; CUCU at least 32 younger than the head; ORANG TUA/MERTUA at least 16
 * older than the one whose parent they are; at most 8 people.
 */

export type Relation =
  | 'KEPALA KELUARGA'
  | 'SUAMI'
  | 'ISTRI'
  | 'ANAK'
  | 'MENANTU'
  | 'CUCU'
  | 'ORANG TUA'
  | 'MERTUA'
  | 'FAMILI LAIN'
  | 'PEMBANTU'
  | 'LAINNYA';

export interface MemberPlan {
  relation: Relation;
  sex: Sex;
  age: number;
}

export const MAX_FAMILY_SIZE = 8;
const MIN_PARENT_GAP = 16;

type Kind = 'single' | 'couple' | 'singleParent' | 'relatives';
const KINDS = new Weighted<Kind>(['single', 'couple', 'singleParent', 'relatives'], [11, 74, 11, 4]);

/** Head ages of couples, by 5-year band from 20. */
const COUPLE_HEAD_AGE = new Weighted(
  [20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80],
  [4, 11, 14, 14, 13, 11, 9, 8, 6, 4, 3, 2, 1],
);
const SINGLE_AGE = new Weighted([19, 25, 30, 40, 50, 60, 70, 80], [14, 16, 9, 7, 8, 10, 11, 5]);
/** Children ever born to a mother in these families. */
const CHILDREN_BORN = new Weighted([0, 1, 2, 3, 4, 5, 6], [5, 14, 33, 26, 13, 6, 3]);

function band(rng: Rng, table: Weighted<number>, width: number): number {
  return table.draw(rng) + rng.int(0, width - 1);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(x)));
}

/**
 * Children still on the card, oldest first. Grown children move to their own
 * KK: from 20 the chance of still being listed falls quickly.
 */
function children(rng: Rng, motherAge: number, youngestParent: number): MemberPlan[] {
  const born = CHILDREN_BORN.draw(rng);
  const out: MemberPlan[] = [];
  let motherAgeAtBirth = rng.int(19, 31);
  for (let i = 0; i < born && motherAgeAtBirth <= 45; i++) {
    const age = motherAge - motherAgeAtBirth;
    motherAgeAtBirth += rng.int(2, 5);
    if (age < 0) break;
    if (age > youngestParent - MIN_PARENT_GAP) continue;
    if (age >= 20 && rng.chance(Math.min(0.97, (age - 18) * 0.08))) continue;
    out.push({ relation: 'ANAK', sex: rng.chance(0.51) ? 'L' : 'P', age });
  }
  return out;
}

function addExtended(rng: Rng, members: MemberPlan[]): void {
  const head = members[0] as MemberPlan;
  const spouse = members.find((m) => m.relation === 'ISTRI' || m.relation === 'SUAMI');
  if (head.age <= 62 && rng.chance(0.05)) {
    members.push({
      relation: 'ORANG TUA',
      sex: rng.chance(0.7) ? 'P' : 'L',
      age: Math.min(96, head.age + rng.int(20, 34)),
    });
  }
  if (spouse && spouse.age <= 62 && rng.chance(0.03)) {
    members.push({
      relation: 'MERTUA',
      sex: rng.chance(0.7) ? 'P' : 'L',
      age: Math.min(96, spouse.age + rng.int(20, 34)),
    });
  }
  const oldestChild = members.find((m) => m.relation === 'ANAK');
  if (head.age >= 45 && rng.chance(0.12)) {
    const maxAge = Math.min(head.age - 2 * MIN_PARENT_GAP, 15);
    if (maxAge >= 0) {
      const n = rng.chance(0.6) ? 1 : 2;
      for (let i = 0; i < n; i++)
        members.push({ relation: 'CUCU', sex: rng.chance(0.5) ? 'L' : 'P', age: rng.int(0, maxAge) });
      if (oldestChild && oldestChild.age >= 20 && rng.chance(0.35)) {
        members.push({
          relation: 'MENANTU',
          sex: oldestChild.sex === 'L' ? 'P' : 'L',
          age: clamp(rng.normal(oldestChild.age, 3), 18, head.age - MIN_PARENT_GAP),
        });
      }
    }
  }
  if (rng.chance(0.025))
    members.push({ relation: 'FAMILI LAIN', sex: rng.chance(0.5) ? 'L' : 'P', age: rng.int(5, 60) });
  if (head.age >= 35 && rng.chance(0.005))
    members.push({ relation: 'PEMBANTU', sex: rng.chance(0.9) ? 'P' : 'L', age: rng.int(18, 50) });
}

export interface PlanOptions {
  /** The card may hold at most this many people (1–8). */
  maxSize?: number;
  /** Always a married couple (used to build a family that can lose its head). */
  forceCouple?: boolean;
}

/** One family card's members, head first. */
export function planFamily(rng: Rng, options: PlanOptions = {}): MemberPlan[] {
  const maxSize = Math.max(1, Math.min(MAX_FAMILY_SIZE, options.maxSize ?? MAX_FAMILY_SIZE));
  const kind: Kind = options.forceCouple ? 'couple' : KINDS.draw(rng);
  const members: MemberPlan[] = [];

  if (kind === 'single') {
    members.push({ relation: 'KEPALA KELUARGA', sex: rng.chance(0.58) ? 'L' : 'P', age: band(rng, SINGLE_AGE, 5) });
  } else if (kind === 'couple') {
    const headAge = band(rng, COUPLE_HEAD_AGE, 5);
    // Most KKs name the husband as head; a few name the wife.
    const headSex: Sex = rng.chance(0.96) ? 'L' : 'P';
    const spouseAge = clamp(headSex === 'L' ? rng.normal(headAge - 3, 3) : rng.normal(headAge + 3, 3), 18, 95);
    members.push({ relation: 'KEPALA KELUARGA', sex: headSex, age: headAge });
    members.push({ relation: headSex === 'L' ? 'ISTRI' : 'SUAMI', sex: headSex === 'L' ? 'P' : 'L', age: spouseAge });
    const motherAge = headSex === 'L' ? spouseAge : headAge;
    members.push(...children(rng, motherAge, Math.min(headAge, spouseAge)));
  } else if (kind === 'singleParent') {
    const headSex: Sex = rng.chance(0.75) ? 'P' : 'L';
    const headAge = rng.int(28, 75);
    members.push({ relation: 'KEPALA KELUARGA', sex: headSex, age: headAge });
    members.push(...children(rng, headSex === 'P' ? headAge : headAge - 3, headAge));
  } else {
    members.push({ relation: 'KEPALA KELUARGA', sex: rng.chance(0.6) ? 'L' : 'P', age: rng.int(20, 55) });
    const n = rng.int(1, 3);
    for (let i = 0; i < n; i++)
      members.push({ relation: 'FAMILI LAIN', sex: rng.chance(0.5) ? 'L' : 'P', age: rng.int(10, 50) });
  }
  addExtended(rng, members);
  return members.slice(0, maxSize);
}
