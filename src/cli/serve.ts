import cluster from 'node:cluster';
import os from 'node:os';
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
    .action(async (_o, cmd: Command) => {
      const config = cliConfig(globalOpts(cmd));
      // One process per core on PostgreSQL; the embedded database can be opened by one process only.
      const workers = config.databaseUrl ? (config.webConcurrency ?? os.availableParallelism()) : 1;
      if (workers > 1 && cluster.isPrimary) return supervise(config, workers);
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

/** Migrates once, then keeps `workers` server processes running on the same port. */
async function supervise(config: Config, workers: number) {
  const db = await openDb(config);
  await migrate(db);
  await db.close();
  let stopping = false;
  let ready = 0;
  const fork = () => {
    const w = cluster.fork();
    w.on('message', (m: { ready?: string }) => {
      if (m.ready && ++ready === workers) announce(m.ready, 'pg', workers);
    });
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (w, code) => {
    if (stopping) return;
    process.stderr.write(`Proses server ${w.process.pid} berhenti (kode ${code}); menjalankan pengganti.\n`);
    fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function announce(address: string, kind: 'pg' | 'pglite', workers: number) {
  const db = kind === 'pg' ? 'PostgreSQL' : 'tertanam';
  process.stdout.write(`Jamkesda berjalan di ${address} (basis data: ${db}${workers > 1 ? `, ${workers} proses` : ''})\n`);
}
