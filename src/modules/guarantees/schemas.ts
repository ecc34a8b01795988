import { z } from 'zod';
import { idParams, isoDate, nik, optionalNik, paging } from '../../platform/schemas.js';
import {
  ACTION_KINDS,
  CARE_TYPES,
  INTENSIVE_UNITS,
  LATE_POLICIES,
  PLACED_CLASSES,
  REJECT_REASONS,
  REQUIREMENTS,
  STATUSES,
  type ActionKind,
  type RejectReason,
  type Requirement,
} from './labels.js';
import { recordBirthBody } from '../births/schemas.js';

/**
 * The SJP module's HTTP contract: the request and response schema of every route. The server
 * validates and serialises with these; the web app imports the types (`import type`).
 */

const nullableText = (max: number) =>
  z
    .string()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => v ?? null);
const optionalId = z
  .number()
  .int()
  .positive()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const requirement = z.enum(Object.keys(REQUIREMENTS) as [Requirement, ...Requirement[]]);
export const documentRefs = z.array(z.object({ requirement, documentId: z.number().int().positive() })).max(30);

// ---- requests ----

// The birth a newborn request records is the births module's own body (one contract, MEM-3.2); the
// mother's NIK is required here because the newborn's SJP rides on the mother's membership (SJP-4).
export const newbornBody = recordBirthBody.extend({ motherNik: nik });

export const createSjpBody = z.object({
  nik: optionalNik,
  careType: z.enum(CARE_TYPES),
  admittedAt: z.string().min(10).max(40),
  diagnosisCode: z.string().min(1).max(10),
  diagnosisText: nullableText(200),
  facilityCode: nullableText(40),
  referralId: optionalId,
  documents: documentRefs.default([]),
  submit: z.boolean().default(false),
  /** SJP-6: a self-pay patient switching to Jamkesda mid-stay; costs before this instant are the patient's. */
  costCutoffAt: nullableText(40),
  /** SJP-4: the birth to record with a newborn request. */
  newborn: newbornBody
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type NewSjp = z.output<typeof createSjpBody>;
export type NewSjpInput = z.input<typeof createSjpBody>;

export const listSjpQuery = z.object({
  q: z.string().max(100).optional(),
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(STATUSES)).optional()),
  ...paging,
});
export type SjpListFilter = z.output<typeof listSjpQuery>;

export const settingBody = z.object({
  effectiveFrom: isoDate,
  latePolicy: z.enum(LATE_POLICIES),
  note: z.string().max(500),
});
export type NewSetting = z.output<typeof settingBody>;

