import { z } from 'zod';
import { idParams, isoDate, optionalNik, paging } from '../../platform/schemas.js';
import { BIRTH_DOCUMENT_KINDS, BIRTH_STATUSES } from './labels.js';

/**
 * The births module's HTTP contract (MEM-3.2): the request and response schema of every route.
 * The server validates and serialises with these; the web app imports the types (`import type`).
 */

export const recordBirthBody = z.object({
  childNik: optionalNik,
  childName: z.string().min(1).max(120),
  sex: z.enum(['L', 'P']),
  birthDate: isoDate,
  birthPlace: z
    .string()
    .max(120)
    .nullable()
    .optional()
    .transform((v) => v?.trim() || null),
  motherNik: optionalNik,
  fatherNik: optionalNik,
  documentKind: z.enum(BIRTH_DOCUMENT_KINDS),
  documentNumber: z.string().min(1).max(80),
  documentId: z.number().int().positive(),
});
export type RecordBirthBody = z.output<typeof recordBirthBody>;

export const listBirthsQuery = z.object({
  q: z.string().max(100).optional(),
  status: z.enum(BIRTH_STATUSES).optional(),
  ...paging,
});
export type BirthListFilter = z.output<typeof listBirthsQuery>;

export const birthParams = idParams;
export const cancelBirthBody = z.object({ reason: z.string().max(500) });

export const birthRecord = z.object({
  id: z.number(),
  regNumber: z.string(),
  childNik: z.string().nullable(),
  childName: z.string(),
  sex: z.enum(['L', 'P']),
  birthDate: z.string(),
  birthPlace: z.string().nullable(),
  motherNik: z.string().nullable(),
  fatherNik: z.string().nullable(),
  noKk: z.string(),
  documentKind: z.enum(BIRTH_DOCUMENT_KINDS),
  documentNumber: z.string(),
  documentId: z.number(),
  facilityCode: z.string().nullable(),
  facilityName: z.string().nullable(),
  status: z.enum(BIRTH_STATUSES),
  cancelReason: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type BirthRecord = z.output<typeof birthRecord>;

/** The child's coverage today, as the eligibility engine decides it. */
export const birthCoverage = z.object({
  date: z.string(),
  eligible: z.boolean(),
  basis: z.string().nullable(),
  reasons: z.array(z.object({ code: z.string(), severity: z.enum(['BLOCK', 'WARN', 'INFO']), message: z.string() })),
  rule: z.object({ code: z.string(), description: z.string() }).nullable(),
});

export const birthDetail = birthRecord.extend({ coverage: birthCoverage });
export type BirthDetail = z.output<typeof birthDetail>;

export const birthList = z.object({
  items: z.array(birthRecord),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type BirthList = z.output<typeof birthList>;
