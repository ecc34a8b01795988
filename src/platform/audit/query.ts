import type { Queryable } from '../db/index.js';
import type { AuditFilters as Filters } from './schemas.js';

/** The search filters of the API (schemas.ts), and the paging cursor. */
export type AuditFilters = Filters & { before?: number };

export interface AuditRow {
  id: number;
  at: Date;
  actor_username: string | null;
  actor_role: string | null;
  facility_code: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown> | null;
  /** The username behind a `user` entity (accounts live in the platform's app_user table). */
  entity_username: string | null;
}

const escapeLike = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The audit rows matching the filters, newest first (by id, so paging with `before` is stable). */
export async function findAudit(q: Queryable, f: AuditFilters, limit: number): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.actor) add('a.actor_username = ?', f.actor.toLowerCase());
  if (f.action) {
    if (f.action.endsWith('.')) add('a.action LIKE ?', `${escapeLike(f.action)}%`);
    else add('a.action = ?', f.action);
  }
  if (f.entityType) add('a.entity_type = ?', f.entityType);
  if (f.entityId) add('a.entity_id = ?', f.entityId);
  if (f.from) add(`a.at >= (?::date)::timestamp AT TIME ZONE 'Asia/Jakarta'`, f.from);
  if (f.to) add(`a.at < ((?::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')`, f.to);
  if (f.before) add('a.id < ?', f.before);
  params.push(limit);
  const r = await q.query<AuditRow>(
    `SELECT a.id, a.at, a.actor_username, a.actor_role, a.facility_code, a.action, a.entity_type, a.entity_id, a.ip, a.request_id, a.details,
            u.username AS entity_username
     FROM audit_log a
     LEFT JOIN app_user u ON a.entity_type = 'user' AND u.id::text = a.entity_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.id DESC LIMIT $${params.length}`,
    params,
  );
  return r.rows;
}

/** Accounts for the user pick-list: every account, active first. */
export async function auditUsers(q: Queryable) {
  const r = await q.query<{ username: string; full_name: string; role: string; disabled: boolean }>(
    `SELECT username, full_name, role, disabled_at IS NOT NULL AS disabled FROM app_user ORDER BY disabled_at IS NOT NULL, username`,
  );
  return r.rows;
}
