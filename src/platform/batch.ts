/**
 * Group commit: items submitted while earlier batches are being written wait
 * together and go out in one call (one INSERT, one query) instead of one round
 * trip each. Used by the audit writer and the eligibility check (decisions
 * 0004 and 0007).
 *
 * - A batch starts on the next turn of the event loop, so every item submitted
 *   in the same turn joins it.
 * - At most `maxBatch` items per call and `maxInFlight` calls at once: one slow
 *   commit does not hold back every caller behind it, and a burst does not open
 *   a connection per item.
 * - Each caller's promise settles with its own item's result, or with the
 *   error of the call its item was part of.
 */
export interface BatcherOptions<I, R> {
  /** Handles one batch; returns exactly one result per item, in the items' order. */
  run: (items: I[]) => Promise<R[]>;
  maxBatch: number;
  maxInFlight: number;
}

interface Waiting<I, R> {
  item: I;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export class Batcher<I, R> {
  private pending: Waiting<I, R>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: (() => void) | null = null;

  constructor(private readonly opts: BatcherOptions<I, R>) {
    if (!(opts.maxBatch >= 1) || !(opts.maxInFlight >= 1))
      throw new Error('Batcher: maxBatch and maxInFlight must be at least 1');
  }

  /** Queues one item; resolves with its result once its batch is done. */
  submit(item: I): Promise<R> {
    const p = new Promise<R>((resolve, reject) => this.pending.push({ item, resolve, reject }));
    this.started();
    return p;
  }

  /** Queues several items (they may be split across batches); resolves with their results in order. */
  submitAll(items: readonly I[]): Promise<R[]> {
    // Nothing to do must not leave flush() waiting for a batch that never comes.
    if (items.length === 0) return Promise.resolve([]);
    const waits = items.map(
      (item) => new Promise<R>((resolve, reject) => this.pending.push({ item, resolve, reject })),
    );
    this.started();
    return Promise.all(waits);
  }

  /** Resolves when everything submitted so far has been handled (whether it succeeded or not). */
  async flush(): Promise<void> {
    await this.idle;
  }

  private started() {
    if (!this.markIdle) this.idle = new Promise((r) => (this.markIdle = r));
    this.schedule();
  }

  private schedule() {
    if (this.scheduled || this.inFlight >= this.opts.maxInFlight || this.pending.length === 0) return;
    this.scheduled = true;
    // Let the callers of this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      while (this.pending.length > 0 && this.inFlight < this.opts.maxInFlight)
        this.send(this.pending.splice(0, this.opts.maxBatch));
    });
  }

  private send(batch: Waiting<I, R>[]) {
    this.inFlight++;
    Promise.resolve()
      .then(() => this.opts.run(batch.map((b) => b.item)))
      .then((results) => {
        if (results.length !== batch.length)
          throw new Error(`Batcher: ${results.length} results for a batch of ${batch.length}`);
        batch.forEach((b, i) => b.resolve(results[i]!));
      })
      .catch((err) => batch.forEach((b) => b.reject(err)))
      .finally(() => {
        this.inFlight--;
        if (this.pending.length > 0) this.schedule();
        else if (this.inFlight === 0 && this.markIdle) {
          this.markIdle();
          this.markIdle = null;
        }
      });
  }
}
