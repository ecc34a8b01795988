import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nikMismatch, parseNik, type Sex } from '../population/index.js';
import { loadRegion } from './areas.js';
import { ageOn, parseIsoDay } from './dates.js';
import { generateRegion, SEGMENT_SHARES, type GenerateSummary } from './index.js';

type Row = Record<string, string>;

async function readCsv(path: string): Promise<{ header: string[]; rows: Row[] }> {
  const text = await readFile(path, 'utf8');
  const header = (text.slice(0, text.indexOf('\n')) ?? '').split(',');
  return { header, rows: parse(text, { columns: true }) as Row[] };
}

async function hashes(dir: string): Promise<string[]> {
  const names = ['population.csv', 'jkn.csv', 'facilities.csv'];
  return Promise.all(
    names.map(async (n) =>
      createHash('sha256')
        .update(await readFile(join(dir, n)))
        .digest('hex'),
    ),
  );
}

const PEOPLE = 20_000;
const AS_OF = '2026-11-01';
let root: string;
let dir: string;
let summary: GenerateSummary;
let population: Row[];
let jkn: Row[];
let facilities: Row[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jamkesda-synth-'));
  dir = join(root, 'main');
  summary = await generateRegion({ people: PEOPLE, outDir: dir, seed: 'test', asOf: AS_OF });
  population = (await readCsv(join(dir, 'population.csv'))).rows;
  jkn = (await readCsv(join(dir, 'jkn.csv'))).rows;
  facilities = (await readCsv(join(dir, 'facilities.csv'))).rows;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('generateRegion: determinism', () => {
  it('writes byte-identical files for the same options and different ones for another seed', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    const c = join(root, 'c');
    await generateRegion({ people: 3000, outDir: a, seed: 7 });
    await generateRegion({ people: 3000, outDir: b, seed: '7' });
    await generateRegion({ people: 3000, outDir: c, seed: 8 });
    const [ha, hb, hc] = await Promise.all([hashes(a), hashes(b), hashes(c)]);
    expect(hb).toEqual(ha);
    expect(hc?.[0]).not.toBe(ha?.[0]);
    expect(hc?.[1]).not.toBe(ha?.[1]);
  });
});

describe('generateRegion: worker threads', () => {
  it('writes the same bytes with worker threads as without', async () => {
    const inline = join(root, 'inline');
    const threaded = join(root, 'threaded');
    const a = await generateRegion({ people: 6000, outDir: inline, seed: 'w', faults: true, workers: 0 });
    const b = await generateRegion({ people: 6000, outDir: threaded, seed: 'w', faults: true, workers: 2 });
    expect(a.workers).toBe(0);
    expect(b.workers).toBe(2);
    expect(await hashes(threaded)).toEqual(await hashes(inline));
    expect(await readFile(join(threaded, 'faults.json'), 'utf8')).toBe(
      await readFile(join(inline, 'faults.json'), 'utf8'),
    );
  });
});

