import { z } from 'zod';
import { instant, isoDate } from '../schemas.js';

/** The audit log's HTTP contract (audit.read). The web app imports the types. */

export const auditFilters = z.object({
  actor: z.string().max(64).optional(),
  /** An action code (exact), or a family prefix ending in a dot ("sjp."). */
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditSearchQuery = auditFilters.extend({
  before: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** One audit row: its codes with their words, and a reference to open the record by (username, KK number). */
export const auditItem = z.object({
  id: z.number(),
  at: instant,
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  facilityCode: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string().nullable(),
  entityLabel: z.string().nullable(),
  entityId: z.string().nullable(),
  entityRef: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.unknown(),
});

export const auditPage = z.object({
  items: z.array(auditItem),
  /** The id to pass as `before` for the next page; null on the last. */
  nextBefore: z.number().nullable(),
});

const option = z.object({ value: z.string(), label: z.string() });
export const auditOptions = z.object({
  actions: z.array(option.extend({ group: z.string() })),
  prefixes: z.array(option),
  entityTypes: z.array(option),
  users: z.array(z.object({ username: z.string(), fullName: z.string(), role: z.string(), disabled: z.boolean() })),
});

export type AuditFilters = z.output<typeof auditFilters>;
export type AuditItem = z.output<typeof auditItem>;
export type AuditPage = z.output<typeof auditPage>;
export type AuditOptions = z.output<typeof auditOptions>;
