import { z } from 'zod';
import { idParams, paging } from '../../platform/schemas.js';
import {
  CARD_STATUSES,
  END_REASONS,
  ISSUE_REASONS,
  LAYOUTS,
  PRINT_STATES,
  REISSUE_FLAGS,
  REISSUE_REASONS,
  REVOKE_REASONS,
} from './labels.js';

/**
 * The card routes' contract: request and response schemas for validation, serialisation, the OpenAPI
 * document and the web app's types (`import type` from '@server/modules/cards/schemas'). Imports only zod,
 * the platform's primitives and labels.ts, so the web typecheck never reaches server code.
 */

/** Most cards in one PDF or print batch: 63 A4 sheets, or 1,000 card-size pages. */
export const MAX_BATCH = 500;

export const status = z.enum(CARD_STATUSES);
export const printState = z.enum(PRINT_STATES);
export const layout = z.enum(LAYOUTS);

// ---- requests

export { idParams };
/** The platform's paging, with a bound on the page so an offset stays reasonable. */
const page = { ...paging, page: z.coerce.number().int().min(1).max(100_000).default(1) };
export const codeParams = z.object({ code: z.string().max(64) });
export const noKkParams = z.object({ noKk: z.string().max(20) });
export const findQuery = z.object({ q: z.string().min(1).max(40) });
export const issueBody = z.object({ noKk: z.string().max(20) });
export const bulkIssueBody = z.object({ areaCode: z.string().max(20) });

export const queueQuery = z.object({
  area: z.string().max(20).optional(),
  issuedFrom: z.string().max(10).optional(),
  issuedTo: z.string().max(10).optional(),
  status: z.enum([...CARD_STATUSES, 'ALL']).default('ACTIVE'),
  printState: printState.optional(),
  printBatchId: z.coerce.number().int().positive().optional(),
  /** "true": only cards that need reissuing (perlu cetak ulang). */
  needsReissue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  ...page,
});
export type QueueQuery = z.output<typeof queueQuery>;

export const areaQuery = z.object({ area: z.string().max(20).optional() });
export const reissueFlaggedBody = z.object({
  areaCode: z.string().max(20).optional(),
  expected: z.number().int().min(1),
});

const note = z.string().max(500);
export const reissueBody = z.object({ reason: z.enum(REISSUE_REASONS), note });
export const revokeBody = z.object({ reason: z.enum(REVOKE_REASONS), note });
export const handoverBody = z.object({ to: z.string().max(120), on: z.string().max(10).optional() });
export type HandoverInput = z.output<typeof handoverBody>;

export const cardPdfQuery = z.object({ layout: layout.default('CARD') });
export const cardIdsBody = z.object({
  cardIds: z.array(z.number().int().positive()).min(1).max(MAX_BATCH),
  layout,
});
export const batchPdfQuery = z.object({ layout: layout.optional() });
export const batchesQuery = z.object(page);

// ---- responses

export const verification = z.object({
  valid: z.boolean(),
  status: z.enum([...CARD_STATUSES, 'UNKNOWN']),
  initials: z.string().nullable(),
  issuedOn: z.string().nullable(),
});

export const areaTree = z.object({
  districts: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      regency: z.string().nullable(),
      villages: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
});

export const found = z.object({ noKk: z.string() });

export const member = z.object({
  nik: z.string(),
  name: z.string(),
  relation: z.string(),
  birthDate: z.string(),
  sex: z.enum(['L', 'P']),
  included: z.boolean(),
  pendingReason: z.enum(['PENDING_EKTP']).nullable(),
  /** Coverage on the issue date (decision 0020); null on cards issued before it was recorded. */
  coverage: z.enum(['COVERED', 'PBI_JKN']).nullable(),
  coverageBasis: z.string().nullable(),
  coverageRule: z.string().nullable(),
  jknSegment: z.string().nullable(),
});

/** Why a card needs reissuing ("perlu cetak ulang"), with how many members it concerns. */
export const flag = z.object({ reason: z.enum(REISSUE_FLAGS), label: z.string(), members: z.number() });

export const cardSchema = z.object({
  id: z.number(),
  number: z.string(),
  noKk: z.string(),
  status,
  issuedOn: z.string(),
  endedOn: z.string().nullable(),
  regionCode: z.string(),
  regencyName: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  districtName: z.string().nullable(),
  headName: z.string(),
  address: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  issueReason: z.enum(ISSUE_REASONS),
  issueNote: z.string().nullable(),
  issuedBy: z.string().nullable(),
  replacesCardId: z.number().nullable(),
  replacedByCardId: z.number().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  endNote: z.string().nullable(),
  endedBy: z.string().nullable(),
  printState,
  printedOn: z.string().nullable(),
  printBatchId: z.number().nullable(),
  handedOverOn: z.string().nullable(),
  handedOverTo: z.string().nullable(),
  memberCount: z.number(),
  includedCount: z.number(),
  verifyUrl: z.string(),
  members: z.array(member).optional(),
  /** In the print queue: why the card needs reissuing ("perlu cetak ulang"); empty when it does not. */
  reissueFlags: z.array(flag).optional(),
});

