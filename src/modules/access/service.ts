import argon2 from 'argon2';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/index.js';
import { auditInTx } from '../../platform/audit/audit.js';
import { currentContext, type Actor } from '../../platform/http/context.js';
import { AppError, conflict, invalid, notFound, unauthenticated } from '../../platform/http/errors.js';
import { FACILITY_ROLES, ROLES, type Role } from '../../platform/http/permissions.js';
import { createCredentialCache } from './credential-cache.js';
import type { CreateUserInput } from './schemas.js';
import * as repo from './repo.js';
import {
  TOKEN_PREFIX,
  hashSecret,
  newApiToken,
  newOneTimePassword,
  newSessionId,
  passwordProblem,
} from './rules/secrets.js';

// argon2id, OWASP's second recommended profile (19 MiB, 2 passes).
const ARGON = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

type CachedActor = Actor & { mustChangePassword: boolean; tokenId?: number };

export type AccessService = ReturnType<typeof createAccessService>;

export function createAccessService(
  db: Db,
  config: Pick<Config, 'sessionHours' | 'loginMaxFailures' | 'loginLockMinutes'>,
) {
  // Credentials are looked up on every request; each process keeps them for a moment, and every
  // call that ends one tells all processes at once (credential-cache.ts, decision 0019).
  const cache = createCredentialCache<CachedActor>(db);
  // A hash to compare against when the user does not exist, so timing does not reveal usernames.
  const dummyHash = argon2.hash('jamkesda-dummy-password', ARGON);

  /** The route's body, or the CLI's typed-in role (checked here, so both get the same words). */
  async function createUser(input: Omit<CreateUserInput, 'role'> & { role: string }) {
    const username = input.username.trim().toLowerCase();
    if (!/^[a-z0-9._-]{3,64}$/.test(username)) {
      throw invalid(
        'INVALID_USERNAME',
        'Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
      );
    }
    if (!(ROLES as readonly string[]).includes(input.role)) {
      throw invalid('INVALID_ROLE', `Peran "${input.role}" tidak dikenal. Pilihan: ${ROLES.join(', ')}.`);
    }
    const role = input.role as Role;
    const facilityCode = input.facilityCode?.trim().toUpperCase() || null;
    if (FACILITY_ROLES.includes(role) && !facilityCode) {
      throw invalid('FACILITY_REQUIRED', `Peran ${role} harus terikat pada satu fasilitas (--facility KODE).`);
    }
    if (!FACILITY_ROLES.includes(role) && facilityCode) {
      throw invalid('FACILITY_NOT_ALLOWED', `Peran ${role} adalah petugas dinas dan tidak terikat pada fasilitas.`);
    }
    const password = newOneTimePassword();
    const passwordHash = await argon2.hash(password, ARGON);
    return db.tx(async (tx) => {
      if (facilityCode) {
        const f = await tx.query('SELECT 1 FROM facility WHERE code = $1', [facilityCode]);
        if (f.rowCount === 0)
          throw notFound('FACILITY_NOT_FOUND', `Fasilitas dengan kode ${facilityCode} tidak ditemukan.`);
      }
      if (await repo.findUserByUsername(tx, username))
        throw conflict('USERNAME_TAKEN', `Nama pengguna ${username} sudah dipakai.`);
      const id = await repo.insertUser(tx, {
        username,
        fullName: input.fullName ?? '',
        role,
        facilityCode,
        passwordHash,
      });
      await auditInTx(tx, {
        action: 'user.create',
        entityType: 'user',
        entityId: String(id),
        details: { role, facilityCode },
      });
      return { id, username, role, facilityCode, oneTimePassword: password };
    });
  }

  async function login(usernameRaw: string, password: string, ip: string) {
    const username = usernameRaw.trim().toLowerCase();
    // The check is taken before the password is verified, atomically: a burst of guesses gets no more
    // than LOGIN_MAX_FAILURES verifications. Unknown, disabled and locked accounts get the same
    // answer after the same argon2 work, so neither the answer nor its timing says which names exist.
    const user = await repo.claimLoginAttempt(db, username, config.loginMaxFailures, config.loginLockMinutes);
    if (!user) {
      await argon2.verify(await dummyHash, password).catch(() => false);
      throw unauthenticatedLogin();
    }
    const ok = await argon2.verify(user.password_hash, password).catch(() => false);
    if (!ok) {
      await db.tx((tx) =>
        auditInTx(tx, { action: 'auth.login_failed', entityType: 'user', entityId: String(user.id) }, anonymous(ip)),
      );
      throw unauthenticatedLogin();
    }
    const sessionId = newSessionId();
    await db.tx(async (tx) => {
      await repo.recordLoginSuccess(tx, user.id);
      await repo.insertSession(tx, hashSecret(sessionId), user.id, config.sessionHours, ip);
      await auditInTx(tx, { action: 'auth.login', entityType: 'user', entityId: String(user.id) }, asActor(user, ip));
    });
    return { sessionId, user: publicUser(user) };
  }

  async function logout(sessionId: string, userId: number) {
    const h = hashSecret(sessionId);
    await cache.revoking(async (tx, revoke) => {
      await repo.deleteSession(tx, h);
      await revoke(userId);
      await auditInTx(tx, { action: 'auth.logout' });
    });
  }

  /** The actor behind a session id or API token; null when unknown, expired or revoked. */
  async function resolve(kind: 'session' | 'token', secret: string): Promise<CachedActor | null> {
    // Keyed by the secret itself so a hit costs no hashing; the map lives only in this process's memory.
    const key = `${kind === 'session' ? 's' : 't'}:${secret}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const startedAt = cache.begin();
    const h = hashSecret(secret);
    if (kind === 'token' && !secret.startsWith(TOKEN_PREFIX)) return null;
    const row = kind === 'session' ? await repo.findSession(db, h) : await repo.findToken(db, h);
    if (!row) return null;
    const actor: CachedActor = {
      id: row.user_id,
      username: row.username,
      role: row.role,
      facilityCode: row.facility_code,
      via: kind,
      mustChangePassword: row.must_change_password,
    };
    if ('token_id' in row) {
      actor.tokenId = row.token_id as number;
      await repo.touchToken(db, actor.tokenId);
    }
    cache.set(key, actor, row.expires_at ? row.expires_at.getTime() : Number.POSITIVE_INFINITY, startedAt);
    return actor;
  }

  async function changePassword(userId: number, current: string, next: string, keepSessionId: string | null) {
    const user = await repo.findUserById(db, userId);
    if (!user) throw unauthenticated();
    if (!(await argon2.verify(user.password_hash, current).catch(() => false))) {
      throw invalid('WRONG_PASSWORD', 'Kata sandi saat ini salah.');
    }
    const problem = passwordProblem(next, user.username);
    if (problem) throw invalid('WEAK_PASSWORD', problem);
    if (current === next) throw invalid('WEAK_PASSWORD', 'Kata sandi baru harus berbeda dari yang lama.');
    const hash = await argon2.hash(next, ARGON);
    await cache.revoking(async (tx, revoke) => {
      await repo.setPassword(tx, userId, hash, false);
      // Other sessions of this user end: a changed password must lock out whoever had the old one.
      await repo.deleteSessionsOfUser(tx, userId, keepSessionId ? hashSecret(keepSessionId) : null);
      await revoke(userId);
      await auditInTx(tx, { action: 'auth.password_change', entityType: 'user', entityId: String(userId) });
    });
  }

  async function resetPassword(userId: number) {
    const user = await repo.findUserById(db, userId);
    if (!user) throw notFound('USER_NOT_FOUND', 'Pengguna tidak ditemukan.');
    const password = newOneTimePassword();
    const hash = await argon2.hash(password, ARGON);
    await cache.revoking(async (tx, revoke) => {
      await repo.setPassword(tx, userId, hash, true);
      await repo.deleteSessionsOfUser(tx, userId, null);
      await revoke(userId);
      await auditInTx(tx, { action: 'user.password_reset', entityType: 'user', entityId: String(userId) });
    });
    return { username: user.username, oneTimePassword: password };
  }

  async function createToken(usernameRaw: string, label = '') {
    const user = await repo.findUserByUsername(db, usernameRaw.trim().toLowerCase());
    if (!user || user.disabled_at)
      throw notFound('USER_NOT_FOUND', `Pengguna ${usernameRaw} tidak ditemukan atau nonaktif.`);
    const token = newApiToken();
    const id = await db.tx(async (tx) => {
      const id = await repo.insertToken(tx, user.id, hashSecret(token), token.slice(0, 10), label);
      await auditInTx(tx, {
        action: 'token.create',
        entityType: 'api_token',
        entityId: String(id),
        details: { userId: user.id },
      });
      return id;
    });
    return { id, username: user.username, token };
  }

  async function revokeToken(id: number) {
    await cache.revoking(async (tx, revoke) => {
      const userId = await repo.revokeToken(tx, id);
      if (userId === null) throw notFound('TOKEN_NOT_FOUND', 'Token tidak ditemukan atau sudah dicabut.');
      await revoke(userId);
      await auditInTx(tx, { action: 'token.revoke', entityType: 'api_token', entityId: String(id) });
    });
  }

  return {
    createUser,
    login,
    logout,
    resolve,
    changePassword,
    resetPassword,
    createToken,
    revokeToken,
    /** For whoever else ends a user's credentials (deactivation): a transaction all processes hear of. */
    revoking: cache.revoking,
    close: cache.close,
    listUsers: () => repo.listUsers(db),
    listTokens: () => repo.listTokens(db),
  };
}

export const BAD_CREDENTIALS_MESSAGE =
  'Nama pengguna atau kata sandi salah. Setelah beberapa kali gagal, akun dikunci sementara; coba lagi nanti atau minta admin mengatur ulang kata sandi.';

function unauthenticatedLogin() {
  return new AppError('unauthenticated', 'BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE);
}

function publicUser(u: repo.UserRow) {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role,
    facilityCode: u.facility_code,
    mustChangePassword: u.must_change_password,
  };
}

/** The request's context for audit rows written before anyone is logged in (login attempts). */
function anonymous(ip: string) {
  return { requestId: currentContext()?.requestId ?? '', ip, actor: null };
}

function asActor(u: repo.UserRow, ip: string) {
  return {
    requestId: currentContext()?.requestId ?? '',
    ip,
    actor: { id: u.id, username: u.username, role: u.role, facilityCode: u.facility_code, via: 'session' as const },
  };
}
