import { loadRegion } from './areas.js';
import { CsvWriter } from './csv.js';
import { parseIsoDay } from './dates.js';
import { planFacilities } from './facilities.js';
import type { JknFaultKind, PopulationFaultKind } from './fault-kinds.js';
import { FaultInjector, type FaultCounts } from './faults.js';
import { CardNumbers } from './ids.js';
import { JKN_RATES, JKN_TEXT_COLUMNS, JknBuilder, jknFields, SEGMENTS, type Segment } from './jkn.js';
import type { FaultEvent } from './plan.js';
import { POPULATION_TEXT_COLUMNS, PopulationBuilder, populationFields } from './population.js';
import { Rng } from './random.js';

/**
 * One district's share of the region: its families' population rows and JKN
 * rows, written to two part files (no header) that the caller concatenates in
 * district order. Everything here derives from the task alone, so a district
 * comes out the same in the main thread or in any worker.
 */

export interface DistrictTask {
  seed: string;
  region: string;
  asOf: string;
  /** People in the whole region (sizes the facility network). */
  regionPeople: number;
  district: number;
  /** People to generate in this district. */
  people: number;
  faults: { population: FaultEvent<PopulationFaultKind>[]; jkn: FaultEvent<JknFaultKind>[] } | null;
  populationPath: string;
  jknPath: string;
}

export interface DistrictResult {
  district: number;
  populationRows: number;
  jknRows: number;
  cleanJknRows: number;
  families: number;
  dead: number;
  movedOut: number;
  adultsWithoutEktp: number;
  babiesUnder1: number;
  bySegment: Record<Segment, number>;
  nonaktif: number;
  insuredResidents: number;
  notInPopulation: number;
  faults: FaultCounts | null;
}

/** Calls `onProgress` with the number of people written since the last call. */
export async function generateDistrict(
  task: DistrictTask,
  onProgress?: (people: number) => void,
): Promise<DistrictResult> {
  const asOfDay = parseIsoDay(task.asOf);
  if (asOfDay === null) throw new Error(`bad as-of date ${task.asOf}`);
  const areas = loadRegion(task.region);
  const code = areas.districts[task.district]?.code;
  if (!code) throw new Error(`no district ${task.district} in ${task.region}`);
  const { seed } = task;
  const facilities = planFacilities(Rng.from(seed, 'facilities'), areas, task.regionPeople);
  const builder = new PopulationBuilder(areas, asOfDay, seed, task.district);
  const block = { district: task.district, districts: areas.districts.length, people: task.people };
  const jkn = new JknBuilder(asOfDay, facilities, areas, Rng.from(seed, `cards/${code}`), block);
  const faultCardBlock = Math.floor(900_000_000 / areas.districts.length);
  const injector = task.faults
    ? new FaultInjector(
        Rng.from(seed, `faults/${code}`),
        builder,
        new CardNumbers(9_000_000_000 + task.district * faultCardBlock),
        task.faults,
      )
    : null;
  const popRng = Rng.from(seed, `population/${code}`);
  const jknRng = Rng.from(seed, `jkn/${code}`);
  const popWriter = new CsvWriter(task.populationPath, null, POPULATION_TEXT_COLUMNS);
  const jknWriter = new CsvWriter(task.jknPath, null, JKN_TEXT_COLUMNS);

  const r: DistrictResult = {
    district: task.district,
    populationRows: 0,
    jknRows: 0,
    cleanJknRows: 0,
    families: 0,
    dead: 0,
    movedOut: 0,
    adultsWithoutEktp: 0,
    babiesUnder1: 0,
    bySegment: Object.fromEntries(SEGMENTS.map((s) => [s, 0])) as Record<Segment, number>,
    nonaktif: 0,
    insuredResidents: 0,
    notInPopulation: 0,
    faults: null,
  };
  let done = 0;
  let unreported = 0;
  let finished = false;
  try {
    while (done < task.people) {
      const family = builder.buildFamily(popRng, { maxSize: task.people - done });
      const popRows = family.members.map(populationFields);
      const members = jkn.forFamily(jknRng, family);
      const jknRows = members.map(jknFields);
      for (const p of family.members) {
        if (p.diedDay !== null) r.dead++;
        if (p.movedOutDay !== null) r.movedOut++;
        if (p.age >= 17 && !p.ektp) r.adultsWithoutEktp++;
        if (p.age === 0) r.babiesUnder1++;
        if (jknRng.chance(JKN_RATES.notInPopulation)) {
          jknRows.push(jknFields(jkn.notInPopulation(jknRng)));
          r.notInPopulation++;
        }
      }
      for (const m of members) {
        r.bySegment[m.segmen]++;
        if (m.status === 'NONAKTIF') r.nonaktif++;
      }
      r.insuredResidents += members.length;
      r.cleanJknRows += jknRows.length;
      const popExtra = injector ? injector.population(family, popRows) : [];
      const jknExtra = injector ? injector.jknRows(family, members, jknRows) : [];
      // Clean (and format-modified) rows only need their text columns checked; injected rows get full quoting.
      // `await` only when a chunk went to the stream: awaiting every row would cost a microtask each.
      for (const row of popRows) {
        const pending = popWriter.writeTrusted(row);
        if (pending) await pending;
      }
      for (const row of jknRows) {
        const pending = jknWriter.writeTrusted(row);
        if (pending) await pending;
      }
      for (const row of popExtra) await popWriter.write(row);
      for (const row of jknExtra) await jknWriter.write(row);

      r.families++;
      done += family.members.length;
      unreported += family.members.length;
      if (onProgress && unreported >= 20_000) {
        onProgress(unreported);
        unreported = 0;
      }
    }
    finished = true;
  } finally {
    // On failure close quietly so the first error is the one reported.
    if (!finished) await Promise.allSettled([popWriter.close(), jknWriter.close()]);
  }
  await popWriter.close();
  await jknWriter.close();
  if (onProgress && unreported > 0) onProgress(unreported);
  r.populationRows = popWriter.rows;
  r.jknRows = jknWriter.rows;
  r.faults = injector ? injector.counts() : null;
  return r;
}
