import { z } from 'zod';
import { idParams, instant, isoDate } from '../../platform/schemas.js';
import { CHANGE_SET_STATUSES } from './labels.js';

/**
 * The MEM-7 review routes' requests and answers, shared with the web app as types (`import type`).
 * Imports only zod, the shared primitives and labels.ts.
 */

export const changeSetKind = z.enum(['population', 'jkn']);
export const changeSetStatus = z.enum(CHANGE_SET_STATUSES);
export const ITEM_DECISIONS = ['PENDING', 'APPROVED', 'DECLINED', 'STALE'] as const;

export const changeSetParams = idParams;

export const listQuery = z.object({
  kind: changeSetKind.optional(),
  status: changeSetStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListQuery = z.output<typeof listQuery>;

/** Narrows a set's items; each value is checked against the set by the service (a kind of the other data is refused). */
const itemFilter = {
  kind: z.string().max(20).optional(),
  area: z.string().max(10).optional(),
  decision: z.string().max(10).optional(),
};
export const filterQuery = z.object(itemFilter);
export type ItemQuery = z.output<typeof filterQuery>;

export const itemsQuery = z.object({
  ...itemFilter,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ItemsQuery = z.output<typeof itemsQuery>;

export const sampleQuery = z.object({
  ...itemFilter,
  size: z.coerce.number().int().min(1).max(200).default(50),
  seed: z.string().max(40).optional(),
});
export type SampleQuery = z.output<typeof sampleQuery>;

/** What a decision covers: kinds, items, or (neither) every undecided item. */
export const selectionBody = z.object({
  kinds: z.array(z.string().max(20)).max(20).optional(),
  itemIds: z.array(z.number().int()).max(100_000).optional(),
  note: z.string().max(500).optional(),
});
export type SelectionBody = z.output<typeof selectionBody>;

export const approveBody = selectionBody.extend({ confirmMissing: z.number().int().min(0).optional() });
export type ApproveBody = z.output<typeof approveBody>;

export const rejectBody = z.object({ reason: z.string().max(500) });

/** The guard's figures kept on a set (rules/guard.ts). */
export const guardFigures = z.object({
  kind: changeSetKind,
  before: z.number(),
  rows: z.number(),
  previousRows: z.number().nullable(),
  ending: z.number(),
  endingPercent: z.number(),
  rowDropPercent: z.number().nullable(),
  suspectPercent: z.number(),
  refusePercent: z.number(),
  reasons: z.array(z.string()),
});
export type GuardFigures = z.output<typeof guardFigures>;

const counts = z.record(z.string(), z.number());

export const changeSetHeader = z.object({
  id: z.number().int(),
  kind: changeSetKind,
  importId: z.number().int(),
  fileName: z.string().nullable(),
  asOf: isoDate,
  previousAsOf: isoDate.nullable(),
  status: changeSetStatus,
  totals: counts,
  itemCount: z.number().int(),
  approvedCount: z.number().int(),
  declinedCount: z.number().int(),
  staleCount: z.number().int(),
  createdAt: instant,
  createdBy: z.string().nullable(),
  decidedAt: instant.nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Items not decided yet; the set stays open (PENDING) until this is 0. */
  pendingCount: z.number().int(),
  /** Flagged when made (issue 10): would end an unusual share of the register, or the file has far fewer rows than the last. */
  suspect: z.boolean(),
  guard: guardFigures.nullable(),
});
export type ChangeSetHeader = z.output<typeof changeSetHeader>;

export const changeSetList = z.object({ items: z.array(changeSetHeader) });

export const changeSetDetail = changeSetHeader.extend({
  byKind: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      total: z.number().int(),
      decisions: counts,
      pending: z.number().int(),
      /** Undecided items of the kind whose approval ends someone: what a suspect set's typed confirmation asks for. */
      pendingEnding: z.number().int(),
    }),
  ),
  byVillage: z.array(
    z.object({
      villageCode: z.string().nullable(),
      districtName: z.string().nullable(),
      villageName: z.string().nullable(),
      counts,
      total: z.number().int(),
    }),
  ),
});
export type ChangeSetDetail = z.output<typeof changeSetDetail>;

const values = z.record(z.string(), z.unknown()).nullable();

export const changeItem = z.object({
  id: z.number().int(),
  nik: z.string(),
  name: z.string().nullable(),
  kind: z.string(),
  kindLabel: z.string(),
  villageCode: z.string().nullable(),
  districtName: z.string().nullable(),
  villageName: z.string().nullable(),
  lineNo: z.number().int().nullable(),
  before: values,
  after: values,
  changes: z.array(z.string()),
  effectiveDate: isoDate,
  decision: z.enum(ITEM_DECISIONS),
});
export type ChangeItem = z.output<typeof changeItem>;

export const itemPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(changeItem),
});

export const itemSample = z.object({ seed: z.string(), size: z.number().int(), items: z.array(changeItem) });

const decidedTotals = z.object({ approved: z.number().int(), declined: z.number().int(), stale: z.number().int() });

export const approveResult = z.object({
  id: z.number().int(),
  kind: changeSetKind,
  status: changeSetStatus,
  approved: z.number().int(),
  stale: z.number().int(),
  pending: z.number().int(),
  totals: decidedTotals,
  membershipChanges: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  ended: z.number().int(),
});

export const declineResult = z.object({
  id: z.number().int(),
  kind: changeSetKind,
  status: changeSetStatus,
  declined: z.number().int(),
  pending: z.number().int(),
  totals: decidedTotals,
});

export const rejectResult = z.object({
  id: z.number().int(),
  kind: changeSetKind,
  status: changeSetStatus,
  declined: z.number().int(),
  totals: decidedTotals,
});
