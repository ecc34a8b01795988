import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generateDistrict, type DistrictResult, type DistrictTask } from './district.js';

/**
 * Runs district tasks in worker threads (or in this thread when `workers` is
 * 0) and reports each result as it finishes. Which thread runs a district
 * never changes its output.
 */

export interface PoolEvents {
  onProgress: (people: number) => void;
  onResult: (result: DistrictResult) => void;
}

/**
 * A worker running the TypeScript sources: when this file is .ts we are under
 * tsx, so the worker registers tsx's require hook before loading worker.ts.
 */
function startWorker(): Worker {
  const entry = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const boot = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(fileURLToPath(entry))});`;
  return new Worker(boot, { eval: true });
}

export async function runDistricts(tasks: readonly DistrictTask[], workers: number, events: PoolEvents): Promise<void> {
  if (workers <= 0) {
    for (const task of tasks) events.onResult(await generateDistrict(task, events.onProgress));
    return;
  }
  const queue = [...tasks];
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const feed = (w: Worker) => {
        const task = queue.shift();
        if (!task) {
          if (running === 0) resolve();
          return;
        }
        running++;
        w.postMessage(task);
      };
      for (let i = 0; i < Math.min(workers, tasks.length); i++) {
        const w = startWorker();
        pool.push(w);
        w.on('message', (m: { progress?: number; result?: DistrictResult; error?: string }) => {
          if (m.progress !== undefined) events.onProgress(m.progress);
          else if (m.error !== undefined) reject(new Error(`district worker failed: ${m.error}`));
          else if (m.result) {
            running--;
            try {
              events.onResult(m.result);
            } catch (err) {
              reject(err);
              return;
            }
            feed(w);
            if (queue.length === 0 && running === 0) resolve();
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) reject(new Error(`district worker exited with code ${code}`));
        });
        feed(w);
      }
    });
    // Finished: each thread is asked to stop and ends by itself (no terminate() on the normal path).
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.postMessage({ stop: true });
          }),
      ),
    );
  } catch (err) {
    // A failure: the other threads may be mid-district, so they are stopped at once.
    await Promise.all(pool.map((w) => w.terminate()));
    throw err;
  }
}
