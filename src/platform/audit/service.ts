import type { Db } from '../db/index.js';
import { instantOf } from '../schemas.js';
import type { AuditWriter } from './audit.js';
import { ACTION_GROUPS, ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel, PREFIX_LABELS } from './labels.js';
import { auditUsers, findAudit, type AuditFilters, type AuditRow } from './query.js';
import type { AuditItem, AuditOptions, AuditPage } from './schemas.js';
import { auditWorkbook } from './xlsx.js';

/** An export holds at most this many rows (newest first); the file says so when it is cut. */
export const EXPORT_MAX_ROWS = 50_000;

export interface AuditDeps {
  /** Resolves family card ids to their KK number, for a link to the family's card page (from the cards module). */
  cardFamilies?: (ids: number[]) => Promise<Map<number, string>>;
}

/** The filters a reader used, by name only: the record of a search holds no searched-for values. */
const usedFilters = (f: AuditFilters) =>
  Object.keys(f).filter((k) => f[k as keyof AuditFilters] !== undefined && k !== 'before');

/**
 * Reading the audit log (audit.read): a page of rows with their words, the pick-lists, the XLSX
 * export. Every read of the log is itself recorded before the rows leave.
 */
export function createAuditReader(db: Db, audit: AuditWriter, deps: AuditDeps = {}) {
  async function search(filters: AuditFilters, limit: number): Promise<AuditPage> {
    const found = await findAudit(db, filters, limit + 1);
    const more = found.length > limit;
    const rows = found.slice(0, limit);
    const cardIds = rows
      .filter((r) => r.entity_type === 'family_card' && /^\d+$/.test(r.entity_id ?? ''))
      .map((r) => Number(r.entity_id));
    const kk =
      cardIds.length && deps.cardFamilies ? await deps.cardFamilies([...new Set(cardIds)]) : new Map<number, string>();
    await audit.record({ action: 'audit.search', details: { filters: usedFilters(filters) } });
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
  }

  async function options(): Promise<AuditOptions> {
    return {
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
    };
  }

  /** The filtered log as a workbook, and the name to save it under (Jakarta date). */
  async function exportWorkbook(filters: AuditFilters): Promise<{ body: Buffer; fileName: string }> {
    const found = await findAudit(db, filters, EXPORT_MAX_ROWS + 1);
    const truncated = found.length > EXPORT_MAX_ROWS;
    const rows = found.slice(0, EXPORT_MAX_ROWS);
    const body = await auditWorkbook(rows, { ...filters, truncated });
    // The export is a read of the whole filtered log: recorded with its filters and size before the file leaves.
    await audit.record({
      action: 'audit.export',
      details: { filters: usedFilters(filters), rows: rows.length, truncated },
    });
    const stamp = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    return { body, fileName: `log-audit-${stamp}.xlsx` };
  }

  return { search, options, exportWorkbook };
}

export type AuditReader = ReturnType<typeof createAuditReader>;

function view(x: AuditRow): Omit<AuditItem, 'entityRef'> {
  return {
    id: x.id,
    at: instantOf(x.at),
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