describe('generateRegion: population.csv', () => {
  it('has the contract header and exactly the requested number of people', async () => {
    const { header } = await readCsv(join(dir, 'population.csv'));
    expect(header).toEqual([
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
    ]);
    expect(population).toHaveLength(PEOPLE);
    expect(summary.files['population.csv']?.rows).toBe(PEOPLE);
  });

  it('gives every row a valid, unique NIK that agrees with birth date, sex and district', () => {
    const villages = new Set(loadRegion('3275').villages.map((v) => v.code));
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const r of population) {
      const p = parseNik(r.nik ?? '');
      if (!p.ok) problems.push(`${r.nik}: ${p.problem.code}`);
      else if (nikMismatch(p.parts, r.tanggal_lahir ?? '', r.jenis_kelamin as Sex)) problems.push(`${r.nik}: mismatch`);
      else if (p.parts.regionCode !== r.kode_wilayah?.slice(0, 6))
        problems.push(`${r.nik}: not the village's district`);
      if (seen.has(r.nik ?? '')) problems.push(`${r.nik}: duplicate`);
      seen.add(r.nik ?? '');
      if (!villages.has(r.kode_wilayah ?? '')) problems.push(`${r.kode_wilayah}: unknown village`);
      if (!/^\d{16}$/.test(r.no_kk ?? '') || !r.no_kk?.startsWith(r.kode_wilayah?.slice(0, 6) ?? '?')) {
        problems.push(`${r.no_kk}: bad KK`);
      }
      if (!r.nama || r.nama !== r.nama.toUpperCase()) problems.push(`${r.nama}: name`);
      if (!/^\d{3}$/.test(r.rt ?? '') || !/^\d{3}$/.test(r.rw ?? '')) problems.push(`${r.rt}/${r.rw}: RT/RW`);
      if (!r.alamat || !r.tempat_lahir) problems.push(`${r.nik}: no address or birthplace`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('builds families with one head, adult spouses and children younger than the head', () => {
    const asOf = parseIsoDay(AS_OF) as number;
    const families = new Map<string, Row[]>();
    for (const r of population) {
      const list = families.get(r.no_kk ?? '') ?? [];
      list.push(r);
      families.set(r.no_kk ?? '', list);
    }
    const problems: string[] = [];
    const age = (r: Row) => ageOn(parseIsoDay(r.tanggal_lahir ?? '') as number, asOf);
    for (const [kk, members] of families) {
      const heads = members.filter((m) => m.hubungan_keluarga === 'KEPALA KELUARGA');
      if (heads.length !== 1) {
        problems.push(`${kk}: ${heads.length} heads`);
        continue;
      }
      const head = heads[0] as Row;
      if (members.length > 8) problems.push(`${kk}: ${members.length} members`);
      if (new Set(members.map((m) => m.kode_wilayah)).size !== 1) problems.push(`${kk}: several villages`);
      for (const m of members) {
        if (
          ['ANAK', 'CUCU'].includes(m.hubungan_keluarga ?? '') &&
          !((m.tanggal_lahir ?? '') > (head.tanggal_lahir ?? ''))
        ) {
          problems.push(`${kk}: ${m.hubungan_keluarga} not younger than the head`);
        }
        if (['ISTRI', 'SUAMI'].includes(m.hubungan_keluarga ?? '') && age(m) < 17) problems.push(`${kk}: child spouse`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    const mean = PEOPLE / families.size;
    expect(mean).toBeGreaterThanOrEqual(3.0);
    expect(mean).toBeLessThanOrEqual(3.5);
  });

  it('records e-KTP, deaths and moves at realistic rates', () => {
    const asOf = parseIsoDay(AS_OF) as number;
    let adults = 0;
    let adultsWithout = 0;
    let dead = 0;
    let moved = 0;
    let babies = 0;
    const problems: string[] = [];
    for (const r of population) {
      const birth = parseIsoDay(r.tanggal_lahir ?? '') as number;
      const age = ageOn(birth, asOf);
      if (age >= 17) {
        adults++;
        if (r.status_ektp === 'N') adultsWithout++;
      } else if (r.status_ektp !== 'N') problems.push(`${r.nik}: e-KTP under 17`);
      if (asOf - birth < 180) babies++;
      for (const col of ['tanggal_meninggal', 'tanggal_pindah'] as const) {
        if (!r[col]) continue;
        const day = parseIsoDay(r[col] ?? '');
        if (day === null || day < birth || day >= asOf || day < asOf - 3 * 366)
          problems.push(`${r.nik}: ${col} ${r[col]}`);
      }
      if (r.tanggal_meninggal) dead++;
      if (r.tanggal_pindah) moved++;
      if (r.tanggal_meninggal && r.tanggal_pindah) problems.push(`${r.nik}: both dead and moved`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(adultsWithout / adults).toBeGreaterThan(0.05);
    expect(adultsWithout / adults).toBeLessThan(0.09);
    expect(dead / PEOPLE).toBeGreaterThan(0.003);
    expect(dead / PEOPLE).toBeLessThan(0.01);
    expect(moved / PEOPLE).toBeGreaterThan(0.005);
    expect(moved / PEOPLE).toBeLessThan(0.015);
    expect(babies).toBeGreaterThan(50);
  });
});

describe('generateRegion: jkn.csv', () => {
  it('has the segment shares within a few points of the targets', () => {
    const residents = new Set(population.map((r) => r.nik));
    const counts = new Map<string, number>();
    for (const r of jkn) if (residents.has(r.nik)) counts.set(r.segmen ?? '', (counts.get(r.segmen ?? '') ?? 0) + 1);
    let insured = 0;
    for (const [segment, share] of Object.entries(SEGMENT_SHARES)) {
      if (segment === 'NONE') continue;
      const n = counts.get(segment) ?? 0;
      insured += n;
      expect(Math.abs(n / PEOPLE - share), segment).toBeLessThan(0.03);
    }
    expect(Math.abs(1 - insured / PEOPLE - SEGMENT_SHARES.NONE)).toBeLessThan(0.03);
  });

  it('writes valid rows: unique cards, class 3 for PBI, arrears only when inactive, puskesmas codes', () => {
    const puskesmas = new Set(facilities.filter((f) => f.jenis === 'PUSKESMAS').map((f) => f.kode));
    const residents = new Set(population.map((r) => r.nik));
    const cards = new Set<string>();
    const niks = new Set<string>();
    const problems: string[] = [];
    let pbpu = 0;
    let pbpuInactive = 0;
    let foreign = 0;
    for (const r of jkn) {
      if (!/^\d{13}$/.test(r.no_kartu ?? '') || cards.has(r.no_kartu ?? '')) problems.push(`${r.no_kartu}: card`);
      cards.add(r.no_kartu ?? '');
      if (niks.has(r.nik ?? '') || !parseNik(r.nik ?? '').ok) problems.push(`${r.nik}: NIK`);
      niks.add(r.nik ?? '');
      if (['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA'].includes(r.segmen ?? '') && r.kelas !== '3')
        problems.push(`${r.nik}: PBI class`);
      if (!['1', '2', '3'].includes(r.kelas ?? '')) problems.push(`${r.nik}: class ${r.kelas}`);
      if (!['AKTIF', 'NONAKTIF'].includes(r.status ?? '')) problems.push(`${r.nik}: status`);
      if (r.status === 'AKTIF' && r.tunggakan_bulan !== '0') problems.push(`${r.nik}: arrears while active`);
      if (parseIsoDay(r.tanggal_mulai ?? '') === null) problems.push(`${r.nik}: start date`);
      if (r.segmen === 'PBPU') {
        pbpu++;
        if (r.status === 'NONAKTIF') {
          pbpuInactive++;
          const months = Number(r.tunggakan_bulan);
          if (!(months >= 1 && months <= 24)) problems.push(`${r.nik}: arrears ${months}`);
        }
      }
      if (residents.has(r.nik)) {
        if (!puskesmas.has(r.faskes_tk1 ?? '')) problems.push(`${r.nik}: faskes ${r.faskes_tk1}`);
      } else foreign++;
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(pbpuInactive / pbpu).toBeGreaterThan(0.4);
    expect(pbpuInactive / pbpu).toBeLessThan(0.6);
    expect(foreign).toBeGreaterThan(10);
    expect(foreign / jkn.length).toBeLessThan(0.006);
    expect(summary.jkn.notInPopulation).toBe(foreign);
  });
});

describe('generateRegion: facilities.csv', () => {
  it('has one RSUD, valid codes and vocabularies', async () => {
    const { header } = await readCsv(join(dir, 'facilities.csv'));
    expect(header).toEqual([
      'kode',
      'nama',
      'jenis',
      'kelas',
      'kepemilikan',
      'lokasi',
      'rsud',
      'kode_wilayah',
      'alamat',
      'telepon',
    ]);
    expect(facilities.filter((f) => f.rsud === 'Y')).toHaveLength(1);
    expect(facilities.find((f) => f.rsud === 'Y')).toMatchObject({
      jenis: 'RUMAH_SAKIT',
      kepemilikan: 'PEMERINTAH_DAERAH',
      lokasi: 'DALAM_KOTA',
    });
    expect(new Set(facilities.map((f) => f.kode)).size).toBe(facilities.length);
    for (const f of facilities) {
      expect(f.kode).toMatch(/^[A-Z0-9-]{1,32}$/);
      expect(['PUSKESMAS', 'KLINIK', 'RUMAH_SAKIT']).toContain(f.jenis);
      expect(f.jenis === 'RUMAH_SAKIT' ? ['A', 'B', 'C', 'D'] : ['']).toContain(f.kelas);
      expect(['PEMERINTAH_PUSAT', 'PEMERINTAH_DAERAH', 'SWASTA']).toContain(f.kepemilikan);
      expect(['DALAM_KOTA', 'PERBATASAN', 'LUAR_KOTA']).toContain(f.lokasi);
      expect(f.kode_wilayah).toMatch(/^\d{10}$/);
    }
    expect(facilities.filter((f) => f.jenis === 'PUSKESMAS').length).toBeGreaterThanOrEqual(3);
    expect(facilities.filter((f) => f.jenis === 'RUMAH_SAKIT').length).toBeGreaterThanOrEqual(3);
  });

  it('scales to Kota Bekasi: ~50 puskesmas and ~60 hospitals for 2.6 M people', async () => {
    const { planFacilities } = await import('./facilities.js');
    const { Rng } = await import('./random.js');
    const set = planFacilities(Rng.from('1', 'facilities'), loadRegion('3275'), 2_600_000);
    const count = (jenis: string) => set.facilities.filter((f) => f.jenis === jenis).length;
    expect(count('PUSKESMAS')).toBe(52);
    expect(count('RUMAH_SAKIT')).toBe(60);
    expect(set.puskesmasByDistrict.every((list) => list.length > 0)).toBe(true);
    const lokasi = new Set(set.facilities.map((f) => f.lokasi));
    expect([...lokasi].sort()).toEqual(['DALAM_KOTA', 'LUAR_KOTA', 'PERBATASAN']);
    expect(set.facilities.filter((f) => f.rsud === 'Y')).toHaveLength(1);
  });
});

describe('generateRegion: options', () => {
  it('refuses a bad people count, date or region', async () => {
    await expect(generateRegion({ people: 0, outDir: join(root, 'x') })).rejects.toThrow(/penduduk/);
    await expect(generateRegion({ people: 10, outDir: join(root, 'x'), asOf: '2026-02-30' })).rejects.toThrow(/as-of/);
    await expect(generateRegion({ people: 10, outDir: join(root, 'x'), region: '9999' })).rejects.toThrow(
      /tidak dikenal/,
    );
  });

  it('works for another region and a tiny population', async () => {
    const s = await generateRegion({ people: 1, outDir: join(root, 'tiny'), region: '32.73' });
    expect(s.region.name).toBe('KOTA BANDUNG');
    expect(s.files['population.csv']?.rows).toBe(1);
  });
});
