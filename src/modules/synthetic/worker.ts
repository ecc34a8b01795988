import { parentPort } from 'node:worker_threads';
import { generateDistrict, type DistrictTask } from './district.js';

/**
 * Worker-thread entry: generates the districts it is sent, one at a time.
 * Messages out: { progress }, { result }, or { error } (then the pool stops).
 * A `{ stop: true }` message closes the port, so the thread ends on its own: Node 20 can abort the
 * whole process when a thread is terminated while it is still shutting its platform down.
 */

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

port.on('message', (message: DistrictTask | { stop: true }) => {
  if ('stop' in message) {
    port.close();
    return;
  }
  const task = message;
  generateDistrict(task, (people) => port.postMessage({ progress: people })).then(
    (result) => port.postMessage({ result }),
    (err: unknown) => port.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
