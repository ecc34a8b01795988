import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nikMismatch, parseNik, type Sex } from '../population/index.js';
import { JKN_FAULTS, POPULATION_FAULTS, SPECIAL_NAMES } from './fault-kinds.js';
import { generateRegion, type FileFaults } from './index.js';

/**
 * Reads the files back the way an importer would and sorts every row into
 * the one fault it carries (or none), then holds faults.json to that count.
 */

type Row = Record<string, string>;

async function rowsOf(path: string): Promise<Row[]> {
  return parse(await readFile(path, 'utf8'), { columns: true }) as Row[];
}

function count(map: Map<string, number>, key: string, n = 1) {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** The fault a row carries on its own, ignoring duplicates and families. */
function populationFault(r: Row): string | null {
  const nik = r.nik ?? '';
  const required = [
    'nik',
    'no_kk',
    'nama',
    'jenis_kelamin',
    'tanggal_lahir',
    'hubungan_keluarga',
    'kode_wilayah',
    'status_ektp',
  ];
  if (required.some((c) => !r[c])) return 'missing_required';
  if (/[^0-9]/.test(nik)) return 'nik_letters';
  if (nik.length === 15) return 'nik_15_digits';
  if (nik.length === 17) return 'nik_17_digits';
  const p = parseNik(nik);
  if (!p.ok)
    return p.problem.code === 'NIK_SERIAL'
      ? 'nik_serial_0000'
      : p.problem.code === 'NIK_DATE'
        ? 'nik_impossible_date'
        : p.problem.code;
  if (!['L', 'P'].includes(r.jenis_kelamin ?? '')) return 'invalid_jenis_kelamin';
  if (!/^\d{16}$/.test(r.no_kk ?? '')) return 'no_kk_malformed';
  if (SPECIAL_NAMES.includes(r.nama ?? '')) return 'name_special';
  if (/^\d{2}-\d{2}-\d{4}$/.test(r.tanggal_lahir ?? '')) return 'date_dd_mm_yyyy';
  if (/^\d{2}\/\d{2}\/\d{4}$/.test(r.tanggal_lahir ?? '')) return 'date_dd_slash_mm_yyyy';
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(r.kode_wilayah ?? '')) return 'kode_wilayah_dotted';
  if (nikMismatch(p.parts, r.tanggal_lahir ?? '', r.jenis_kelamin as Sex)) return 'nik_mismatch';
  return null;
}

function jknFault(r: Row): string | null {
  const nik = r.nik ?? '';
  if (['nik', 'no_kartu', 'segmen', 'kelas', 'status'].some((c) => !r[c])) return 'missing_required';
  if (/[^0-9]/.test(nik)) return 'nik_letters';
  if (nik.length === 15) return 'nik_15_digits';
  if (nik.length === 17) return 'nik_17_digits';
  const p = parseNik(nik);
  if (!p.ok) return p.problem.code === 'NIK_SERIAL' ? 'nik_serial_0000' : 'nik_impossible_date';
  if (!['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA', 'PPU', 'PBPU', 'BP'].includes(r.segmen ?? '')) return 'unknown_segmen';
  if (r.kelas === '4') return 'kelas_4';
  if (!['AKTIF', 'NONAKTIF'].includes(r.status ?? '')) return 'invalid_status';
  if (!/^\d{13}$/.test(r.no_kartu ?? '')) return 'no_kartu_malformed';
  if (SPECIAL_NAMES.includes(r.nama ?? '')) return 'name_special';
  if (/^\d{2}-\d{2}-\d{4}$/.test(r.tanggal_mulai ?? '')) return 'date_dd_mm_yyyy';
  return null;
}

function duplicates(rows: Row[], fault: (r: Row) => string | null): number {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const f = fault(r);
    if (f === null || f.startsWith('date_') || f === 'kode_wilayah_dotted' || f === 'name_special')
      count(seen, r.nik ?? '');
  }
  let extra = 0;
  for (const n of seen.values()) extra += n - 1;
  return extra;
}

function expectCounts(file: FileFaults, found: Map<string, number>, kinds: readonly string[]) {
  for (const kind of kinds) expect(found.get(kind) ?? 0, kind).toBe(file.kinds[kind]?.rows);
  expect([...found.keys()].filter((k) => !kinds.includes(k))).toEqual([]);
}

