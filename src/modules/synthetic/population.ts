import type { Sex } from '../population/index.js';
import type { RegionAreas, Village } from './areas.js';
import { isoDate, yearsBefore } from './dates.js';
import { planFamily, type MemberPlan, type PlanOptions, type Relation } from './family.js';
import { KkAllocator, NikAllocator, type AllocatedNik, type IdRange } from './ids.js';
import { CULTURES, familyNameFor, hasFamilyName, personName, type Culture } from './names.js';
import { address, birthPlace, type Address } from './places.js';
import { Rng, Weighted } from './random.js';

/** Column order of population.csv (docs/contracts/population.md). */
export const POPULATION_HEADER = [
  'nik',
  'no_kk',
  'nama',
  'jenis_kelamin',
  'tempat_lahir',
  'tanggal_lahir',
  'hubungan_keluarga',
  'alamat',
  'rt',
  'rw',
  'kode_wilayah',
  'status_ektp',
  'tanggal_meninggal',
  'tanggal_pindah',
] as const;

/** nama, tempat_lahir, alamat: the only columns whose values can need CSV quoting. */
export const POPULATION_TEXT_COLUMNS: readonly number[] = [2, 4, 7];

export interface Person {
  nik: string;
  noKk: string;
  name: string;
  sex: Sex;
  birthDay: number;
  birthDate: string;
  birthPlace: string;
  relation: Relation;
  /** Whole years on the as-of date. */
  age: number;
  culture: Culture;
  village: Village;
  address: Address;
  ektp: boolean;
  diedDay: number | null;
  movedOutDay: number | null;
}

export interface Family {
  noKk: string;
  village: Village;
  members: Person[];
}

/** Shares the README explains: e-KTP recording gap, deaths and moves over the last three years. */
export const RATES = {
  adultWithoutEktp: 0.07,
  familyMovedOut: 0.008,
  personMovedOut: 0.004,
  deathWindowDays: 3 * 365,
} as const;

/** Chance of having died in the last three years, by age band (tuned to ≈ 0.6 % overall). */
function deathChance(age: number): number {
  if (age < 1) return 0.004;
  if (age < 40) return 0.001;
  if (age < 55) return 0.005;
  if (age < 65) return 0.015;
  if (age < 75) return 0.038;
  return 0.085;
}

export interface FamilyOptions extends PlanOptions {
  range?: IdRange;
  /** Fault rows are built plain: alive, not moved, e-KTP recorded for adults. */
  plain?: boolean;
}

/**
 * Relative population of each village: log-normal, from the seed's own
 * stream, so every thread computes the same weights.
 */
export function villageWeights(seed: string, count: number): number[] {
  const sizes = Rng.from(seed, 'village-sizes');
  return Array.from({ length: count }, () => Math.exp(sizes.normal(0, 0.55)));
}

/** Builds families: composition, names, dates, NIK/KK numbers, statuses. */
export class PopulationBuilder {
  readonly niks: NikAllocator;
  private readonly kks: KkAllocator;
  private readonly villages: Weighted<number>;
  private readonly firstIssueDay: number;

  /**
   * Builds families living in one district (kecamatan) of the region, so that
   * districts can be generated independently and in parallel.
   */
  constructor(
    readonly areas: RegionAreas,
    readonly asOfDay: number,
    seed: string,
    readonly district: number,
  ) {
    const codes = areas.districts.map((d) => d.code);
    this.niks = new NikAllocator(codes);
    this.firstIssueDay = yearsBefore(asOfDay, 20);
    this.kks = new KkAllocator(codes, this.firstIssueDay, asOfDay);
    const weights = villageWeights(seed, areas.villages.length);
    const here = areas.villages.map((v, i) => (v.district === district ? i : -1)).filter((i) => i >= 0);
    if (here.length === 0) throw new Error(`District ${district} has no villages`);
    this.villages = new Weighted(
      here,
      here.map((i) => weights[i] as number),
    );
  }

  pickVillage(rng: Rng): Village {
    return this.areas.villages[this.villages.draw(rng)] as Village;
  }

  private birthDay(rng: Rng, age: number): number {
    return yearsBefore(this.asOfDay, age) - rng.int(0, 364);
  }

  /** A NIK for the person; moves the birth date a day earlier in the (never yet seen) case a date is full. */
  private nik(village: Village, birthDay: number, sex: Sex, range: IdRange): AllocatedNik {
    for (let day = birthDay; day > birthDay - 30; day--) {
      const got = this.niks.allocate(village.district, day, sex, range);
      if (got) return got;
    }
    throw new Error('NIK serials exhausted for a birth date: too many people for this region');
  }

  private kk(rng: Rng, village: Village, earliest: number, range: IdRange): string {
    const from = Math.max(earliest, this.firstIssueDay);
    for (let i = 0; i < 60; i++) {
      const kk = this.kks.allocate(village.district, rng.int(from, this.asOfDay), range);
      if (kk) return kk;
    }
    throw new Error('KK serials exhausted: too many families for this region');
  }

