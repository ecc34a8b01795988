/**
 * `npm run bench` — the performance figures of docs/benchmarks.md, measured in one run:
 * population import vs a bare COPY + primary key, eligibility over HTTP on
 * PostgreSQL and on the embedded database. Settings through environment:
 * BENCH_PEOPLE (2600000), BENCH_DATABASE_URL (local PostgreSQL), BENCH_SECONDS (20),
 * BENCH_CONNECTIONS (50), BENCH_SKIP_PGLITE=1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { compiled } from './compiled.js';
import { httpCeiling } from './ceiling.js';
import { eligibilityLoad, type LoadResult } from './load.js';
import { bareCopyBaseline, createDatabase, dropDatabase } from './pg-util.js';
import { sampleNiks } from './sample.js';
import { startServer } from './server.js';

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

async function importBoth(config: ReturnType<typeof loadConfig>, dir: string) {
  const sys = await createSystem(config);
  try {
    return await runWithContext(systemContext('bench'), async () => {
      const timeImport = async (kind: 'population' | 'jkn', file: string) => {
        const t0 = performance.now();
        const phases: { phase: string; ms: number }[] = [];
        let current = { phase: '', at: t0 };
        const listener = (p: { phase: string }) => {
          if (p.phase === current.phase) return;
          const now = performance.now();
          if (current.phase) phases.push({ phase: current.phase, ms: now - current.at });
          current = { phase: p.phase, at: now };
        };
        const { done } = await sys.imports.start({ kind, filePath: path.join(dir, file), fileName: file, asOf: '2026-11-01', ownsFile: false, listener });
        const result = await done;
        const ms = performance.now() - t0;
        phases.push({ phase: current.phase, ms: t0 + ms - current.at });
        return { ms, result, phases };
      };
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
  await db.query(`INSERT INTO facility (code, name, level) VALUES ('RS-BENCH-01', 'RS Bench', 'PPK2') ON CONFLICT DO NOTHING`);
  return 'RS-BENCH-01';
}

async function loadTest(env: Record<string, string>, token: string, niks: string[]): Promise<LoadResult> {
  const server = await startServer({ ...env, ELIGIBILITY_RATE_PER_MINUTE: '1000000000' });
  try {
    await eligibilityLoad({ url: server.url, token, niks, date: DATE, connections: CONNECTIONS, seconds: 5, workDir: WORK }); // warm-up
    return await eligibilityLoad({ url: server.url, token, niks, date: DATE, connections: CONNECTIONS, seconds: SECONDS, workDir: WORK });
  } finally {
    await server.stop();
  }
}

function printLoad(label: string, r: LoadResult) {
  log(`  ${label}: ${Math.round(r.reqPerSec).toLocaleString('id-ID')} cek/detik, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms` +
    ` (${r.requests} permintaan dalam ${r.seconds.toFixed(1)} s, ${CONNECTIONS} koneksi, ${r.tool}, galat ${r.errors}, non-2xx ${r.non2xx})`);
}

async function main() {
  fs.mkdirSync(WORK, { recursive: true });
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  log(`Mesin: ${os.cpus().length} inti (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  const { dir, summary } = await region();
  const popBytes = fs.statSync(path.join(dir, 'population.csv')).size;
  log(`Berkas: population.csv ${(popBytes / 2 ** 20).toFixed(0)} MiB, ${summary.people} baris; jkn.csv ${summary.jkn.rows} baris`);
  const niks = await sampleNiks(path.join(dir, 'population.csv'), 20_000);
  const results: Record<string, unknown> = { date: new Date().toISOString(), people: PEOPLE, machine: { cores: os.cpus().length, cpu, memGiB: os.totalmem() / 2 ** 30, node: process.version } };

  const ceiling = await httpCeiling({ connections: CONNECTIONS, seconds: SECONDS, workDir: WORK });
  printLoad('batas mesin: server HTTP Node kosong (jawaban tetap, tanpa basis data)', ceiling);
  results.httpCeiling = ceiling;

  // PostgreSQL
  const dbName = 'jk_bench';
  const url = await createDatabase(ADMIN_URL, dbName);
  const pgVersion = await serverVersion(url);
  log(`\nPostgreSQL (${pgVersion})`);
  const baseline = await bareCopyBaseline(url, path.join(dir, 'population.csv'));
  log(`  COPY polos ke tabel tanpa indeks: ${secs(baseline.copyMs)} + membangun primary key: ${secs(baseline.primaryKeyMs)} = ${secs(baseline.totalMs)}`);
  const dataDir = path.join(WORK, 'pg-data');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const pgConfig = loadConfig({ DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const imp = await importBoth(pgConfig, dir);
  const ratio = imp.population.ms / baseline.totalMs;
  log(`  impor penduduk ujung ke ujung: ${secs(imp.population.ms)} → rasio ${ratio.toFixed(2)} × baseline (target ≤ 2)`);
  log(`    fase: ${imp.population.phases.map((p) => `${p.phase} ${secs(p.ms)}`).join('; ')}`);
  log(`  impor ulang berkas yang sama (tanpa perubahan): ${secs(imp.reimport.ms)}`);
  log(`  impor JKN (${summary.jkn.rows} baris): ${secs(imp.jkn.ms)}`);
  const pgLoad = await loadTest({ DATABASE_URL: url, DATA_DIR: dataDir }, imp.token, niks);
  printLoad('cek kepesertaan HTTP (audit aktif)', pgLoad);
  const audited = await countAudit(url);
  log(`  baris audit eligibility.check tercatat: ${audited.toLocaleString('id-ID')}`);
  results.postgres = { version: pgVersion, baseline, importMs: imp.population.ms, importPhases: imp.population.phases, ratio, reimportMs: imp.reimport.ms, jknImportMs: imp.jkn.ms, importResult: imp.population.result, eligibility: pgLoad, auditRows: audited };
  await dropDatabase(ADMIN_URL, dbName);

  if (!process.env.BENCH_SKIP_PGLITE) {
    log('\nBasis data tertanam (PGlite)');
    const liteDir = path.join(WORK, 'pglite-data');
    fs.rmSync(liteDir, { recursive: true, force: true });
    const lite = await importBoth(loadConfig({ DATA_DIR: liteDir, LOG_LEVEL: 'warn' }), dir);
    log(`  impor penduduk: ${secs(lite.population.ms)}; impor ulang: ${secs(lite.reimport.ms)}; impor JKN: ${secs(lite.jkn.ms)}`);
    const liteLoad = await loadTest({ DATA_DIR: liteDir, DATABASE_URL: '' }, lite.token, niks);
    printLoad('cek kepesertaan HTTP (audit aktif)', liteLoad);
    results.pglite = { importMs: lite.population.ms, reimportMs: lite.reimport.ms, jknImportMs: lite.jkn.ms, importResult: lite.population.result, eligibility: liteLoad };
    fs.rmSync(liteDir, { recursive: true, force: true });
  }

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
