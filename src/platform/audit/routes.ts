import { z } from 'zod';
import type { App } from '../http/app.js';
import type { Db } from '../db/index.js';
import { sendFile, XLSX_TYPE } from '../http/download.js';
import type { AuditWriter } from './audit.js';
import { ACTION_GROUPS, ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel, PREFIX_LABELS } from './labels.js';
import { auditUsers, findAudit, type AuditFilters, type AuditRow } from './query.js';
import { auditWorkbook } from './xlsx.js';

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'format YYYY-MM-DD');
/** An export holds at most this many rows (newest first); the file says so when it is cut. */
export const EXPORT_MAX_ROWS = 50_000;

const filters = z.object({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  from: dateText.optional(),
  to: dateText.optional(),
});

export interface AuditDeps {
  /** Resolves family card ids to their KK number, for a link to the family's card page (from the cards module). */
  cardFamilies?: (ids: number[]) => Promise<Map<number, string>>;
}

const usedFilters = (f: AuditFilters) =>
  Object.keys(f).filter((k) => f[k as keyof AuditFilters] !== undefined && k !== 'before');

export function auditRoutes(app: App, db: Db, audit: AuditWriter, deps: AuditDeps = {}) {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        querystring: filters.extend({
          before: z.coerce.number().int().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
    },
    async (req) => {
      const { limit, ...f } = req.query;
      const found = await findAudit(db, f, limit + 1);
      const more = found.length > limit;
      const rows = found.slice(0, limit);
      const cardIds = rows
        .filter((r) => r.entity_type === 'family_card' && /^\d+$/.test(r.entity_id ?? ''))
        .map((r) => Number(r.entity_id));
      const kk =
        cardIds.length && deps.cardFamilies
          ? await deps.cardFamilies([...new Set(cardIds)])
          : new Map<number, string>();
      // Reading the audit log is itself recorded.
      await audit.record({ action: 'audit.search', details: { filters: usedFilters(f) } });
      return {
        items: rows.map((x) => ({
          ...view(x),
          entityRef:
            x.entity_type === 'user'
              ? x.entity_username
              : x.entity_type === 'family_card'
                ? (kk.get(Number(x.entity_id)) ?? null)
                : null,
        })),
        nextBefore: more ? rows[rows.length - 1]!.id : null,
      };
    },
  );

  app.get(
    '/api/v1/audit/options',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], summary: 'Pilihan saringan log audit: aksi (berkelompok) dan pengguna' },
    },
    async () => ({
      actions: Object.entries(ACTION_LABELS).map(([value, label]) => ({
        value,
        label,
        group: ACTION_GROUPS[value.split('.')[0]!] ?? 'Lainnya',
      })),
      prefixes: Object.entries(PREFIX_LABELS).map(([value, label]) => ({ value, label })),
      entityTypes: Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label })),
      users: (await auditUsers(db)).map((u) => ({
        username: u.username,
        fullName: u.full_name,
        role: u.role,
        disabled: u.disabled,
      })),
    }),
  );

  app.get(
    '/api/v1/audit.xlsx',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], summary: 'Log audit tersaring sebagai XLSX', querystring: filters },
    },
    async (req, reply) => {
      const f = req.query;
      const found = await findAudit(db, f, EXPORT_MAX_ROWS + 1);
      const truncated = found.length > EXPORT_MAX_ROWS;
      const rows = found.slice(0, EXPORT_MAX_ROWS);
      const body = await auditWorkbook(rows, { ...f, truncated });
      // The export is a read of the whole filtered log: recorded with its filters and size before the file leaves.
      await audit.record({
        action: 'audit.export',
        details: { filters: usedFilters(f), rows: rows.length, truncated },
      });
      const stamp = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      return sendFile(reply, { type: XLSX_TYPE, fileName: `log-audit-${stamp}.xlsx`, body });
    },
  );
}

function view(x: AuditRow) {
  return {
    id: x.id,
    at: x.at,
    actorUsername: x.actor_username,
    actorRole: x.actor_role,
    facilityCode: x.facility_code,
    action: x.action,
    actionLabel: actionLabel(x.action),
    entityType: x.entity_type,
    entityLabel: entityLabel(x.entity_type),
    entityId: x.entity_id,
    ip: x.ip,
    requestId: x.request_id,
    details: x.details,
  };
}
