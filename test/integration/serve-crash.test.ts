import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../helpers/system.js';
import { BIN, cliServerEnv, stopCliServer } from '../helpers/cli.js';

/**
 * Issue 10: kill -9 of the server process in the middle of an import. The
 * real command (`jamkesda serve`, embedded database) in a child process: the
 * supervisor must bring the server back, and the restarted server must fail
 * the cut-off job and import at once (the restart comes well within the
 * heartbeat minute) and remove the upload.
 */
const { dataDir, port, env } = cliServerEnv('jk-crash-', 32000);
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;
let stderr = '';
let token = '';

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
}

async function get(url: string) {
  // The embedded database runs in the server's own thread: while it copies rows an answer can take
  // seconds on a loaded machine (the whole suite runs beside this test), so allow it.
  const r = await fetch(`${base}${url}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(15_000),
  });
  return { status: r.status, body: (await r.json()) as Record<string, any> };
}

async function until<T>(what: string, fn: () => Promise<T | null>, ms = 150_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; server stderr:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The server process the supervisor forked (its only child). */
function workerPid(primary: number): number {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(primary)], { encoding: 'utf8' }).trim();
  const pids = out
    .split(/\s+/)
    .map(Number)
    .filter((n) => n > 0);
  expect(pids).toHaveLength(1);
  return pids[0]!;
}

beforeAll(async () => {
  if (ENGINE !== 'pglite') return;
  cli('user', 'create', '--username', 'imp', '--role', 'kepesertaan');
  token = /\b(jk_[A-Za-z0-9_-]+)\b/.exec(cli('token', 'create', '--username', 'imp', '--label', 'uji'))?.[1] ?? '';
  expect(token).not.toBe('');
  // Large enough that the import is still running when it is polled, however fast or loaded the machine
  // (60,000 people finished between two polls on a quiet machine, and before the first answer on a loaded one).
  cli('generate', '--people', '400000', '--out', path.join(dataDir, 'gen'));
  server = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stderr!.on('data', (c) => (stderr += c));
  await until('the server', async () => ((await fetch(`${base}/healthz`)).ok ? true : null));
}, 180_000);

afterAll(() => stopCliServer(server, dataDir));

describe.skipIf(ENGINE !== 'pglite')('kill -9 during an import (issue 10)', () => {
  it('restarts the server, fails the job and the import at once, and removes the upload', async () => {
    const form = new FormData();
    form.append('asOf', '2026-11-01');
    form.append('file', new Blob([fs.readFileSync(path.join(dataDir, 'gen', 'population.csv'))]), 'penduduk.csv');
    const up = await fetch(`${base}/api/v1/imports/population`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(up.status).toBe(202);
    const { jobId } = (await up.json()) as { jobId: number };
    // Mid-import: the job runs, its import row exists and the upload is on disk.
    const importRow = async () =>
      ((await get('/api/v1/imports?kind=population')).body.items as { jobId: number; status: string }[]).find(
        (i) => i.jobId === jobId,
      );
    let seen = '';
    await until('the import to run', async () => {
      const row = await importRow();
      const job = (await get(`/api/v1/jobs/${jobId}`)).body;
      seen = `import ${row?.status} job ${job.status} ${job.error ?? ''}`;
      // Both seen running in one poll, and the kill follows at once: a second request here would leave a
      // window in which a fast machine finishes the import first.
      return row?.status === 'running' && job.status === 'running' ? true : null;
    }).catch((e) => {
      throw new Error(`${(e as Error).message}\nlast seen: ${seen}`);
    });
    expect(fs.readdirSync(path.join(dataDir, 'uploads'))).toHaveLength(1);

    const before = workerPid(server!.pid!);
    process.kill(before, 'SIGKILL');

    await until('a new server process', async () => {
      const pid = workerPid(server!.pid!);
      return pid !== before && (await fetch(`${base}/healthz`)).ok ? true : null;
    });
    expect(stderr).toMatch(new RegExp(`Proses server ${before} berhenti \\(sinyal SIGKILL\\); menjalankan pengganti`));
    const job = (await get(`/api/v1/jobs/${jobId}`)).body;
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/Terhenti karena server dimulai ulang/);
    expect((await importRow())?.status).toBe('failed');
    expect(fs.readdirSync(path.join(dataDir, 'uploads'))).toEqual([]);
  }, 400_000);
});
