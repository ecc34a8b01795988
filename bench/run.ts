/**
 * `npm run bench` — the performance figures of docs/benchmarks.md, measured in one run:
 * population import vs a bare COPY + primary key, eligibility over HTTP on
 * PostgreSQL and on the embedded database. Settings through environment:
 * BENCH_PEOPLE (2600000), BENCH_DATABASE_URL (local PostgreSQL), BENCH_SECONDS (20),
 * BENCH_CONNECTIONS (50), BENCH_LOAD_RUNS (3, median reported), BENCH_SKIP_PGLITE=1, BENCH_ONLY=reconciliation (that case
 * alone, merged into the last results file).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { compiled } from './compiled.js';
import { httpCeiling } from './ceiling.js';
import { eligibilityLoad, type LoadResult } from './load.js';
import { perRequest, sampleCpu, type CpuPerCheck } from './cpu.js';
import { bareCopyBaseline, createDatabase, dropDatabase, importFloor } from './pg-util.js';
import { bareDiff, deriveSecondSnapshot, SECOND_AS_OF } from './reconciliation.js';
import { sampleNiks } from './sample.js';
import { startFloorServer, startServer, type Running } from './server.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2_600_000);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DATE = '2026-11-15';
const WORK = path.join(os.tmpdir(), 'jamkesda-bench');

const log = (s: string) => process.stdout.write(`${s}\n`);
const { config: configMod, context, system, synthetic } = await compiled();
const { loadConfig } = configMod;
const { runWithContext, systemContext } = context;
const { createSystem } = system;
const { generateRegion } = synthetic;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function region() {
  const dir = path.join(WORK, `region-${PEOPLE}`);
  const marker = path.join(dir, 'summary.json');
  if (fs.existsSync(marker)) return { dir, summary: JSON.parse(fs.readFileSync(marker, 'utf8')) };
  log(`Membuat wilayah sintetis: ${PEOPLE.toLocaleString('id-ID')} penduduk …`);
  const summary = await generateRegion({ people: PEOPLE, outDir: dir, seed: 'bench' });
  fs.writeFileSync(marker, JSON.stringify(summary));
  log(`  selesai dalam ${secs(summary.elapsedMs)}`);
  return { dir, summary };
}

type Sys = Awaited<ReturnType<typeof createSystem>>;

/** One import through the product, timed as a whole and per phase (the job's progress phases). */
async function timeImportInto(sys: Sys, kind: 'population' | 'jkn', filePath: string, asOf = '2026-11-01') {
  const t0 = performance.now();
  const phases: { phase: string; ms: number }[] = [];
  let current = { phase: '', at: t0 };
  const listener = (p: { phase: string }) => {
    if (p.phase === current.phase) return;
    const now = performance.now();
    if (current.phase) phases.push({ phase: current.phase, ms: now - current.at });
    current = { phase: p.phase, at: now };
  };
  const { done } = await sys.imports.start({
    kind,
    filePath,
    fileName: path.basename(filePath),
    asOf,
    ownsFile: false,
    listener,
  });
  const result = await done;
  const ms = performance.now() - t0;
  phases.push({ phase: current.phase, ms: t0 + ms - current.at });
  return { ms, result, phases };
}

async function importBoth(config: ReturnType<typeof loadConfig>, dir: string) {
  const sys = await createSystem(config);
  try {
    return await runWithContext(systemContext('bench'), async () => {
      const timeImport = (kind: 'population' | 'jkn', file: string) => timeImportInto(sys, kind, path.join(dir, file));
      const population = await timeImport('population', 'population.csv');
      const reimport = await timeImport('population', 'population.csv');
      const jkn = await timeImport('jkn', 'jkn.csv');
      const username = `bench-${Date.now()}`;
      await sys.access.createUser({ username, role: 'rumahsakit', facilityCode: await anyHospital(sys.db) });
      const token = (await sys.access.createToken(username, 'bench')).token;
      return { population, reimport, jkn, token };
    });
  } finally {
    await sys.close();
  }
}

async function anyHospital(db: { query: (s: string, p?: unknown[]) => Promise<{ rows: unknown[] }> }) {
  await db.query(
    `INSERT INTO facility (code, name, level) VALUES ('RS-BENCH-01', 'RS Bench', 'PPK2') ON CONFLICT DO NOTHING`,
  );
  return 'RS-BENCH-01';
}

