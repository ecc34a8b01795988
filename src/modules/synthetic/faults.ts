import { isoDate } from './dates.js';
import type { CardNumbers } from './ids.js';
import {
  ddmmyyyy,
  dotted,
  JKN_FAULTS,
  mangleNik,
  POPULATION_FAULTS,
  SPECIAL_NAMES,
  type Effect,
  type JknFaultKind,
  type KindInfo,
  type PopulationFaultKind,
} from './fault-kinds.js';
import { SEGMENTS, type JknMember } from './jkn.js';
import { populationFields, type Family, type PopulationBuilder } from './population.js';
import type { FaultEvent } from './plan.js';
import type { Rng } from './random.js';

/**
 * The malformed rows real exports contain, injected on purpose (--faults) so
 * the importers can be tested against them. Every injected row carries exactly
 * one fault, and faults.json says how many of each kind and what the contract
 * says must happen to them.
 *
 * "added" faults are extra rows about made-up people (NIK/KK serials 9000+, so
 * the clean rows stay identical with or without --faults); "modified" faults
 * rewrite a clean row in a form the contract still accepts.
 */

/**
 * Hands out the planned fault events (plan.ts) as rows go by. A kind that
 * does not fit the current row (a duplicate needs a non-head row) waits for
 * the next row; one still waiting when the district ends is dropped, so the
 * counts always describe what is really in the files.
 */
class EventQueue<K extends string> {
  private pending: K | null = null;
  private position = -1;
  private next = 0;

  constructor(private readonly events: readonly FaultEvent<K>[]) {}

  tick(): K | null {
    this.position++;
    const e = this.events[this.next];
    if (this.pending === null && e !== undefined && e.at <= this.position) {
      this.pending = e.kind;
      this.next++;
    }
    return this.pending;
  }

  done(): void {
    this.pending = null;
  }
}

export interface KindCount {
  rows: number;
  effect: Effect;
  how: 'added' | 'modified';
  note: string;
  families?: number;
}

export interface FileFaults {
  file: string;
  /** Data rows in the file (header excluded). */
  rows: number;
  cleanRows: number;
  kinds: Record<string, KindCount>;
  expected: { acceptedRows: number; rejectedRows: number; warningRows: number; familiesWithoutHead: number };
}

function summarise(
  table: Readonly<Record<string, KindInfo>>,
  counts: Readonly<Record<string, number>>,
  file: string,
  cleanRows: number,
  families: number,
): FileFaults {
  const kinds: Record<string, KindCount> = {};
  let added = 0;
  let rejected = 0;
  let warned = 0;
  for (const [kind, info] of Object.entries(table)) {
    const rows = counts[kind] ?? 0;
    kinds[kind] = { rows, effect: info.effect, how: info.how, note: info.note };
    if (info.how === 'added') added += rows;
    if (info.effect === 'reject') rejected += kind === 'duplicate_nik' ? 2 * rows : rows;
    if (kind === 'nik_mismatch') warned += rows;
  }
  if (families > 0) (kinds.family_without_head as KindCount).families = families;
  const total = cleanRows + added;
  return {
    file,
    rows: total,
    cleanRows,
    kinds,
    expected: {
      acceptedRows: total - rejected,
      rejectedRows: rejected,
      warningRows: warned,
      familiesWithoutHead: families,
    },
  };
}

export interface FaultCounts {
  population: Record<string, number>;
  jkn: Record<string, number>;
  familiesWithoutHead: number;
}

export function emptyFaultCounts(): FaultCounts {
  return { population: {}, jkn: {}, familiesWithoutHead: 0 };
}

export function addFaultCounts(into: FaultCounts, more: FaultCounts): void {
  for (const [k, n] of Object.entries(more.population)) into.population[k] = (into.population[k] ?? 0) + n;
  for (const [k, n] of Object.entries(more.jkn)) into.jkn[k] = (into.jkn[k] ?? 0) + n;
  into.familiesWithoutHead += more.familiesWithoutHead;
}

/** faults.json's content for both files, from the counts of every district. */
export function summariseFaults(
  counts: FaultCounts,
  cleanPopulationRows: number,
  cleanJknRows: number,
): { population: FileFaults; jkn: FileFaults } {
  return {
    population: summarise(
      POPULATION_FAULTS,
      counts.population,
      'population.csv',
      cleanPopulationRows,
      counts.familiesWithoutHead,
    ),
    jkn: summarise(JKN_FAULTS, counts.jkn, 'jkn.csv', cleanJknRows, 0),
  };
}

