import type { Queryable } from '../../platform/db/index.js';
import type { Role } from '../../platform/http/permissions.js';
import { instantOf } from '../../platform/schemas.js';
import type { AdminUser } from './schemas.js';

/** An account as the administrator manages it (no password hash). */
export interface AdminUserRow {
  id: number;
  username: string;
  full_name: string;
  nip: string | null;
  position: string | null;
  role: Role;
  facility_code: string | null;
  facility_name: string | null;
  must_change_password: boolean;
  failed_logins: number;
  locked_until: Date | null;
  disabled_at: Date | null;
  created_at: Date;
}

const COLS = `u.id, u.username, u.full_name, u.nip, u.position, u.role, u.facility_code, f.name AS facility_name,
  u.must_change_password, u.failed_logins, u.locked_until, u.disabled_at, u.created_at`;

/** Accounts, optionally searched by username, full name, NIP or facility (code or name). */
export async function searchUsers(q: Queryable, text: string | null): Promise<AdminUser[]> {
  const like = text ? `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const r = await q.query<AdminUserRow>(
    `SELECT ${COLS} FROM app_user u LEFT JOIN facility f ON f.code = u.facility_code
     WHERE $1::text IS NULL OR u.username LIKE $1 OR lower(u.full_name) LIKE $1 OR u.nip LIKE $1
        OR lower(coalesce(u.facility_code, '')) LIKE $1 OR lower(coalesce(f.name, '')) LIKE $1
     ORDER BY u.disabled_at IS NOT NULL, u.username`,
    [like],
  );
  return r.rows.map((u) => ({
    ...u,
    locked_until: instantOf(u.locked_until),
    disabled_at: instantOf(u.disabled_at),
    created_at: instantOf(u.created_at),
  }));
}

export async function lockUser(q: Queryable, id: number): Promise<AdminUserRow | null> {
  const r = await q.query<AdminUserRow>(
    `SELECT ${COLS} FROM app_user u LEFT JOIN facility f ON f.code = u.facility_code WHERE u.id = $1 FOR UPDATE OF u`,
    [id],
  );
  return r.rows[0] ?? null;
}

export async function updateAccount(
  q: Queryable,
  id: number,
  u: { role: Role; facilityCode: string | null; fullName: string; nip: string | null; position: string | null },
) {
  await q.query(
    `UPDATE app_user SET role = $2, facility_code = $3, full_name = $4, nip = $5, position = $6 WHERE id = $1`,
    [id, u.role, u.facilityCode, u.fullName, u.nip, u.position],
  );
}

/** Marks the account disabled and ends every session and API token it holds; returns how many of each ended. */
export async function deactivate(q: Queryable, id: number): Promise<{ sessions: number; tokens: number }> {
  await q.query('UPDATE app_user SET disabled_at = now() WHERE id = $1', [id]);
  const s = await q.query('DELETE FROM user_session WHERE user_id = $1', [id]);
  const t = await q.query('UPDATE api_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
  return { sessions: s.rowCount, tokens: t.rowCount };
}

export async function reactivate(q: Queryable, id: number) {
  // A fresh start: no lock or failure count carried over from before the deactivation.
  await q.query('UPDATE app_user SET disabled_at = NULL, failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
}

export async function facilityExists(q: Queryable, code: string): Promise<boolean> {
  const r = await q.query('SELECT 1 FROM facility WHERE code = $1', [code]);
  return r.rowCount > 0;
}
