import { AppError } from './errors.js';

/**
 * Counts attempts per key (e.g. per NIK) in a sliding window, in this
 * process's memory. IP-based limits come from @fastify/rate-limit; this one
 * guards a single record against guessing from many addresses.
 */
export class AttemptLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly message: string,
  ) {}

  /** Records an attempt; throws 429 when the key is over its limit. */
  hit(key: string, now = Date.now()): void {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.max) throw new AppError('rate_limited', 'RATE_LIMITED', this.message);
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 100_000) this.prune(since);
  }

  private prune(since: number) {
    for (const [k, v] of this.hits) if (v.every((t) => t <= since)) this.hits.delete(k);
  }
}
