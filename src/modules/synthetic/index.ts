import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../platform/http/errors.js';
import { loadRegion } from './areas.js';
import { CsvWriter, csvLine } from './csv.js';
import { parseIsoDay } from './dates.js';
import type { DistrictResult, DistrictTask } from './district.js';
import { FACILITY_HEADER, facilityFields, planFacilities } from './facilities.js';
import { JKN_FAULTS, POPULATION_FAULTS, type JknFaultKind, type PopulationFaultKind } from './fault-kinds.js';
import { addFaultCounts, emptyFaultCounts, summariseFaults, type FileFaults } from './faults.js';
import { JKN_HEADER, SEGMENTS, type Segment } from './jkn.js';
import { apportion, faultRate, planFaultEvents } from './plan.js';
import { runDistricts } from './pool.js';
import { POPULATION_HEADER, villageWeights } from './population.js';
import { Rng } from './random.js';

export { SEGMENT_SHARES } from './jkn.js';
export type { FileFaults } from './faults.js';

/** Chosen for determinism: "today" would make yesterday's seed give another file. */
export const DEFAULT_AS_OF = '2026-11-01';
export const DEFAULT_REGION = '3275';
export const DEFAULT_SEED = '1';
export const MAX_PEOPLE = 50_000_000;
/** Below this, starting worker threads costs more than it saves. */
const PARALLEL_FROM_PEOPLE = 100_000;

export interface GenerateOptions {
  people: number;
  outDir: string;
  seed?: string | number;
  /** Regency/city code, 4 digits (3275 = Kota Bekasi); dots allowed. */
  region?: string;
  faults?: boolean;
  /** The snapshot date, YYYY-MM-DD. */
  asOf?: string;
  /** Worker threads; default: one per CPU (max 4) from 100,000 people, else none. Never changes the output. */
  workers?: number;
  /** Called about every 10 % of people, and once at the end. */
  onProgress?: (p: { done: number; total: number; percent: number }) => void;
}

export interface FileSummary {
  path: string;
  rows: number;
  bytes: number;
}

export interface GenerateSummary {
  outDir: string;
  seed: string;
  region: { code: string; name: string; districts: number; villages: number };
  asOf: string;
  people: number;
  files: Record<string, FileSummary>;
  population: {
    families: number;
    meanFamilySize: number;
    dead: number;
    movedOut: number;
    adultsWithoutEktp: number;
    babiesUnder1: number;
  };
  jkn: {
    rows: number;
    bySegment: Record<Segment, number>;
    uninsured: number;
    nonaktif: number;
    notInPopulation: number;
  };
  facilities: { puskesmas: number; klinik: number; rumahSakit: number };
  faults: { population: FileFaults; jkn: FileFaults } | null;
  workers: number;
  elapsedMs: number;
}

async function append(out: WriteStream, part: string): Promise<void> {
  for await (const chunk of createReadStream(part, { highWaterMark: 1024 * 1024 })) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
}

