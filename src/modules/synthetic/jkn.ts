import type { RegionAreas } from './areas.js';
import { civilFromDays, daysFromCivil, isoDate, yearsBefore } from './dates.js';
import type { FacilitySet } from './facilities.js';
import { CardNumbers } from './ids.js';
import { encodeNik } from '../population/index.js';
import { CULTURES, familyNameFor, hasFamilyName, personName } from './names.js';
import type { Family, Person } from './population.js';
import { Weighted, type Rng } from './random.js';

/** Column order of jkn.csv (docs/contracts/jkn-membership.md). */
export const JKN_HEADER = [
  'nik',
  'no_kartu',
  'nama',
  'segmen',
  'kelas',
  'status',
  'tanggal_mulai',
  'tunggakan_bulan',
  'faskes_tk1',
] as const;

/** nama: the only column whose values can need CSV quoting. */
export const JKN_TEXT_COLUMNS: readonly number[] = [2];

export type Segment = 'PBI_APBN' | 'PBI_APBD' | 'PBPU_PEMDA' | 'PPU' | 'PBPU' | 'BP';
export const SEGMENTS: readonly Segment[] = ['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA', 'PPU', 'PBPU', 'BP'];

/**
 * Share of the population in each segment (NONE = not in JKN at all), close
 * to a Jabodetabek city before universal coverage: a quarter PBI paid by the
 * centre, wage workers the largest group, ~17 % uninsured.
 */
export const SEGMENT_SHARES: Readonly<Record<Segment | 'NONE', number>> = {
  PBI_APBN: 0.25,
  PBI_APBD: 0.07,
  PBPU_PEMDA: 0.03,
  PPU: 0.3,
  PBPU: 0.15,
  BP: 0.03,
  NONE: 0.17,
};

export const JKN_RATES = {
  /** A member follows the family's segment; otherwise an independent draw. */
  followFamily: 0.9,
  /** Self-paying families that have stopped paying. */
  pbpuInArrears: 0.5,
  /** Newborns under 90 days not yet registered. */
  newbornUnregistered: 0.4,
  /** Rows for people registered in another region (NIK not in the population). */
  notInPopulation: 0.002,
} as const;

const SEGMENT_DRAW = new Weighted<Segment | 'NONE'>(
  Object.keys(SEGMENT_SHARES) as (Segment | 'NONE')[],
  Object.values(SEGMENT_SHARES),
);
const INSURED_DRAW = new Weighted<Segment>(
  SEGMENTS,
  SEGMENTS.map((s) => SEGMENT_SHARES[s]),
);
const CLASS_BY_SEGMENT: Record<Segment, Weighted<string>> = {
  PBI_APBN: new Weighted(['3'], [1]),
  PBI_APBD: new Weighted(['3'], [1]),
  PBPU_PEMDA: new Weighted(['3'], [1]),
  PPU: new Weighted(['1', '2'], [40, 60]),
  PBPU: new Weighted(['1', '2', '3'], [15, 25, 60]),
  BP: new Weighted(['1', '2', '3'], [50, 30, 20]),
};
const JKN_START = daysFromCivil(2014, 1, 1);

export interface JknMember {
  nik: string;
  noKartu: string;
  nama: string;
  segmen: Segment;
  kelas: string;
  status: 'AKTIF' | 'NONAKTIF';
  tanggalMulai: string;
  tunggakanBulan: number;
  faskes: string;
}

interface Standing {
  status: 'AKTIF' | 'NONAKTIF';
  arrears: number;
}

function arrearsMonths(rng: Rng): number {
  // Most families fall a few months behind; a long tail stops paying for years.
  return 1 + Math.floor(24 * rng.next() ** 1.6);
}

function standing(rng: Rng, segment: Segment): Standing {
  if (segment === 'PBPU') {
    return rng.chance(JKN_RATES.pbpuInArrears)
      ? { status: 'NONAKTIF', arrears: arrearsMonths(rng) }
      : { status: 'AKTIF', arrears: 0 };
  }
  const inactive = segment === 'BP' ? 0.05 : 0.03;
  return { status: rng.chance(inactive) ? 'NONAKTIF' : 'AKTIF', arrears: 0 };
}

/** BPJS sometimes holds a shortened spelling of the name. */
function bpjsName(rng: Rng, name: string): string {
  if (!rng.chance(0.03)) return name;
  const short = name
    .replace(/^MUHAMMAD /, 'M. ')
    .replace(/^ABDUL /, 'ABD. ')
    .replace(/, [A-Z.]+$/, '');
  if (short !== name) return short;
  const words = name.split(' ');
  return words.length > 2 ? words.slice(0, 2).join(' ') : name;
}

/**
 * Card numbers and foreign NIK serials are split into one block per district,
 * so districts generated in parallel can never hand out the same number.
 */
export interface JknBlock {
  district: number;
  districts: number;
  /** People the district will have; sizes the gaps between card numbers. */
  people: number;
}

export class JknBuilder {
  private readonly cards: CardNumbers;
  private readonly maxGap: number;
  private readonly foreignNiks = new Set<string>();
  private readonly foreignDistricts: readonly string[];
  private readonly foreignSerials: { first: number; last: number };