/** Injects the planned faults of one district as its families are written. */
export class FaultInjector {
  private readonly pop: EventQueue<PopulationFaultKind>;
  private readonly jkn: EventQueue<JknFaultKind>;
  private readonly popCounts = new Map<string, number>();
  private readonly jknCounts = new Map<string, number>();
  private headlessFamilies = 0;

  constructor(
    private readonly rng: Rng,
    private readonly builder: PopulationBuilder,
    private readonly cards: CardNumbers,
    events: { population: readonly FaultEvent<PopulationFaultKind>[]; jkn: readonly FaultEvent<JknFaultKind>[] },
  ) {
    this.pop = new EventQueue(events.population);
    this.jkn = new EventQueue(events.jkn);
  }

  private count(map: Map<string, number>, kind: string, n = 1): void {
    map.set(kind, (map.get(kind) ?? 0) + n);
  }

  /** A made-up person's clean row (own family card, alive, in the region). */
  private freshRow(): string[] {
    const family = this.builder.buildFamily(this.rng, { maxSize: 1, range: 'fault', plain: true });
    return populationFields(family.members[0] as Family['members'][number]);
  }

  /**
   * Rewrites some of the family's rows in place and returns extra rows to
   * write after them. `rows` are the family's population rows, member order.
   */
  population(family: Family, rows: string[][]): string[][] {
    const extra: string[][] = [];
    const rng = this.rng;
    // A clean row carries at most one fault; a kind that needs a row takes this one or another of the family.
    const used = new Set<number>();
    const rowFor = (i: number, ok: (j: number) => boolean): string[] | undefined => {
      for (let k = 0; k < rows.length; k++) {
        const j = (i + k) % rows.length;
        if (!used.has(j) && ok(j)) {
          used.add(j);
          return rows[j];
        }
      }
      return undefined;
    };
    for (let i = 0; i < rows.length; i++) {
      const kind = this.pop.tick();
      if (kind === null) continue;
      switch (kind) {
        case 'nik_15_digits':
        case 'nik_17_digits':
        case 'nik_letters':
        case 'nik_impossible_date':
        case 'nik_serial_0000': {
          const r = this.freshRow();
          r[0] = mangleNik(rng, r[0] as string, kind);
          extra.push(r);
          break;
        }
        case 'missing_required': {
          const r = this.freshRow();
          r[rng.pick([0, 1, 2, 3, 5, 6, 10, 11])] = '';
          extra.push(r);
          break;
        }
        case 'invalid_jenis_kelamin': {
          const r = this.freshRow();
          r[3] = rng.pick(['X', '3', '0', '-', 'LP']);
          extra.push(r);
          break;
        }
        case 'no_kk_malformed': {
          const r = this.freshRow();
          const kk = r[1] as string;
          r[1] = rng.chance(0.5) ? kk.slice(0, 15) : `${kk.slice(0, 10)}-${kk.slice(10)}`;
          extra.push(r);
          break;
        }
        case 'duplicate_nik': {
          // Not a head's row: rejecting a head would add a headless-family warning.
          const row = rowFor(i, (j) => family.members[j]?.relation !== 'KEPALA KELUARGA');
          if (!row) continue;
          const copy = [...row];
          if (rng.chance(0.5)) copy[7] = `${copy[7]} (LAMA)`; // an old address left behind
          extra.push(copy);
          break;
        }
        case 'family_without_head': {
          const f = this.builder.buildFamily(rng, { forceCouple: true, range: 'fault', plain: true });
          const kept = f.members.filter((m) => m.relation !== 'KEPALA KELUARGA').map(populationFields);
          extra.push(...kept);
          this.headlessFamilies++;
          this.count(this.popCounts, kind, kept.length);
          this.pop.done();
          continue;
        }
        case 'nik_mismatch': {
          const f = this.builder.buildFamily(rng, { maxSize: 1, range: 'fault', plain: true });
          const p = f.members[0] as Family['members'][number];
          const flipSex = rng.chance(0.5);
          const day = flipSex ? p.birthDay : p.birthDay + (rng.chance(0.5) ? 1 : -1) * rng.int(1, 400);
          const got = this.builder.niks.allocate(
            p.village.district,
            day,
            flipSex ? (p.sex === 'L' ? 'P' : 'L') : p.sex,
            'fault',
          );
          if (!got) continue;
          extra.push(populationFields({ ...p, nik: got.nik }));
          break;
        }
        case 'name_special': {
          const r = this.freshRow();
          r[2] = rng.pick(SPECIAL_NAMES);
          extra.push(r);
          break;
        }
        case 'date_dd_mm_yyyy':
        case 'date_dd_slash_mm_yyyy': {
          const row = rowFor(i, () => true);
          if (!row) continue;
          row[5] = ddmmyyyy(row[5] as string, kind === 'date_dd_mm_yyyy' ? '-' : '/');
          break;
        }
        case 'kode_wilayah_dotted': {
          const row = rowFor(i, () => true);
          if (!row) continue;
          row[10] = dotted(row[10] as string);
          break;
        }
      }
      this.count(this.popCounts, kind);
      this.pop.done();
    }
    return extra;
  }