export const familySchema = z.object({
  noKk: z.string(),
  date: z.string(),
  head: z.object({ name: z.string() }).nullable(),
  villageCode: z.string().nullable(),
  villageName: z.string().nullable(),
  districtName: z.string().nullable(),
  members: z.array(member.extend({ ektpRecorded: z.boolean() })),
  /** Current members a new card would leave off (not covered for a reason other than JKN-PBI), with the reason. */
  leftOff: z.array(
    z.object({ nik: z.string(), name: z.string(), relation: z.string(), birthDate: z.string(), why: z.string() }),
  ),
  includedCount: z.number(),
  coveredCount: z.number(),
  canIssue: z.boolean(),
  active: cardSchema.nullable(),
  outdated: z.boolean(),
  reissueFlags: z.array(flag),
  history: z.array(cardSchema),
});

export const queuePage = z.object({
  items: z.array(cardSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  totals: z.object({
    all: z.number(),
    BELUM_CETAK: z.number(),
    SUDAH_CETAK: z.number(),
    SUDAH_DISERAHKAN: z.number(),
    /** Counted only when `needsReissue` is asked (the flag query reads every member of the area's cards). */
    PERLU_CETAK_ULANG: z.number().nullable(),
  }),
});

export const flaggedSummary = z.object({
  area: z.string().nullable(),
  total: z.number(),
  byReason: z.array(z.object({ reason: z.enum(REISSUE_FLAGS), label: z.string(), cards: z.number() })),
});

export const jobStarted = z.object({ jobId: z.number() });
export const reissueJobStarted = z.object({ jobId: z.number(), cards: z.number() });

export const batchCreated = z.object({ id: z.number(), cardCount: z.number(), layout });

export const printBatch = z.object({
  id: z.number(),
  layout,
  cardCount: z.number(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  handedOver: z.number(),
  stillActive: z.number(),
});

export const batchPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(printBatch),
});

/** The result a bulk-issue job stores (read back through the jobs API). */
export const bulkIssueResult = z.object({
  area: z.string(),
  /** Families in the area without an active card when the run began. */
  families: z.number(),
  issued: z.number(),
  /** Families refused because no member may be on a card yet (no e-KTP recorded). */
  noMemberWithEktp: z.number(),
  /** Families refused because no current member is a Jamkesda member (all JKN-PBI, or no basis). */
  noMemberCovered: z.number(),
  /** Families that received a card from someone else while the run went on. */
  alreadyActive: z.number(),
});

/** The result a flagged-reissue job stores. */
export const reissueFlaggedResult = z.object({
  area: z.string().nullable(),
  /** Cards flagged when the run began. */
  flagged: z.number(),
  reissued: z.number(),
  /** Cards ended because nobody on them is covered any more (all died, moved or JKN-PBI). */
  revoked: z.number(),
  /** Covered members remain, but none with an e-KTP to be identified by: the card stays, still flagged. */
  skippedNoEktp: z.number(),
  /** Ended or no longer flagged by the time their turn came. */
  skipped: z.number(),
});

export type Verification = z.output<typeof verification>;
export type AreaTree = z.output<typeof areaTree>;
export type CardMember = z.output<typeof member>;
export type FlagCount = z.output<typeof flag>;
export type FamilyCard = z.output<typeof cardSchema>;
export type FamilyView = z.output<typeof familySchema>;
export type QueuePage = z.output<typeof queuePage>;
export type FlaggedSummary = z.output<typeof flaggedSummary>;
export type PrintBatch = z.output<typeof printBatch>;
export type BatchPage = z.output<typeof batchPage>;
export type BatchCreated = z.output<typeof batchCreated>;
export type Found = z.output<typeof found>;
export type JobStarted = z.output<typeof jobStarted>;
export type ReissueJobStarted = z.output<typeof reissueJobStarted>;
export type BulkIssueResult = z.output<typeof bulkIssueResult>;
export type ReissueFlaggedResult = z.output<typeof reissueFlaggedResult>;
export type Coverage = NonNullable<CardMember['coverage']>;
export type { CardStatus, Layout, PrintState, ReissueReason, RevokeReason } from './labels.js';
