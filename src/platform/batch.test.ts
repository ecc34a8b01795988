import { describe, expect, it } from 'vitest';
import { Batcher } from './batch.js';

/** A batcher whose calls are recorded and whose completion the test controls. */
function controlled(opts: { maxBatch?: number; maxInFlight?: number } = {}) {
  const calls: { items: number[]; finish: (err?: Error) => void }[] = [];
  const b = new Batcher<number, string>({
    run: (items) =>
      new Promise((resolve, reject) => {
        calls.push({ items, finish: (err) => (err ? reject(err) : resolve(items.map((i) => `r${i}`))) });
      }),
    maxBatch: opts.maxBatch ?? 100,
    maxInFlight: opts.maxInFlight ?? 1,
  });
  return { b, calls };
}

const tick = () => new Promise((r) => setImmediate(r));
/** A few turns of the event loop: enough for a finished call to start the next batch. */
const turns = async () => {
  for (let i = 0; i < 5; i++) await tick();
};

describe('Batcher', () => {
  it('sends the items of one turn of the event loop in one call, and each caller gets its own result', async () => {
    const { b, calls } = controlled();
    const p = [b.submit(1), b.submit(2), b.submit(3)];
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1, 2, 3]]);
    calls[0]!.finish();
    expect(await Promise.all(p)).toEqual(['r1', 'r2', 'r3']);
  });

  it('collects what arrives while a call runs and sends it together afterwards', async () => {
    const { b, calls } = controlled({ maxInFlight: 1 });
    const first = b.submit(1);
    await tick();
    const later = [b.submit(2), b.submit(3)];
    await tick();
    // Only one call at a time: 2 and 3 wait for the first to finish.
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    await first;
    await turns();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3]]);
    calls[1]!.finish();
    expect(await Promise.all(later)).toEqual(['r2', 'r3']);
  });

  it('never sends more than maxBatch items in one call, and runs up to maxInFlight calls at once', async () => {
    const { b, calls } = controlled({ maxBatch: 2, maxInFlight: 2 });
    const p = b.submitAll([1, 2, 3, 4, 5]);
    await tick();
    expect(calls.map((c) => c.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    calls[0]!.finish();
    await turns();
    expect(calls.map((c) => c.items)).toEqual([[1, 2], [3, 4], [5]]);
    calls[1]!.finish();
    calls[2]!.finish();
    expect(await p).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('rejects only the callers whose call failed', async () => {
    const { b, calls } = controlled({ maxBatch: 1, maxInFlight: 2 });
    const ok = b.submit(1);
    const bad = b.submit(2);
    await tick();
    calls[1]!.finish(new Error('disk full'));
    calls[0]!.finish();
    await expect(bad).rejects.toThrow('disk full');
    await expect(ok).resolves.toBe('r1');
  });

  it('rejects the whole batch when the handler returns the wrong number of results', async () => {
    const b = new Batcher<number, number>({ run: async () => [1], maxBatch: 10, maxInFlight: 1 });
    const p = [b.submit(1), b.submit(2)];
    await expect(Promise.all(p)).rejects.toThrow('1 results for a batch of 2');
  });

  it('a handler that throws at once rejects its callers instead of escaping', async () => {
    const b = new Batcher<number, number>({
      run: () => {
        throw new Error('boom');
      },
      maxBatch: 10,
      maxInFlight: 1,
    });
    await expect(b.submit(1)).rejects.toThrow('boom');
  });

  it('flush waits for everything submitted, failures included, and is immediate when idle', async () => {
    const { b, calls } = controlled({ maxBatch: 1, maxInFlight: 1 });
    await b.flush();
    const p1 = b.submit(1);
    const p2 = b.submit(2).catch(() => 'failed');
    let flushed = false;
    const f = b.flush().then(() => (flushed = true));
    await tick();
    calls[0]!.finish();
    await p1;
    await turns();
    expect(flushed).toBe(false);
    calls[1]!.finish(new Error('x'));
    await f;
    expect(await p2).toBe('failed');
    expect(flushed).toBe(true);
  });

  it('submitting nothing resolves at once and does not leave flush waiting', async () => {
    const { b, calls } = controlled();
    expect(await b.submitAll([])).toEqual([]);
    await b.flush();
    expect(calls).toHaveLength(0);
  });
});
