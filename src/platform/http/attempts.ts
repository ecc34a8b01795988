import crypto from 'node:crypto';
import type { Db } from '../db/index.js';
import { AppError } from './errors.js';

/**
 * Counts attempts per key (e.g. per NIK) in a sliding window, in the database, so
 * every server process shares one count: an in-memory count gave each worker its
 * own allowance. IP-based limits come from @fastify/rate-limit; this one guards a
 * single record against guessing from many addresses. Keys are stored hashed.
 */
export class AttemptLimiter {
  private calls = 0;

  constructor(
    private readonly db: Db,
    private readonly scope: string,
    private readonly max: number,
    private readonly windowMs: number,
    private readonly message: string,
  ) {}

  /** Records an attempt; throws 429 when the key is over its limit (a refused attempt is not counted). */
  async hit(key: string): Promise<void> {
    const keyHash = crypto.createHash('sha256').update(`${this.scope}:${key}`).digest('hex');
    const allowed = await this.db.tx(async (tx) => {
      // One key at a time across processes: concurrent attempts cannot all read the same count.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [keyHash]);
      const r = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM attempt_log
         WHERE scope = $1 AND key_hash = $2 AND at > now() - make_interval(secs => $3::double precision / 1000)`,
        [this.scope, keyHash, this.windowMs],
      );
      if (r.rows[0]!.n >= this.max) return false;
      await tx.query('INSERT INTO attempt_log (scope, key_hash) VALUES ($1, $2)', [this.scope, keyHash]);
      return true;
    });
    if (++this.calls % 500 === 0) {
      await this.db.query(
        `DELETE FROM attempt_log WHERE scope = $1 AND at < now() - make_interval(secs => $2::double precision / 1000)`,
        [this.scope, this.windowMs],
      );
    }
    if (!allowed) throw new AppError('rate_limited', 'RATE_LIMITED', this.message);
  }
}