let root: string;
const PEOPLE = 20_000;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jamkesda-faults-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('--faults', () => {
  let faults: { population: FileFaults; jkn: FileFaults };
  let population: Row[];
  let jkn: Row[];
  let cleanPopulation: string[];

  beforeAll(async () => {
    await generateRegion({ people: PEOPLE, outDir: join(root, 'faulty'), seed: 'f', faults: true });
    await generateRegion({ people: PEOPLE, outDir: join(root, 'clean'), seed: 'f' });
    faults = JSON.parse(await readFile(join(root, 'faulty', 'faults.json'), 'utf8'));
    population = await rowsOf(join(root, 'faulty', 'population.csv'));
    jkn = await rowsOf(join(root, 'faulty', 'jkn.csv'));
    cleanPopulation = (await readFile(join(root, 'clean', 'population.csv'), 'utf8')).split('\n');
  });

  it('injects about 0.5 % faulty rows', () => {
    const touched = (f: FileFaults) => Object.values(f.kinds).reduce((s, k) => s + k.rows, 0);
    expect(touched(faults.population) / faults.population.rows).toBeGreaterThan(0.003);
    expect(touched(faults.population) / faults.population.rows).toBeLessThan(0.01);
    expect(touched(faults.jkn) / faults.jkn.rows).toBeGreaterThan(0.003);
    expect(touched(faults.jkn) / faults.jkn.rows).toBeLessThan(0.01);
  });

  it('population.csv holds exactly the faults faults.json lists', () => {
    expect(population).toHaveLength(faults.population.rows);
    const found = new Map<string, number>();
    const families = new Map<string, Row[]>();
    for (const r of population) {
      const f = populationFault(r);
      if (f) count(found, f);
      // Families are judged on the rows an importer accepts.
      if (f === null || POPULATION_FAULTS[f as keyof typeof POPULATION_FAULTS]?.effect !== 'reject') {
        families.set(r.no_kk ?? '', [...(families.get(r.no_kk ?? '') ?? []), r]);
      }
    }
    count(found, 'duplicate_nik', duplicates(population, populationFault));
    let headless = 0;
    for (const members of families.values()) {
      if (members.some((m) => m.hubungan_keluarga === 'KEPALA KELUARGA')) continue;
      headless++;
      count(found, 'family_without_head', members.length);
    }
    expectCounts(faults.population, found, Object.keys(POPULATION_FAULTS));
    expect(headless).toBe(faults.population.expected.familiesWithoutHead);
  });

  it('jkn.csv holds exactly the faults faults.json lists', () => {
    expect(jkn).toHaveLength(faults.jkn.rows);
    const found = new Map<string, number>();
    for (const r of jkn) {
      const f = jknFault(r);
      if (f) count(found, f);
    }
    count(found, 'duplicate_nik', duplicates(jkn, jknFault));
    expectCounts(faults.jkn, found, Object.keys(JKN_FAULTS));
  });

  it('says how many rows an importer must accept, reject and warn about', () => {
    const p = faults.population;
    const rejectKinds = Object.entries(p.kinds).filter(([, k]) => k.effect === 'reject');
    const rejected = rejectKinds.reduce((s, [kind, k]) => s + (kind === 'duplicate_nik' ? 2 : 1) * k.rows, 0);
    expect(p.expected.rejectedRows).toBe(rejected);
    expect(p.expected.acceptedRows).toBe(p.rows - rejected);
    expect(p.expected.warningRows).toBe(p.kinds.nik_mismatch?.rows);
  });

  it('leaves the clean rows as they are without --faults', async () => {
    const faulty = new Set((await readFile(join(root, 'faulty', 'population.csv'), 'utf8')).split('\n'));
    const modified = ['date_dd_mm_yyyy', 'date_dd_slash_mm_yyyy', 'kode_wilayah_dotted'].reduce(
      (s, k) => s + (faults.population.kinds[k]?.rows ?? 0),
      0,
    );
    expect(cleanPopulation.filter((line) => !faulty.has(line))).toHaveLength(modified);

    const faultyJkn = new Set((await readFile(join(root, 'faulty', 'jkn.csv'), 'utf8')).split('\n'));
    const cleanJkn = (await readFile(join(root, 'clean', 'jkn.csv'), 'utf8')).split('\n');
    const modifiedJkn = (faults.jkn.kinds.name_special?.rows ?? 0) + (faults.jkn.kinds.date_dd_mm_yyyy?.rows ?? 0);
    expect(cleanJkn.filter((line) => !faultyJkn.has(line))).toHaveLength(modifiedJkn);
  });

  it('puts every kind into even a small file', async () => {
    await generateRegion({ people: 800, outDir: join(root, 'small'), seed: 's', faults: true });
    const small = JSON.parse(await readFile(join(root, 'small', 'faults.json'), 'utf8')) as typeof faults;
    for (const [kind, k] of Object.entries(small.population.kinds)) expect(k.rows, kind).toBeGreaterThan(0);
    for (const [kind, k] of Object.entries(small.jkn.kinds)) expect(k.rows, kind).toBeGreaterThan(0);
  });

  it('removes a stale faults.json when run without --faults', async () => {
    const dir = join(root, 'stale');
    await generateRegion({ people: 100, outDir: dir, faults: true });
    await generateRegion({ people: 100, outDir: dir });
    await expect(readFile(join(dir, 'faults.json'))).rejects.toThrow();
  });
});