  constructor(
    private readonly asOfDay: number,
    private readonly facilities: FacilitySet,
    areas: RegionAreas,
    rng: Rng,
    block: JknBlock,
  ) {
    const blockSize = Math.floor(8_000_000_000 / block.districts);
    this.cards = new CardNumbers(1_000_000_000 + block.district * blockSize + rng.int(0, Math.floor(blockSize / 50)));
    // Gaps average maxGap/2, so the district's numbers fill at most ~90 % of its block.
    this.maxGap = Math.max(2, Math.min(180, Math.floor((1.8 * blockSize) / (block.people + 1000))));
    const neighbours = areas.neighbourDistricts.map((d) => d.code);
    this.foreignDistricts =
      neighbours.length > 0 ? neighbours : ['317101', '317501', '320101'].filter((c) => !c.startsWith(areas.code));
    const slice = Math.floor(9999 / block.districts);
    this.foreignSerials = { first: 1 + block.district * slice, last: (block.district + 1) * slice };
  }

  private start(rng: Rng, birthDay: number, segment: Segment): number {
    if (birthDay >= JKN_START) return Math.min(this.asOfDay, birthDay + rng.int(0, 60));
    // PBI_APBN members mostly migrated from Jamkesmas on the first day of JKN.
    if (segment === 'PBI_APBN' && rng.chance(0.35)) return JKN_START;
    return rng.int(JKN_START, this.asOfDay);
  }

  private member(rng: Rng, p: Person, segment: Segment, kelas: string, s: Standing, faskes: string): JknMember {
    return {
      nik: p.nik,
      noKartu: this.cards.take(rng.int(1, this.maxGap)),
      nama: bpjsName(rng, p.name),
      segmen: segment,
      kelas,
      status: s.status,
      tanggalMulai: isoDate(this.start(rng, p.birthDay, segment)),
      tunggakanBulan: s.arrears,
      faskes,
    };
  }

  /** JKN rows for the family's members who are in the scheme, in member order. */
  forFamily(rng: Rng, family: Family): JknMember[] {
    const familySegment = SEGMENT_DRAW.draw(rng);
    const familyKelas = familySegment === 'NONE' ? '3' : CLASS_BY_SEGMENT[familySegment].draw(rng);
    // Self-paying families pay (or fall behind) together.
    const familyStanding = familySegment === 'NONE' ? null : standing(rng, familySegment);
    const local = this.facilities.puskesmasByDistrict[family.village.district] ?? [];
    const faskes = rng.pick(local.length > 0 ? local : this.facilities.puskesmas);
    const out: JknMember[] = [];
    for (const p of family.members) {
      const follows = rng.chance(JKN_RATES.followFamily);
      const segment = follows ? familySegment : SEGMENT_DRAW.draw(rng);
      if (segment === 'NONE') continue;
      if (this.asOfDay - p.birthDay < 90 && rng.chance(JKN_RATES.newbornUnregistered)) continue;
      const kelas = segment === familySegment ? familyKelas : CLASS_BY_SEGMENT[segment].draw(rng);
      const s = segment === familySegment && familyStanding ? familyStanding : standing(rng, segment);
      out.push(this.member(rng, p, segment, kelas, s, faskes));
    }
    return out;
  }

  private name(rng: Rng, sex: 'L' | 'P', birthDay: number, age: number): string {
    const culture = CULTURES.draw(rng);
    const familyName = hasFamilyName(culture) ? familyNameFor(rng, culture) : undefined;
    return personName(rng, { culture, sex, birthYear: civilFromDays(birthDay).year, age, familyName });
  }

  /** A row for someone registered in another region: valid, but the NIK is not in population.csv. */
  notInPopulation(rng: Rng): JknMember {
    const segment = INSURED_DRAW.draw(rng);
    for (;;) {
      const age = rng.int(0, 80);
      const birthDay = yearsBefore(this.asOfDay, age) - rng.int(0, 364);
      const sex = rng.chance(0.5) ? 'L' : 'P';
      const nik = encodeNik({
        regionCode: rng.pick(this.foreignDistricts),
        birthDate: isoDate(birthDay),
        sex,
        serial: rng.int(this.foreignSerials.first, this.foreignSerials.last),
      });
      if (this.foreignNiks.has(nik)) continue;
      this.foreignNiks.add(nik);
      const s = standing(rng, segment);
      return {
        nik,
        noKartu: this.cards.take(rng.int(1, this.maxGap)),
        nama: this.name(rng, sex, birthDay, age),
        segmen: segment,
        kelas: CLASS_BY_SEGMENT[segment].draw(rng),
        status: s.status,
        tanggalMulai: isoDate(this.start(rng, birthDay, segment)),
        tunggakanBulan: s.arrears,
        faskes: '',
      };
    }
  }
}

export function jknFields(m: JknMember): string[] {
  return [m.nik, m.noKartu, m.nama, m.segmen, m.kelas, m.status, m.tanggalMulai, String(m.tunggakanBulan), m.faskes];
}