export const sjpParams = idParams;
export const attachBody = z.object({ documents: documentRefs });
export type DocumentRefs = z.output<typeof documentRefs>;
export const cancelBody = z.object({ reason: z.string().max(500) });
export const approveBody = z
  .object({
    validTo: isoDate
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .default({
    validTo: null,
  });
export type ApproveInput = z.output<typeof approveBody>;
export const completionBody = z.object({
  missing: z.array(requirement).max(10).default([]),
  note: nullableText(500),
});
export type CompletionInput = z.output<typeof completionBody>;
export const rejectBody = z.object({
  code: z.enum(Object.keys(REJECT_REASONS) as [RejectReason, ...RejectReason[]]),
  note: nullableText(500),
});
export type RejectInput = z.output<typeof rejectBody>;

export const actionBody = z.object({
  kind: z.enum(Object.keys(ACTION_KINDS) as [ActionKind, ...ActionKind[]]),
  unit: z.enum(INTENSIVE_UNITS),
  description: z.string().max(500),
  plannedOn: isoDate,
  documentId: optionalId,
});
export type ActionInput = z.output<typeof actionBody>;
export const actionParams = z.object({
  id: z.coerce.number().int().positive(),
  actionId: z.coerce.number().int().positive(),
});
export const decideActionBody = z.object({ approve: z.boolean(), note: nullableText(500) });
export type DecideActionInput = z.output<typeof decideActionBody>;
export const depositBody = z.object({
  amount: z.number(),
  paidOn: isoDate,
  documentId: optionalId,
  note: nullableText(300),
});
export type DepositInput = z.output<typeof depositBody>;
export const placementBody = z.object({ placedClass: z.enum(PLACED_CLASSES), since: z.string().max(40) });
export type PlacementInput = z.output<typeof placementBody>;
export const trackParams = z.object({ code: z.string().max(64) });

// ---- responses (dates and instants go out as ISO text) ----

export const sjpSummary = z.object({
  id: z.number(),
  trackingCode: z.string(),
  number: z.string().nullable(),
  nik: z.string().nullable(),
  patientName: z.string(),
  facilityCode: z.string(),
  facilityName: z.string(),
  careType: z.enum(CARE_TYPES),
  admittedAt: z.string(),
  admissionDate: z.string(),
  diagnosisCode: z.string(),
  diagnosisText: z.string().nullable(),
  careClass: z.string(),
  basis: z.enum(['CARD', 'RECOMMENDATION']),
  referralId: z.number().nullable(),
  birthId: z.number().nullable(),
  origin: z.enum(['FACILITY', 'OFFICE']),
  status: z.enum(STATUSES),
  dueAt: z.string(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  lateHours: z.number().nullable(),
  /** "1 hari 2 jam kerja" when submitted late; null when on time or not submitted. */
  lateLabel: z.string().nullable(),
  missing: z.array(z.string()),
  completionNote: z.string().nullable(),
  rejectCode: z.string().nullable(),
  rejectLabel: z.string().nullable(),
  rejectNote: z.string().nullable(),
  cancelReason: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SjpSummary = z.output<typeof sjpSummary>;

export const sjpDocument = z.object({
  requirement: z.string(),
  documentId: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  addedAt: z.string(),
  /** The newer upload that replaces this one; null for the copy in force. */
  replacedBy: z.number().nullable(),
  /** Asked again by the officer (open completion request) and older than the request. */
  flagged: z.boolean(),
});
export type SjpDocument = z.output<typeof sjpDocument>;

export const sjpAction = z.object({
  id: z.number(),
  kind: z.string(),
  unit: z.string(),
  description: z.string(),
  plannedOn: z.string(),
  handledOn: z.string(),
  documentId: z.number().nullable(),
  status: z.string(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  requestedBy: z.string().nullable(),
  createdAt: z.string(),
});

export const sjpDeposit = z.object({
  id: z.number(),
  amount: z.number(),
  paidOn: z.string(),
  documentId: z.number().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
});

export const sjpDetail = sjpSummary.extend({
  hoursLeft: z.number(),
  /** "sisa 2 hari 3 jam kerja" (server-side, from the working-hours calendar). */
  timeLeft: z.string(),
  diagnosisTitle: z.string().nullable(),
  eligibility: z
    .object({
      date: z.string(),
      eligible: z.boolean(),
      basis: z.string().nullable(),
      rule: z.string().nullable(),
      reasons: z.array(z.string()),
    })
    .nullable(),
  checklist: z.array(z.object({ code: z.string(), label: z.string(), present: z.boolean() })),
  documents: z.array(sjpDocument),
  events: z.array(
    z.object({ at: z.string(), status: z.string(), note: z.string().nullable(), actor: z.string().nullable() }),
  ),
  costCutoffAt: z.string().nullable(),
  placedClass: z.string().nullable(),
  placedSince: z.string().nullable(),
  actions: z.array(sjpAction),
  deposits: z.array(sjpDeposit),
  letterUrl: z.string().nullable(),
});
export type SjpDetail = z.output<typeof sjpDetail>;

export const sjpList = z.object({
  items: z.array(sjpSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type SjpList = z.output<typeof sjpList>;

export const QUEUE_BUCKETS = ['LATE', 'DUE_SOON', 'AWAITING_COMPLETION', 'TO_DECIDE'] as const;
export const sjpQueueItem = sjpSummary.extend({
  hoursLeft: z.number(),
  timeLeft: z.string(),
  buckets: z.array(z.enum(QUEUE_BUCKETS)),
});
export type SjpQueueItem = z.output<typeof sjpQueueItem>;
export const sjpQueue = z.object({
  late: z.array(sjpQueueItem),
  dueSoon: z.array(sjpQueueItem),
  awaitingCompletion: z.array(sjpQueueItem),
  toDecide: z.array(sjpQueueItem),
});
export type SjpQueue = z.output<typeof sjpQueue>;

export const sjpSettings = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      effectiveFrom: z.string(),
      latePolicy: z.enum(LATE_POLICIES),
      note: z.string(),
      createdAt: z.string(),
    }),
  ),
  current: z.object({ policy: z.enum(LATE_POLICIES), effectiveFrom: z.string().nullable() }),
});
export type SjpSettings = z.output<typeof sjpSettings>;
export const settingCreated = z.object({ id: z.number() });

/** Public tracking: status and dates only, no personal data. */
export const sjpTracking = z.object({
  status: z.enum(STATUSES),
  number: z.string().nullable(),
  careType: z.enum(CARE_TYPES),
  facilityName: z.string(),
  admissionDate: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), status: z.string() })),
});
export type SjpTracking = z.output<typeof sjpTracking>;