  /** Same for the family's JKN rows (`members` are its clean JKN rows, already built). */
  jknRows(family: Family, members: JknMember[], rows: string[][]): string[][] {
    const extra: string[][] = [];
    const rng = this.rng;
    const byNik = new Map(members.map((m, i) => [m.nik, i]));
    // Only the members' own rows (the first members.length) may be altered, each at most once.
    const used = new Set<number>();
    const rowFor = (prefer: number | undefined): string[] | undefined => {
      const start = prefer ?? 0;
      for (let k = 0; k < members.length; k++) {
        const j = (start + k) % members.length;
        if (!used.has(j)) {
          used.add(j);
          return rows[j];
        }
      }
      return undefined;
    };
    for (const person of family.members) {
      const kind = this.jkn.tick();
      if (kind === null) continue;
      const own = byNik.get(person.nik);
      const fresh = (): string[] => {
        const p = this.builder.buildFamily(rng, { maxSize: 1, range: 'fault', plain: true })
          .members[0] as Family['members'][number];
        const segmen = rng.pick(SEGMENTS);
        const kelas = segmen.startsWith('PBI') || segmen === 'PBPU_PEMDA' ? '3' : String(rng.int(1, 3));
        return [
          p.nik,
          this.cards.take(rng.int(1, 50)),
          p.name,
          segmen,
          kelas,
          'AKTIF',
          isoDate(Math.max(p.birthDay, this.builder.asOfDay - rng.int(30, 3000))),
          '0',
          '',
        ];
      };
      switch (kind) {
        case 'nik_15_digits':
        case 'nik_17_digits':
        case 'nik_letters':
        case 'nik_impossible_date':
        case 'nik_serial_0000': {
          const r = fresh();
          r[0] = mangleNik(rng, person.nik, kind);
          r[2] = person.name;
          extra.push(r);
          break;
        }
        case 'missing_required': {
          const r = fresh();
          r[rng.pick([0, 1, 3, 4, 5])] = '';
          extra.push(r);
          break;
        }
        case 'unknown_segmen': {
          const r = fresh();
          r[3] = rng.pick(['JAMKESMAS', 'MANDIRI', 'KIS', 'ASKES', 'UMUM']);
          extra.push(r);
          break;
        }
        case 'kelas_4': {
          const r = fresh();
          r[4] = '4';
          extra.push(r);
          break;
        }
        case 'invalid_status': {
          const r = fresh();
          r[5] = rng.pick(['DITANGGUHKAN', 'BLOKIR', 'MENINGGAL']);
          extra.push(r);
          break;
        }
        case 'no_kartu_malformed': {
          const r = fresh();
          const card = r[1] as string;
          r[1] = rng.chance(0.5) ? card.slice(1) : `${card.slice(0, 12)}O`;
          extra.push(r);
          break;
        }
        case 'duplicate_nik': {
          const row = rowFor(own);
          if (!row) continue;
          const copy = [...row];
          if (rng.chance(0.5)) copy[1] = this.cards.take(rng.int(1, 50)); // re-registered under a new card
          extra.push(copy);
          break;
        }
        case 'name_special': {
          const row = rowFor(own);
          if (!row) continue;
          row[2] = rng.pick(SPECIAL_NAMES);
          break;
        }
        case 'date_dd_mm_yyyy': {
          const row = rowFor(own);
          if (!row) continue;
          row[6] = ddmmyyyy(row[6] as string, '-');
          break;
        }
      }
      this.count(this.jknCounts, kind);
      this.jkn.done();
    }
    return extra;
  }

  counts(): FaultCounts {
    return {
      population: Object.fromEntries(this.popCounts),
      jkn: Object.fromEntries(this.jknCounts),
      familiesWithoutHead: this.headlessFamilies,
    };
  }
}
