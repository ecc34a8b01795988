/**
 * The real command (`bin/jamkesda.js`) in a child process on the embedded
 * database, for the tests that need a process of its own (supervisor, first
 * run): a temporary data dir, a random port and the environment to run it with.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/jamkesda.js');

/** A fresh data dir named `prefix…` and a port from `firstPort` up (files running at once pick apart ranges). */
export function cliServerEnv(prefix: string, firstPort: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const port = firstPort + Math.floor(Math.random() * 2000);
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    DATABASE_URL: '',
    JAMKESDA_NO_RESPAWN: '1',
  };
  return { dataDir, port, env };
}

/** Stops the child if it still runs (SIGTERM, waiting for its exit) and removes the data dir. */
export async function stopCliServer(child: ChildProcess | null, dataDir: string) {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
