import crypto from 'node:crypto';
import type { Db, Queryable } from '../../platform/db/index.js';

/** The PostgreSQL channel on which processes say "this user's credentials changed" and "done". */
export const CREDENTIALS_CHANNEL = 'jk_credentials';

/** application_name of every listening connection: the revoker finds the processes to wait for by it. */
const LISTENER_PREFIX = 'jk-credentials:';

/** How long a cached credential is trusted without a notice: a safety net, not the mechanism. */
export const REVALIDATE_MS = 2_000;

/** How long a revoking call waits for every process to confirm before it returns anyway. */
export const ACK_WAIT_MS = 2_000;

interface Entry<A> {
  actor: A;
  until: number;
}

interface Pending {
  acked: Set<string>;
  expected: Set<string> | null;
  done: () => void;
}

/**
 * Each process keeps resolved credentials for a moment, so the eligibility hot path does not
 * look its caller up on every request. A revocation (logout, password change or reset, token
 * revocation, deactivation) runs in `revoking`. Its transaction carries a NOTIFY that PostgreSQL
 * delivers to every process's listener at commit. Each process drops the user's entries and
 * acknowledges on the same channel. The call returns only when every process listening at
 * commit (found by its connection's application_name) has acknowledged, so by the time the
 * caller gets its answer no process will serve the old credential.
 *
 * The cache is used only while this process's listener is connected. A dropped connection may
 * lose notices, so the cache empties and stays off until the listener is back (decision 0019).
 */
export function createCredentialCache<A extends { id: number }>(db: Db) {
  const instance = crypto.randomBytes(8).toString('hex');
  const entries = new Map<string, Entry<A>>();
  const pending = new Map<string, Pending>();
  let live = false;
  // Bumped by every invalidation: a lookup that began before one may have read the old row, so its
  // answer is not kept.
  let generation = 0;

  function drop(userId: number | null) {
    generation++;
    if (userId === null) entries.clear();
    else for (const [k, v] of entries) if (v.actor.id === userId) entries.delete(k);
  }

  function settle(p: Pending) {
    if (p.expected && [...p.expected].every((id) => p.acked.has(id))) p.done();
  }

  function onNotice(payload: string) {
    const [kind, nonce, who] = payload.split(':');
    if (kind === 'r' && nonce) {
      drop(Number.isSafeInteger(Number(who)) ? Number(who) : null);
      // Acknowledge only after dropping: the revoker returns once every process has.
      db.query('SELECT pg_notify($1, $2)', [CREDENTIALS_CHANNEL, `a:${nonce}:${instance}`]).catch(() => undefined);
    } else if (kind === 'a' && nonce && who) {
      const p = pending.get(nonce);
      if (p) {
        p.acked.add(who);
        settle(p);
      }
    }
  }

  const subscription = db.listen(
    CREDENTIALS_CHANNEL,
    onNotice,
    (isLive) => {
      // Either way notices may have been missed: start from nothing.
      live = isLive;
      drop(null);
    },
    `${LISTENER_PREFIX}${instance}`,
  );

  /** The processes whose listener is connected now (PostgreSQL); each must acknowledge. */
  async function listeners(): Promise<Set<string>> {
    const r = await db.query<{ name: string }>(
      `SELECT substr(application_name, $1) AS name FROM pg_stat_activity
       WHERE datname = current_database() AND starts_with(application_name, $2)`,
      [LISTENER_PREFIX.length + 1, LISTENER_PREFIX],
    );
    return new Set(r.rows.map((x) => x.name));
  }

  return {
    get(key: string): A | null {
      if (!live) return null;
      const hit = entries.get(key);
      if (!hit) return null;
      if (hit.until > Date.now()) return hit.actor;
      entries.delete(key);
      return null;
    },

    /** Marks the start of a lookup; pass it to `set`. */
    begin: () => generation,

    set(key: string, actor: A, until: number, startedAt: number) {
      if (!live || startedAt !== generation) return;
      if (entries.size > 50_000) entries.clear();
      entries.set(key, { actor, until: Math.min(until, Date.now() + REVALIDATE_MS) });
    },

    /**
     * Runs a transaction that ends credentials; `revoke(userId)` inside it announces whose. Returns
     * after the commit, once every process has dropped them (see above).
     */
    async revoking<T>(work: (tx: Queryable, revoke: (userId: number) => Promise<void>) => Promise<T>): Promise<T> {
      const users = new Set<number>();
      const waits: Promise<void>[] = [];
      const nonces: string[] = [];
      // Right after start-up the listener may still be connecting; wait for it.
      await subscription;
      const confirm = db.kind === 'pg';
      try {
        const result = await db.tx((tx) =>
          work(tx, async (userId) => {
            const nonce = crypto.randomBytes(8).toString('hex');
            if (confirm) {
              nonces.push(nonce);
              waits.push(
                new Promise<void>((resolve) => {
                  pending.set(nonce, { acked: new Set(), expected: null, done: resolve });
                  setTimeout(resolve, ACK_WAIT_MS).unref();
                }),
              );
            }
            users.add(userId);
            await tx.query('SELECT pg_notify($1, $2)', [CREDENTIALS_CHANNEL, `r:${nonce}:${userId}`]);
          }),
        );
        for (const u of users) drop(u);
        if (confirm && nonces.length > 0) {
          // Whoever listens now was listening at the commit, or connected after it with an empty cache.
          const expected = await listeners();
          for (const n of nonces) {
            const p = pending.get(n);
            if (p) {
              p.expected = expected;
              settle(p);
            }
          }
          await Promise.all(waits);
        }
        return result;
      } finally {
        for (const n of nonces) pending.delete(n);
      }
    },

    async close() {
      await (
        await subscription
      )();
    },
  };
}

export type CredentialCache<A extends { id: number }> = ReturnType<typeof createCredentialCache<A>>;
