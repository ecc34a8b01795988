import { z } from 'zod';
import { REISSUE_REASONS, REVOKE_REASONS } from './rules/lifecycle.js';
import { REISSUE_FLAGS } from './rules/reissue.js';

/** The shapes the card routes answer with: one schema per response, for validation, serialisation and the OpenAPI document. */

export const status = z.enum(['ACTIVE', 'REPLACED', 'REVOKED']);
export const printState = z.enum(['BELUM_CETAK', 'SUDAH_CETAK', 'SUDAH_DISERAHKAN']);
export const layout = z.enum(['CARD', 'A4']);

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
  issueReason: z.enum(['BARU', ...REISSUE_REASONS]),
  issueNote: z.string().nullable(),
  issuedBy: z.string().nullable(),
  replacesCardId: z.number().nullable(),
  replacedByCardId: z.number().nullable(),
  endReason: z.enum([...REISSUE_REASONS, ...REVOKE_REASONS]).nullable(),
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
