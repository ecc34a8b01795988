import type { Queryable } from '../../platform/db/index.js';
import type { Role } from '../../platform/http/permissions.js';
import { instantOf } from '../../platform/schemas.js';
import type { TokenRow as TokenListRow, UserRow as UserListRow } from './schemas.js';

export interface UserRow {
  id: number;
  username: string;
  full_name: string;
  role: Role;
  facility_code: string | null;
  password_hash: string;
  must_change_password: boolean;
  failed_logins: number;
  locked_until: Date | null;
  disabled_at: Date | null;
}

const USER_COLS =
  'id, username, full_name, role, facility_code, password_hash, must_change_password, failed_logins, locked_until, disabled_at';

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | null> {
  const r = await q.query<UserRow>(`SELECT ${USER_COLS} FROM app_user WHERE username = $1`, [username]);
  return r.rows[0] ?? null;
}

export async function findUserById(q: Queryable, id: number): Promise<UserRow | null> {
  const r = await q.query<UserRow>(`SELECT ${USER_COLS} FROM app_user WHERE id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function insertUser(
  q: Queryable,
  u: { username: string; fullName: string; role: Role; facilityCode: string | null; passwordHash: string },
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO app_user (username, full_name, role, facility_code, password_hash)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [u.username, u.fullName, u.role, u.facilityCode, u.passwordHash],
  );
  return r.rows[0]!.id;
}

/** Every account, as the plain list shows it (instants as ISO strings, the form the API sends). */
export async function listUsers(q: Queryable): Promise<UserListRow[]> {
  const r = await q.query<Omit<UserRow, 'password_hash'> & { created_at: Date }>(
    `SELECT id, username, full_name, role, facility_code, must_change_password, failed_logins, locked_until, disabled_at, created_at
     FROM app_user ORDER BY username`,
  );
  return r.rows.map((u) => ({
    ...u,
    locked_until: instantOf(u.locked_until),
    disabled_at: instantOf(u.disabled_at),
    created_at: instantOf(u.created_at),
  }));
}

/**
 * Takes one of an account's password checks before the password is verified, in one statement:
 * concurrent attempts queue on the row lock and re-read it, so no more than `maxFailures` checks
 * run per lock period however many arrive at once. The attempt that uses the last check sets the
 * lock; a right password clears it (recordLoginSuccess). An expired lock starts a fresh count.
 * Returns null for an unknown, disabled or locked account: the caller cannot tell them apart.
 */
export async function claimLoginAttempt(
  q: Queryable,
  username: string,
  maxFailures: number,
  lockMinutes: number,
): Promise<UserRow | null> {
  // Every expression reads the row as it is when the row lock is granted (READ COMMITTED re-check),
  // so a queued attempt counts on top of the one before it.
  const next = 'CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_logins + 1 END';
  const r = await q.query<UserRow>(
    `UPDATE app_user SET
       failed_logins = ${next},
       locked_until = CASE WHEN ${next} >= $2 THEN now() + make_interval(secs => $3::double precision * 60) ELSE NULL END
     WHERE username = $1 AND disabled_at IS NULL AND (locked_until IS NULL OR locked_until <= now())
     RETURNING ${USER_COLS}`,
    [username, maxFailures, lockMinutes],
  );
  return r.rows[0] ?? null;
}

export async function recordLoginSuccess(q: Queryable, id: number) {
  await q.query('UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
}

export async function setPassword(q: Queryable, id: number, hash: string, mustChange: boolean) {
  await q.query(
    `UPDATE app_user SET password_hash = $2, must_change_password = $3, password_changed_at = now(),
       failed_logins = 0, locked_until = NULL WHERE id = $1`,
    [id, hash, mustChange],
  );
}

export async function insertSession(q: Queryable, tokenHash: string, userId: number, hours: number, ip: string) {
  await q.query(
    `INSERT INTO user_session (token_hash, user_id, expires_at, ip)
     VALUES ($1, $2, now() + make_interval(secs => $3::double precision * 3600), $4)`,
    [tokenHash, userId, hours, ip],
  );
}

export interface SessionUser {
  user_id: number;
  username: string;
  role: Role;
  facility_code: string | null;
  must_change_password: boolean;
  /** null for API tokens: they live until revoked. */
  expires_at: Date | null;
}

export async function findSession(q: Queryable, tokenHash: string): Promise<SessionUser | null> {
  const r = await q.query<SessionUser>(
    `SELECT s.user_id, u.username, u.role, u.facility_code, u.must_change_password, s.expires_at
     FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
    [tokenHash],
  );
  return r.rows[0] ?? null;
}

export async function deleteSession(q: Queryable, tokenHash: string) {
  await q.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
}

export async function deleteSessionsOfUser(q: Queryable, userId: number, exceptHash: string | null) {
  await q.query('DELETE FROM user_session WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', [userId, exceptHash]);
}

export async function insertToken(q: Queryable, userId: number, tokenHash: string, prefix: string, label: string) {
  const r = await q.query<{ id: number }>(
    'INSERT INTO api_token (user_id, token_hash, prefix, label) VALUES ($1, $2, $3, $4) RETURNING id',
    [userId, tokenHash, prefix, label],
  );
  return r.rows[0]!.id;
}

export async function findToken(q: Queryable, tokenHash: string) {
  const r = await q.query<SessionUser & { token_id: number }>(
    `SELECT t.id AS token_id, t.user_id, u.username, u.role, u.facility_code, false AS must_change_password,
            NULL::timestamptz AS expires_at
     FROM api_token t JOIN app_user u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [tokenHash],
  );
  return r.rows[0] ?? null;
}

export async function listTokens(q: Queryable): Promise<TokenListRow[]> {
  const r = await q.query<{
    id: number;
    username: string;
    prefix: string;
    label: string;
    created_at: Date;
    last_used_at: Date | null;
    revoked_at: Date | null;
  }>(
    `SELECT t.id, u.username, t.prefix, t.label, t.created_at, t.last_used_at, t.revoked_at
     FROM api_token t JOIN app_user u ON u.id = t.user_id ORDER BY t.created_at DESC`,
  );
  return r.rows.map((t) => ({
    ...t,
    created_at: instantOf(t.created_at),
    last_used_at: instantOf(t.last_used_at),
    revoked_at: instantOf(t.revoked_at),
  }));
}

/** Returns the token's user, or null when there is no such live token. */
export async function revokeToken(q: Queryable, id: number): Promise<number | null> {
  const r = await q.query<{ user_id: number }>(
    'UPDATE api_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING user_id',
    [id],
  );
  return r.rows[0]?.user_id ?? null;
}

export async function touchToken(q: Queryable, id: number) {
  await q.query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [id]);
}
