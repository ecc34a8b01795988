import cluster from 'node:cluster';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { openDb } from '../platform/db/index.js';
import { migrate } from '../platform/db/migrate.js';
import type { Config } from '../platform/config.js';
import { createServer, createSystem } from '../system.js';
import { cliConfig, globalOpts } from './shared.js';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('menjalankan server (API + antarmuka web); PORT, HOST, WEB_CONCURRENCY')
    .option('--show-demo-logins', 'setelah server menjawab, tampilkan akun demo yang disimpan oleh `jamkesda demo`')
    .action(async (o: { showDemoLogins?: boolean }, cmd: Command) => {
      const config = cliConfig(globalOpts(cmd));
      if (o.showDemoLogins) showDemoLogins = path.join(config.dataDir, 'demo-logins.txt');
      // One process per core on PostgreSQL; the embedded database can be opened by one process only.
      const workers = config.databaseUrl ? (config.webConcurrency ?? os.availableParallelism()) : 1;
      // Always supervised (issue 10): a server process that dies is replaced, on the embedded database too.
      if (cluster.isPrimary && !process.env.JAMKESDA_UNSUPERVISED) return supervise(config, workers);
      return runServer(config, cluster.isWorker);
    });
}

async function runServer(config: Config, quiet: boolean) {
  const sys = await createSystem(config);
  const app = await createServer(sys);
  const stop = async () => {
    await app.close();
    await sys.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ address, database: sys.db.kind, pid: process.pid }, 'Jamkesda siap');
  if (!quiet) announce(address, sys.db.kind, 1);
  else process.send?.({ ready: address });
}

/**
 * Migrates once, then keeps `workers` server processes running on the same
 * port, replacing any that dies (a crash, an out-of-memory kill). The primary
 * holds no database connection while they run: the embedded database can be
 * open in one process only. Each new process fails, as it starts, the jobs
 * and imports a dead one left running (jobs.recoverInterrupted). A process
 * that keeps dying right after start is restarted with a growing pause, so a
 * broken setup does not spin.
 */
async function supervise(config: Config, workers: number) {
  const db = await openDb(config);
  await migrate(db);
  await db.close();
  let stopping = false;
  let ready = 0;
  let quickDeaths = 0;
  const startedAt = new Map<number, number>();
  const fork = () => {
    if (stopping) return;
    const w = cluster.fork();
    startedAt.set(w.id, Date.now());
    w.on('message', (m: { ready?: string }) => {
      if (m.ready && ++ready === workers) announce(m.ready, config.databaseUrl ? 'pg' : 'pglite', workers);
    });
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (startedAt.get(w.id) ?? 0);
    startedAt.delete(w.id);
    quickDeaths = lived < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
    const pause = quickDeaths === 0 ? 0 : Math.min(MAX_PAUSE_MS, 500 * 2 ** (quickDeaths - 1));
    process.stderr.write(
      `Proses server ${w.process.pid} berhenti (${signal ? `sinyal ${signal}` : `kode ${code}`}); menjalankan pengganti${pause ? ` dalam ${Math.round(pause / 1000)} detik` : ''}.\n`,
    );
    setTimeout(fork, pause);
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A process that dies sooner than this after its start counts towards the restart pause. */
const QUICK_DEATH_MS = 10_000;
const MAX_PAUSE_MS = 30_000;

/** Set by --show-demo-logins: the logins `jamkesda demo` saved, printed once the server answers. */
let showDemoLogins: string | null = null;

function announce(address: string, kind: 'pg' | 'pglite', workers: number) {
  const db = kind === 'pg' ? 'PostgreSQL' : 'tertanam';
  process.stdout.write(
    `Jamkesda berjalan di ${address} (basis data: ${db}${workers > 1 ? `, ${workers} proses` : ''})\n`,
  );
  if (!showDemoLogins) return;
  const file = showDemoLogins;
  showDemoLogins = null;
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const logins = text.slice(text.indexOf('Akun demo'));
  if (!text || !logins.startsWith('Akun demo')) return;
  process.stdout.write(
    `\nBuka ${address} di peramban dan masuk dengan salah satu akun berikut.\n${logins}(Tersimpan juga di ${file}.)\n`,
  );
}
