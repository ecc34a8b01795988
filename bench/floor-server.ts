/**
 * The eligibility floor: what this machine allows for an eligibility check
 * with no web framework at all — bare `node:http`, no authentication, no rate
 * limiter, no routing — but the product's own lookup (one batched statement
 * per turn of the event loop) and, with FLOOR_AUDIT=on, the product's own
 * eligibility service with its audit rows written by that statement. One
 * process per core, as `jamkesda serve` runs. Started by bench/floor.ts; not
 * a server anyone should run.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt } from '../scripts/build.mjs';

const workers = os.availableParallelism();

if (cluster.isPrimary && workers > 1) {
  let ready = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on('message', () => {
      if (++ready === workers) process.stdout.write('floor ready\n');
    });
  }
  process.once('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 200);
  });
} else {
  const dist = path.resolve(path.dirname(await ensureBuilt()), '..');
  const load = (p: string) => import(path.join(dist, p));
  const { openDb } = (await load('platform/db/index.js')) as typeof import('../src/platform/db/index.js');
  const { runWithContext } = (await load(
    'platform/http/context.js',
  )) as typeof import('../src/platform/http/context.js');
  const { createSettingsService } = (await load(
    'modules/membership/settings.js',
  )) as typeof import('../src/modules/membership/settings.js');
  const { createEligibilityService, createDecider } = (await load(
    'modules/membership/eligibility.js',
  )) as typeof import('../src/modules/membership/eligibility.js');
  const { loadFacts } = (await load(
    'modules/membership/repo.js',
  )) as typeof import('../src/modules/membership/repo.js');
  type Facts = Awaited<ReturnType<typeof loadFacts>>[number];

  const db = await openDb({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR ?? '',
    pgPoolSize: 16,
  });
  const settings = createSettingsService(db);
  const audited = process.env.FLOOR_AUDIT === 'on';
  const service = createEligibilityService(db, settings);
  const decide = createDecider(db, settings);
  const actor = {
    id: 0,
    username: 'bench-floor',
    role: 'rumahsakit' as const,
    facilityCode: null,
    via: 'token' as const,
  };

  // Without audit: the same statement without its audit part, batched the same way (per turn, six in flight).
  let queue: { nik: string; date: string; resolve: (f: Facts) => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;
  let scheduled = false;
  const pump = () => {
    if (scheduled || inFlight >= 6 || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      while (queue.length > 0 && inFlight < 6) {
        const batch = queue.splice(0, 2000);
        inFlight++;
        loadFacts(
          db,
          batch.map((b) => b.nik),
          batch.map((b) => b.date),
        )
          .then(
            (facts) => batch.forEach((b, i) => b.resolve(facts[i]!)),
            (err) => batch.forEach((b) => b.reject(err)),
          )
          .finally(() => {
            inFlight--;
            pump();
          });
      }
    });
  };
  const unaudited = async (nik: string, date: string) => {
    const facts = await new Promise<Facts>((resolve, reject) => {
      queue.push({ nik, date, resolve, reject });
      pump();
    });
    const { decision } = await decide(nik, date, facts);
    return { nik, date, ...decision, person: facts.person, jkn: facts.jkn };
  };

  const server = http.createServer((req, res) => {
    const q = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    const nik = q.get('nik') ?? '';
    const date = q.get('date') ?? '';
    const answer = audited
      ? runWithContext({ requestId: 'floor', ip: req.socket.remoteAddress ?? '', actor }, () =>
          service.check(nik, date),
        )
      : unaudited(nik, date);
    answer.then(
      (a) => {
        const body = JSON.stringify(a);
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      },
      (err: Error) => {
        res.writeHead(500);
        res.end(err.message);
      },
    );
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () => {
    if (process.send) process.send('ready');
    else process.stdout.write('floor ready\n');
  });
  process.once('SIGTERM', () => server.close(() => void db.close().then(() => process.exit(0))));
}