const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 3);

/** The load runs one after another on one server; the median by throughput is the figure, the others show the spread. */
type LoadRun = LoadResult & { cpuPerCheck: CpuPerCheck | null };
type LoadSeries = LoadRun & { runs: LoadRun[] };

async function loadSeries(
  start: () => Promise<Running>,
  token: string,
  niks: string[],
  embedded = false,
): Promise<LoadSeries> {
  const server = await start();
  try {
    await eligibilityLoad({
      url: server.url,
      token,
      niks,
      date: DATE,
      connections: CONNECTIONS,
      seconds: 5,
      workDir: WORK,
    }); // warm-up
    const runs: LoadRun[] = [];
    for (let i = 0; i < LOAD_RUNS; i++) {
      const before = sampleCpu(server.proc.pid!);
      const r = await eligibilityLoad({
        url: server.url,
        token,
        niks,
        date: DATE,
        connections: CONNECTIONS,
        seconds: SECONDS,
        workDir: WORK,
      });
      runs.push({ ...r, cpuPerCheck: perRequest(before, sampleCpu(server.proc.pid!), r.requests, embedded) });
    }
    const median = [...runs].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(runs.length / 2)]!;
    return { ...median, runs };
  } finally {
    await server.stop();
  }
}

const loadTest = (env: Record<string, string>, token: string, niks: string[]) =>
  loadSeries(() => startServer({ ...env, ELIGIBILITY_RATE_PER_MINUTE: '1000000000' }), token, niks, !env.DATABASE_URL);

function printLoad(label: string, r: LoadResult & { runs?: LoadResult[]; cpuPerCheck?: CpuPerCheck | null }) {
  log(
    `  ${label}: ${Math.round(r.reqPerSec).toLocaleString('id-ID')} cek/detik, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms` +
      ` (${r.requests} permintaan dalam ${r.seconds.toFixed(1)} s, ${CONNECTIONS} koneksi, ${r.tool}, galat ${r.errors}, non-2xx ${r.non2xx})`,
  );
  const cpu = r.cpuPerCheck;
  if (cpu)
    log(
      `    CPU per permintaan: ${cpu.postgresUs === null ? `server dengan basis data tertanam ${cpu.serverUs} µs` : `server ${cpu.serverUs} µs, PostgreSQL ${cpu.postgresUs} µs`}`,
    );
  if (r.runs && r.runs.length > 1) {
    log(
      `    median dari ${r.runs.length} putaran; semua putaran: ${r.runs.map((x) => `${Math.round(x.reqPerSec).toLocaleString('id-ID')}/s p99 ${x.p99Ms.toFixed(1)} ms`).join('; ')}`,
    );
  }
}

/**
 * MEM-7 at the region's size: the first snapshot as the baseline, then a
 * second with about 2 % changes. Measured: the change set's computation (from
 * staged rows to a committed change set), the import end to end, approving
 * every item, and a bare SQL diff of the same two files in plain tables.
 */
