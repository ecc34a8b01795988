import { z } from 'zod';
import type { App } from '../http/app.js';
import type { Db } from '../db/index.js';
import type { AuditWriter } from './audit.js';

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'format YYYY-MM-DD');

export function auditRoutes(app: App, db: Db, audit: AuditWriter) {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: z.object({
          actor: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
          entityType: z.string().max(64).optional(),
          entityId: z.string().max(64).optional(),
          from: dateText.optional(),
          to: dateText.optional(),
          before: z.coerce.number().int().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
    },
    async (req) => {
      const f = req.query;
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, v: unknown) => {
        params.push(v);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (f.actor) add('actor_username = ?', f.actor.toLowerCase());
      if (f.action) add('action LIKE ?', `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      if (f.entityType) add('entity_type = ?', f.entityType);
      if (f.entityId) add('entity_id = ?', f.entityId);
      if (f.from) add(`at >= (?::date)::timestamp AT TIME ZONE 'Asia/Jakarta'`, f.from);
      if (f.to) add(`at < ((?::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')`, f.to);
      if (f.before) add('id < ?', f.before);
      params.push(f.limit + 1);
      const r = await db.query<Record<string, unknown>>(
        `SELECT id, at, actor_username, actor_role, facility_code, action, entity_type, entity_id, ip, request_id, details
         FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
        params,
      );
      const more = r.rows.length > f.limit;
      const rows = r.rows.slice(0, f.limit);
      // Reading the audit log is itself recorded.
      await audit.record({ action: 'audit.search', details: { filters: Object.keys(f).filter((k) => f[k as keyof typeof f] !== undefined) } });
      return {
        items: rows.map((x) => ({
          id: x.id,
          at: x.at,
          actorUsername: x.actor_username,
          actorRole: x.actor_role,
          facilityCode: x.facility_code,
          action: x.action,
          entityType: x.entity_type,
          entityId: x.entity_id,
          ip: x.ip,
          requestId: x.request_id,
          details: x.details,
        })),
        nextBefore: more ? (rows[rows.length - 1]!.id as number) : null,
      };
    },
  );
}
