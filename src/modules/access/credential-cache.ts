import crypto from 'node:crypto';
import type { Db, Queryable } from '../../platform/db/index.js';

/** The PostgreSQL channel on which a process says "this user's credentials changed". */
export const CREDENTIALS_CHANNEL = 'jk_credentials';

/** How long a cached credential is trusted without a notice: a safety net, not the mechanism. */
export const REVALIDATE_MS = 2_000;

/** How long a revoking call waits for the database to deliver its notice back to this process. */
const ECHO_WAIT_MS = 1_000;

interface Entry<A> {
  actor: A;
  until: number;
}

/**
 * Each process keeps resolved credentials for a moment, so the eligibility hot path does not
 * look its caller up on every request. A revocation (logout, password change or reset, token
 * revocation, deactivation) runs in `revoking`: the transaction carries a NOTIFY that PostgreSQL
 * delivers to every process's listener when it commits, and the call returns only once this
 * process's own listener has heard it, i.e. once the database has sent it out to every listener.
 * The cache is used only while the listener is connected: a dropped connection may lose notices,
 * so it empties and stays off until the listener is back (decision 0019).
 */
export function createCredentialCache<A extends { id: number }>(db: Db) {
  const entries = new Map<string, Entry<A>>();
  const echoes = new Map<string, () => void>();
  let live = false;
  // Bumped by every invalidation: a lookup that began before one may have read the old row, so its
  // answer is not kept.
  let generation = 0;

  function drop(userId: number | null) {
    generation++;
    if (userId === null) entries.clear();
    else for (const [k, v] of entries) if (v.actor.id === userId) entries.delete(k);
  }

  const subscription = db.listen(
    CREDENTIALS_CHANNEL,
    (payload) => {
      const [nonce, user] = payload.split(':');
      drop(Number.isSafeInteger(Number(user)) ? Number(user) : null);
      if (nonce) echoes.get(nonce)?.();
    },
    (isLive) => {
      // Either way notices may have been missed: start from nothing.
      live = isLive;
      drop(null);
    },
  );

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
     * after the commit, once every process has been told (see above).
     */
    async revoking<T>(work: (tx: Queryable, revoke: (userId: number) => Promise<void>) => Promise<T>): Promise<T> {
      const users = new Set<number>();
      const waits: Promise<void>[] = [];
      const nonces: string[] = [];
      try {
        const result = await db.tx((tx) =>
          work(tx, async (userId) => {
            const nonce = crypto.randomBytes(8).toString('hex');
            if (db.kind === 'pg' && live) {
              nonces.push(nonce);
              waits.push(
                new Promise<void>((resolve) => {
                  echoes.set(nonce, resolve);
                  setTimeout(resolve, ECHO_WAIT_MS).unref();
                }),
              );
            }
            users.add(userId);
            await tx.query('SELECT pg_notify($1, $2)', [CREDENTIALS_CHANNEL, `${nonce}:${userId}`]);
          }),
        );
        for (const u of users) drop(u);
        await Promise.all(waits);
        // Notices that reached other listeners in this process (tests run two servers in one) are handled by now.
        if (waits.length > 0) await new Promise((r) => setImmediate(r));
        return result;
      } finally {
        for (const n of nonces) echoes.delete(n);
      }
    },

    async close() {
      await (await subscription)();
    },
  };
}

export type CredentialCache<A extends { id: number }> = ReturnType<typeof createCredentialCache<A>>;
