import type { Sex } from '../population/index.js';
import {
  BATAK_MARGA,
  CHRISTIAN,
  DEGREES,
  JAWA,
  MUSLIM,
  OLD_PREFIX_TITLES,
  SECOND,
  SUNDA,
  SUNDA_SECOND,
  TIMUR_MARGA,
  TIONGHOA_SURNAMES,
  type Era,
} from './names-data.js';
import { Weighted, type Rng } from './random.js';

/**
 * Family naming traditions seen in a Jabodetabek city. Batak, Chinese-
 * Indonesian and eastern-Indonesian families pass a family name to children;
 * the others do not, so there every name is composed fresh.
 */
export type Culture = 'JAWA' | 'SUNDA' | 'BETAWI' | 'BATAK' | 'MINANG' | 'TIONGHOA' | 'TIMUR' | 'LAIN';

export const CULTURES = new Weighted<Culture>(
  ['JAWA', 'SUNDA', 'BETAWI', 'BATAK', 'MINANG', 'TIONGHOA', 'TIMUR', 'LAIN'],
  [33, 24, 15, 8, 5, 4, 4, 7],
);

/** Cultures whose children carry the father's family name. */
export function hasFamilyName(c: Culture): boolean {
  return c === 'BATAK' || c === 'TIONGHOA' || c === 'TIMUR';
}

export function familyNameFor(rng: Rng, c: Culture, not?: string): string {
  const list = c === 'BATAK' ? BATAK_MARGA : c === 'TIONGHOA' ? TIONGHOA_SURNAMES : TIMUR_MARGA;
  for (let i = 0; i < 4; i++) {
    const name = rng.pick(list);
    if (name !== not) return name;
  }
  return rng.pick(list);
}

export function eraOf(birthYear: number): Era {
  return birthYear < 1975 ? 'old' : birthYear <= 1997 ? 'mid' : 'young';
}

/** How many given-name words, by era: names grew longer with each generation. */
const WORDS: Record<Era, Weighted<number>> = {
  old: new Weighted([1, 2], [65, 35]),
  mid: new Weighted([1, 2, 3], [35, 55, 10]),
  young: new Weighted([1, 2, 3], [10, 55, 35]),
};

function firstPool(rng: Rng, c: Culture, sex: Sex, era: Era): readonly string[] {
  switch (c) {
    case 'JAWA':
      return rng.chance(0.65) ? JAWA[sex][era] : MUSLIM[sex][era];
    case 'SUNDA':
      return rng.chance(era === 'young' ? 0.3 : 0.7) ? SUNDA[sex][era] : MUSLIM[sex][era];
    case 'BATAK':
      return rng.chance(0.7) ? CHRISTIAN[sex][era] : MUSLIM[sex][era];
    case 'TIONGHOA':
    case 'TIMUR':
      return CHRISTIAN[sex][era];
    default:
      return MUSLIM[sex][era];
  }
}

function nextWord(rng: Rng, c: Culture, sex: Sex, era: Era): string {
  if (c === 'SUNDA' && rng.chance(0.6)) return rng.pick(SUNDA_SECOND[sex]);
  if (rng.chance(0.55)) return rng.pick(SECOND[sex]);
  return rng.pick(firstPool(rng, c, sex, era));
}

export interface NameInput {
  culture: Culture;
  sex: Sex;
  birthYear: number;
  /** Age on the as-of date: degrees and the haji title only appear on adults. */
  age: number;
  /** Inherited family name (marga/surname), if the tradition has one. */
  familyName?: string;
}

/** A full name as written on the KK, e.g. "AGUS SETIAWAN", "ROSMA BR SITUMORANG", "DEWI LESTARI, S.PD". */
export function personName(rng: Rng, n: NameInput): string {
  const era = eraOf(n.birthYear);
  const inherited = n.familyName !== undefined;
  let count = WORDS[era].draw(rng);
  if (inherited && count > 2) count = 2;
  const words: string[] = [rng.pick(firstPool(rng, n.culture, n.sex, era))];
  for (let i = 1; i < count; i++) {
    const word = nextWord(rng, n.culture, n.sex, era);
    if (!words.includes(word)) words.push(word);
  }
  if (n.familyName !== undefined) {
    // Batak women are often registered with "BR" (boru) before the marga.
    if (n.culture === 'BATAK' && n.sex === 'P' && rng.chance(0.5)) words.push('BR');
    words.push(n.familyName);
  }
  let name = words.join(' ');
  if (n.age >= 45 && !inherited && n.culture !== 'TIMUR' && rng.chance(0.025)) {
    name = `${n.sex === 'L' ? 'H.' : 'HJ.'} ${name}`;
  } else if (n.age >= 24 && rng.chance(0.025)) {
    if (era === 'old' && rng.chance(0.4)) name = `${rng.pick(OLD_PREFIX_TITLES[n.sex])} ${name}`;
    else name = `${name}, ${rng.pick(DEGREES)}`;
  }
  return name;
}
