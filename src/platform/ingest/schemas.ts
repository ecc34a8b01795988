import { z } from 'zod';
import { instant, isoDate } from '../schemas.js';

/**
 * The import routes' requests and answers (upload, history, rejected-rows report), shared with the
 * web app as types. Imports nothing but zod and the shared primitives.
 */

export const IMPORT_KINDS = ['population', 'jkn', 'poverty'] as const;
export const importKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.output<typeof importKind>;

export const IMPORT_STATUSES = ['running', 'pending_review', 'applied', 'rejected', 'failed'] as const;

/** An upload accepted: the job to follow; the import's id is known once the job has created it. */
export const uploadAccepted = z.object({ jobId: z.number().int(), importId: z.null() });

export const reportParams = z.object({ id: z.coerce.number().int() });

export const historyQuery = z.object({
  kind: importKind.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type HistoryQuery = z.output<typeof historyQuery>;

/** One import in the history; counts are null while it runs. */
export const importRecord = z.object({
  id: z.number().int(),
  kind: importKind,
  asOf: isoDate,
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  rowsRead: z.number().int().nullable(),
  accepted: z.number().int().nullable(),
  rejected: z.number().int().nullable(),
  warnings: z.number().int().nullable(),
  inserted: z.number().int().nullable(),
  updated: z.number().int().nullable(),
  unchanged: z.number().int().nullable(),
  createdAt: instant,
  finishedAt: instant.nullable(),
  jobId: z.number().int().nullable(),
  hasReport: z.boolean(),
  /** The reconciliation change set of a population or JKN import after the first (MEM-7). */
  changeSetId: z.number().int().nullable(),
});
export type ImportRecord = z.output<typeof importRecord>;

export const importHistory = z.object({ items: z.array(importRecord) });

/**
 * What an import job ends with (the job's `result`): the counts of every import, and the extras of
 * its kind (a change set's id and status, ended memberships, families without a head …).
 */
export const importResult = z
  .object({
    importId: z.number().int(),
    rowsRead: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    warnings: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .catchall(z.unknown());
export type ImportResult = z.output<typeof importResult>;