  buildFamily(rng: Rng, options: FamilyOptions = {}): Family {
    const range = options.range ?? 'clean';
    const plain = options.plain ?? false;
    const plans = planFamily(rng, options);
    const village = this.pickVillage(rng);
    const addr = address(rng, village);
    const headPlan = plans[0] as MemberPlan;
    const culture = CULTURES.draw(rng);
    const spouseCulture = rng.chance(0.8) ? culture : CULTURES.draw(rng);
    const named = hasFamilyName(culture);
    // The family line children carry: the head's if he is the father, else another.
    const line = named ? familyNameFor(rng, culture) : undefined;
    const headName = named && headPlan.sex === 'P' ? familyNameFor(rng, culture, line) : line;
    const spouseName = hasFamilyName(spouseCulture) ? familyNameFor(rng, spouseCulture, line) : undefined;
    const familyMoves = !plain && rng.chance(RATES.familyMovedOut);

    const members: Person[] = [];
    let youngestBirth = -Infinity;
    let headBirth = 0;
    for (const plan of plans) {
      let c = culture;
      let familyName: string | undefined;
      switch (plan.relation) {
        case 'KEPALA KELUARGA':
          familyName = headName;
          break;
        case 'SUAMI':
        case 'ANAK':
        case 'CUCU':
          familyName = line;
          break;
        case 'ISTRI':
          c = spouseCulture;
          familyName = spouseName;
          break;
        case 'MERTUA':
          c = spouseCulture;
          familyName = plan.sex === 'L' ? spouseName : hasFamilyName(c) ? familyNameFor(rng, c, spouseName) : undefined;
          break;
        case 'ORANG TUA':
          familyName = plan.sex === 'L' ? headName : named ? familyNameFor(rng, culture, headName) : undefined;
          break;
        default:
          if (plan.relation === 'MENANTU' || plan.relation === 'PEMBANTU') c = CULTURES.draw(rng);
          familyName = hasFamilyName(c) ? familyNameFor(rng, c) : undefined;
      }
      const { nik, birthDay, birthDate, birthYear } = this.nik(village, this.birthDay(rng, plan.age), plan.sex, range);
      if (plan.relation === 'KEPALA KELUARGA') headBirth = birthDay;
      youngestBirth = Math.max(youngestBirth, birthDay);
      const person: Person = {
        nik,
        noKk: '',
        name: personName(rng, { culture: c, sex: plan.sex, birthYear, age: plan.age, familyName }),
        sex: plan.sex,
        birthDay,
        birthDate,
        birthPlace: birthPlace(rng, c, plan.age, this.areas.placeName),
        relation: plan.relation,
        age: plan.age,
        culture: c,
        village,
        address: addr,
        ektp: plan.age >= 17 && (plain || !rng.chance(RATES.adultWithoutEktp)),
        diedDay: null,
        movedOutDay: null,
      };
      if (!plain) this.lifeEvents(rng, person);
      members.push(person);
    }
    // The card was last (re)issued after its youngest member was born and the head turned 17.
    const noKk = this.kk(rng, village, Math.max(youngestBirth, yearsBefore(headBirth, -17)), range);
    for (const m of members) m.noKk = noKk;
    if (familyMoves) {
      const from = Math.max(youngestBirth, this.asOfDay - RATES.deathWindowDays);
      if (from < this.asOfDay) {
        const day = rng.int(from, this.asOfDay - 1);
        for (const m of members) if (m.diedDay === null) m.movedOutDay = day;
      }
    }
    return { noKk, village, members };
  }

  private lifeEvents(rng: Rng, p: Person): void {
    const latest = this.asOfDay - 1;
    const earliest = Math.max(p.birthDay, this.asOfDay - RATES.deathWindowDays);
    if (earliest > latest) return;
    if (rng.chance(deathChance(p.age))) {
      p.diedDay = rng.int(earliest, latest);
      p.movedOutDay = null;
    } else if (p.age >= 17 && p.relation !== 'KEPALA KELUARGA' && rng.chance(RATES.personMovedOut)) {
      p.movedOutDay = rng.int(earliest, latest);
    }
  }
}

/** One population.csv row, in POPULATION_HEADER order. */
export function populationFields(p: Person): string[] {
  return [
    p.nik,
    p.noKk,
    p.name,
    p.sex,
    p.birthPlace,
    p.birthDate,
    p.relation,
    p.address.alamat,
    p.address.rt,
    p.address.rw,
    p.village.code,
    p.ektp ? 'Y' : 'N',
    p.diedDay === null ? '' : isoDate(p.diedDay),
    p.movedOutDay === null ? '' : isoDate(p.movedOutDay),
  ];
}