async function reconciliationCase(dir: string) {
  const first = path.join(dir, 'population.csv');
  const second = path.join(dir, 'population-2.csv');
  const derived = await deriveSecondSnapshot(first, second);
  log(
    `\nRekonsiliasi (PostgreSQL): snapshot kedua ${derived.rows.toLocaleString('id-ID')} baris, ${derived.changed.toLocaleString('id-ID')} perubahan sengaja` +
      ` (${Object.entries(derived.changes)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')})`,
  );
  const dbName = 'jk_bench_rec';
  const url = await createDatabase(ADMIN_URL, dbName);
  const dataDir = path.join(WORK, 'pg-data-rec');
  fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    const sys = await createSystem(loadConfig({ DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
    let measured;
    try {
      measured = await runWithContext(systemContext('bench'), async () => {
        const baseline = await timeImportInto(sys, 'population', first);
        // A month passes between two deliveries, and autovacuum visits the freshly loaded
        // table in it; without this the next full scan also pays for setting every row's hint bits.
        await sys.db.exec('VACUUM ANALYZE person');
        const next = await timeImportInto(sys, 'population', second, SECOND_AS_OF);
        const computeMs = next.phases.find((p) => p.phase === 'Menyusun daftar perubahan')?.ms ?? NaN;
        const r = next.result as Record<string, unknown>;
        const t0 = performance.now();
        const approved = await sys.reconciliation.approve(Number(r.changeSetId), {});
        const approveMs = performance.now() - t0;
        return {
          baselineMs: baseline.ms,
          importMs: next.ms,
          phases: next.phases,
          computeMs,
          items: r.changeItems,
          totals: r.changeTotals,
          approveMs,
          approved,
        };
      });
    } finally {
      await sys.close();
    }
    const bare = await bareDiff(url, first, second);
    const fastest = Math.min(bare.exceptMs, bare.fullJoinMs);
    const ratio = measured.computeMs / fastest;
    log(`  impor pertama (baseline, langsung diterapkan): ${secs(measured.baselineMs)}`);
    log(`  impor snapshot kedua ujung ke ujung: ${secs(measured.importMs)}`);
    log(`    fase: ${measured.phases.map((p) => `${p.phase} ${secs(p.ms)}`).join('; ')}`);
    log(
      `  menyusun daftar perubahan (dari baris di stage sampai daftar siap): ${secs(measured.computeMs)} → ${measured.items} butir ${JSON.stringify(measured.totals)}`,
    );
    log(
      `  diff SQL polos (dua tabel polos dari COPY ${secs(bare.copyMs)}): EXCEPT dua arah ${secs(bare.exceptMs)} (${bare.exceptRows} baris), full join ${secs(bare.fullJoinMs)} (${bare.fullJoinRows} baris)`,
    );
    log(`  rasio daftar perubahan / diff polos tercepat: ${ratio.toFixed(2)} ×`);
    log(`  menyetujui semua butir (terapkan, riwayat, audit): ${secs(measured.approveMs)}`);
    return { derived, ...measured, bare, ratio };
  } finally {
    await dropDatabase(ADMIN_URL, dbName);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  fs.mkdirSync(WORK, { recursive: true });
  if (process.env.BENCH_ONLY === 'reconciliation') {
    const { dir } = await region();
    const out = path.join('bench', 'results', 'latest.json');
    const previous = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
    const reconciliation = { date: new Date().toISOString(), people: PEOPLE, ...(await reconciliationCase(dir)) };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify({ ...previous, reconciliation }, null, 2)}\n`);
    log(`\nHasil: ${out} (bagian "reconciliation")`);
    return;
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  log(`Mesin: ${os.cpus().length} inti (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  const { dir, summary } = await region();
  const popBytes = fs.statSync(path.join(dir, 'population.csv')).size;
  log(
    `Berkas: population.csv ${(popBytes / 2 ** 20).toFixed(0)} MiB, ${summary.people} baris; jkn.csv ${summary.jkn.rows} baris`,
  );
  const niks = await sampleNiks(path.join(dir, 'population.csv'), 20_000);
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    people: PEOPLE,
    machine: { cores: os.cpus().length, cpu, memGiB: os.totalmem() / 2 ** 30, node: process.version },
  };

  const ceiling = await httpCeiling({ connections: CONNECTIONS, seconds: SECONDS, workDir: WORK });
  printLoad('batas mesin: server HTTP Node kosong (jawaban tetap, tanpa basis data)', ceiling);
  results.httpCeiling = ceiling;

  // PostgreSQL
  const dbName = 'jk_bench';
  const url = await createDatabase(ADMIN_URL, dbName);
  const pgVersion = await serverVersion(url);
  log(`\nPostgreSQL (${pgVersion})`);
  const baseline = await bareCopyBaseline(url, path.join(dir, 'population.csv'));
  log(
    `  COPY polos ke tabel tanpa indeks: ${secs(baseline.copyMs)} + membangun primary key: ${secs(baseline.primaryKeyMs)} = ${secs(baseline.totalMs)}`,
  );
  const floor = await importFloor(url, path.join(dir, 'population.csv'));
  log(
    `  lantai impor (tanpa aturan baris): COPY ${secs(floor.copyMs)} + tiga indeks ${secs(floor.indexesMs)} + cek kepala keluarga ${secs(floor.familyCheckMs)} = ${secs(floor.totalMs)}` +
      ` = ${(floor.totalMs / baseline.totalMs).toFixed(2)} × baseline; sisa anggaran 2 × untuk membaca dan memeriksa: ${secs(2 * baseline.totalMs - floor.totalMs)}` +
      ` (${(((2 * baseline.totalMs - floor.totalMs) * 1000) / summary.people).toFixed(1)} µs per baris)`,
  );
  const dataDir = path.join(WORK, 'pg-data');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const pgConfig = loadConfig({ DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const imp = await importBoth(pgConfig, dir);
  const ratio = imp.population.ms / baseline.totalMs;
  log(
    `  impor penduduk ujung ke ujung: ${secs(imp.population.ms)} → rasio ${ratio.toFixed(2)} × baseline (target ≤ 2)`,
  );
  log(`    fase: ${imp.population.phases.map((p) => `${p.phase} ${secs(p.ms)}`).join('; ')}`);
  log(`  impor ulang berkas yang sama (tanpa perubahan): ${secs(imp.reimport.ms)}`);
  log(`  impor JKN (${summary.jkn.rows} baris): ${secs(imp.jkn.ms)}`);
  const pgLoad = await loadTest({ DATABASE_URL: url, DATA_DIR: dataDir }, imp.token, niks);
  printLoad('cek kepesertaan HTTP (audit aktif)', pgLoad);
  const audited = await countAudit(url);
  log(`  baris audit eligibility.check tercatat: ${audited.toLocaleString('id-ID')}`);
  const dbEnv = { DATABASE_URL: url, DATA_DIR: dataDir };
  const floorAudited = await loadSeries(() => startFloorServer(dbEnv, true), imp.token, niks);
  printLoad(
    'lantai: node:http polos + layanan cek yang sama (audit aktif, tanpa kerangka, autentikasi, pembatas laju)',
    floorAudited,
  );
  const floorBare = await loadSeries(() => startFloorServer(dbEnv, false), imp.token, niks);
  printLoad('lantai tanpa audit: node:http polos + pencarian yang sama saja', floorBare);
  results.postgres = {
    version: pgVersion,
    baseline,
    importFloor: floor,
    eligibilityFloor: { audited: floorAudited, withoutAudit: floorBare },
    importMs: imp.population.ms,
    importPhases: imp.population.phases,
    ratio,
    reimportMs: imp.reimport.ms,
    jknImportMs: imp.jkn.ms,
    importResult: imp.population.result,
    eligibility: pgLoad,
    auditRows: audited,
  };
  await dropDatabase(ADMIN_URL, dbName);

  if (!process.env.BENCH_SKIP_PGLITE) {
    log('\nBasis data tertanam (PGlite)');
    const liteDir = path.join(WORK, 'pglite-data');
    fs.rmSync(liteDir, { recursive: true, force: true });
    const lite = await importBoth(loadConfig({ DATA_DIR: liteDir, LOG_LEVEL: 'warn' }), dir);
    log(
      `  impor penduduk: ${secs(lite.population.ms)}; impor ulang: ${secs(lite.reimport.ms)}; impor JKN: ${secs(lite.jkn.ms)}`,
    );
    const liteLoad = await loadTest({ DATA_DIR: liteDir, DATABASE_URL: '' }, lite.token, niks);
    printLoad('cek kepesertaan HTTP (audit aktif)', liteLoad);
    results.pglite = {
      importMs: lite.population.ms,
      reimportMs: lite.reimport.ms,
      jknImportMs: lite.jkn.ms,
      importResult: lite.population.result,
      eligibility: liteLoad,
    };
    fs.rmSync(liteDir, { recursive: true, force: true });
  }

  results.reconciliation = await reconciliationCase(dir);

  const out = path.join('bench', 'results', 'latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nHasil lengkap: ${out}`);
}

async function serverVersion(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const v = (await c.query('SHOW server_version')).rows[0].server_version as string;
  await c.end();
  return `PostgreSQL ${v}`;
}

async function countAudit(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const n = Number((await c.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'eligibility.check'`)).rows[0].n);
  await c.end();
  return n;
}

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
