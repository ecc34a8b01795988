import { parentPort } from 'node:worker_threads';
import { generateDistrict, type DistrictTask } from './district.js';

/**
 * Worker-thread entry: generates the districts it is sent, one at a time.
 * Messages out: { progress }, { result }, or { error } (then the pool stops).
 */

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

port.on('message', (task: DistrictTask) => {
  generateDistrict(task, (people) => port.postMessage({ progress: people })).then(
    (result) => port.postMessage({ result }),
    (err: unknown) => port.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