async function finish(out: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/**
 * Writes population.csv, jkn.csv and facilities.csv (and faults.json with
 * `faults`) into `outDir`. The same options always give byte-identical files.
 *
 * Each district (kecamatan) is generated on its own — in worker threads for
 * large regions — into a part file, and the parts are appended in district
 * order. Rows are streamed; memory does not grow with `people`.
 */
export async function generateRegion(options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const people = options.people;
  if (!Number.isInteger(people) || people < 1 || people > MAX_PEOPLE) {
    throw new AppError('invalid', 'INVALID_PEOPLE', `Jumlah penduduk harus bilangan bulat 1..${MAX_PEOPLE}: ${people}`);
  }
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  if (parseIsoDay(asOf) === null)
    throw new AppError('invalid', 'INVALID_AS_OF', `Tanggal --as-of harus YYYY-MM-DD: ${asOf}`);
  const seed = String(options.seed ?? DEFAULT_SEED);
  const areas = loadRegion(options.region ?? DEFAULT_REGION);
  const outDir = options.outDir;
  await mkdir(outDir, { recursive: true });
  const path = (name: string) => join(outDir, name);

  const facilitySet = planFacilities(Rng.from(seed, 'facilities'), areas, people);
  const facilityWriter = new CsvWriter(path('facilities.csv'), FACILITY_HEADER);
  for (const f of facilitySet.facilities) await facilityWriter.write(facilityFields(f));
  await facilityWriter.close();

  // People per district follow the village sizes.
  const weights = villageWeights(seed, areas.villages.length);
  const districtWeights = areas.districts.map(() => 0);
  areas.villages.forEach((v, i) => {
    districtWeights[v.district] = (districtWeights[v.district] as number) + (weights[i] as number);
  });
  const perDistrict = apportion(people, districtWeights);

  let faultPlan: {
    population: ReturnType<typeof planFaultEvents<PopulationFaultKind>>;
    jkn: ReturnType<typeof planFaultEvents<JknFaultKind>>;
  } | null = null;
  if (options.faults) {
    const popKinds = Object.keys(POPULATION_FAULTS) as PopulationFaultKind[];
    const jknKinds = Object.keys(JKN_FAULTS) as JknFaultKind[];
    faultPlan = {
      population: planFaultEvents(
        Rng.from(seed, 'fault-plan/population'),
        perDistrict,
        popKinds,
        popKinds.map((k) => POPULATION_FAULTS[k].weight),
        faultRate(people, popKinds.length),
      ),
      // JKN faults are placed per person but should be ~0.5 % of the (fewer) JKN rows.
      jkn: planFaultEvents(
        Rng.from(seed, 'fault-plan/jkn'),
        perDistrict,
        jknKinds,
        jknKinds.map((k) => JKN_FAULTS[k].weight),
        faultRate(people, jknKinds.length) * 0.83,
      ),
    };
  }

  const partsDir = await mkdtemp(join(outDir, '.generate-'));
  const tasks: DistrictTask[] = [];
  perDistrict.forEach((n, d) => {
    if (n === 0) return;
    tasks.push({
      seed,
      region: areas.code,
      asOf,
      regionPeople: people,
      district: d,
      people: n,
      faults: faultPlan ? { population: faultPlan.population[d] ?? [], jkn: faultPlan.jkn[d] ?? [] } : null,
      populationPath: join(partsDir, `${d}.population.csv`),
      jknPath: join(partsDir, `${d}.jkn.csv`),
    });
  });
  const workers = Math.max(
    0,
    Math.min(
      options.workers ?? (people >= PARALLEL_FROM_PEOPLE ? Math.min(availableParallelism(), 4) : 0),
      tasks.length,
    ),
  );

  const popOut = createWriteStream(path('population.csv'), { highWaterMark: 1024 * 1024 });
  const jknOut = createWriteStream(path('jkn.csv'), { highWaterMark: 1024 * 1024 });
  const results: DistrictResult[] = [];
  const ready = new Map<number, DistrictResult>();
  let nextTask = 0;
  let appending: Promise<void> = Promise.resolve();
  let done = 0;
  let nextReport = Math.ceil(people / 10);
  try {
    popOut.write(csvLine(POPULATION_HEADER));
    jknOut.write(csvLine(JKN_HEADER));
    // Parts are appended strictly in district order, as soon as each one and all before it are done.
    const appendReady = async () => {
      for (let task = tasks[nextTask]; task && ready.has(task.district); task = tasks[nextTask]) {
        const result = ready.get(task.district) as DistrictResult;
        nextTask++;
        await append(popOut, task.populationPath);
        await append(jknOut, task.jknPath);
        await Promise.all([rm(task.populationPath), rm(task.jknPath)]);
        results.push(result);
      }
    };
    await runDistricts(tasks, workers, {
      onProgress: (n) => {
        done += n;
        while (done >= nextReport && done < people) {
          options.onProgress?.({ done, total: people, percent: Math.floor((done * 100) / people) });
          nextReport += Math.ceil(people / 10);
        }
      },
      onResult: (result) => {
        ready.set(result.district, result);
        appending = appending.then(appendReady);
      },
    });
    await appending;
    if (results.length !== tasks.length) throw new Error('generate: some districts were not written');
    await Promise.all([finish(popOut), finish(jknOut)]);
  } finally {
    popOut.destroy();
    jknOut.destroy();
    await appending.catch(() => undefined); // its error, if any, was already thrown above
    await rm(partsDir, { recursive: true, force: true });
  }

  const sum = (f: (r: DistrictResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const bySegment = Object.fromEntries(SEGMENTS.map((s) => [s, sum((r) => r.bySegment[s])])) as Record<Segment, number>;
  const faultCounts = emptyFaultCounts();
  for (const r of results) if (r.faults) addFaultCounts(faultCounts, r.faults);
  const faults = options.faults
    ? summariseFaults(
        faultCounts,
        people,
        sum((r) => r.cleanJknRows),
      )
    : null;
  const faultsPath = path('faults.json');
  if (faults)
    await writeFile(faultsPath, `${JSON.stringify({ seed, region: areas.code, asOf, people, ...faults }, null, 2)}\n`);
  else await rm(faultsPath, { force: true }); // a stale faults.json would describe another run

  const files: Record<string, FileSummary> = {};
  const rows: [string, number][] = [
    ['population.csv', sum((r) => r.populationRows)],
    ['jkn.csv', sum((r) => r.jknRows)],
    ['facilities.csv', facilityWriter.rows],
  ];
  if (faults) rows.push(['faults.json', 0]);
  for (const [name, n] of rows) files[name] = { path: path(name), rows: n, bytes: (await stat(path(name))).size };
  const families = sum((r) => r.families);
  options.onProgress?.({ done: people, total: people, percent: 100 });

  return {
    outDir,
    seed,
    region: { code: areas.code, name: areas.name, districts: areas.districts.length, villages: areas.villages.length },
    asOf,
    people,
    files,
    population: {
      families,
      meanFamilySize: Math.round((people / families) * 100) / 100,
      dead: sum((r) => r.dead),
      movedOut: sum((r) => r.movedOut),
      adultsWithoutEktp: sum((r) => r.adultsWithoutEktp),
      babiesUnder1: sum((r) => r.babiesUnder1),
    },
    jkn: {
      rows: sum((r) => r.jknRows),
      bySegment,
      uninsured: people - sum((r) => r.insuredResidents),
      nonaktif: sum((r) => r.nonaktif),
      notInPopulation: sum((r) => r.notInPopulation),
    },
    facilities: {
      puskesmas: facilitySet.puskesmas.length,
      klinik: facilitySet.facilities.filter((f) => f.jenis === 'KLINIK').length,
      rumahSakit: facilitySet.facilities.filter((f) => f.jenis === 'RUMAH_SAKIT').length,
    },
    faults,
    workers,
    elapsedMs: Math.round(performance.now() - started),
  };
}
