import { z } from 'zod';
import { paging } from '../../platform/schemas.js';
import { SIGNAL_KINDS } from './labels.js';

/**
 * The misuse-signal routes' contract (MEM-10): request and response schemas, and the evidence each kind
 * carries, for the web app's types (`import type` from '@server/modules/signals/schemas').
 */

/** A district (or finer) area code to narrow the signals to; absent: the whole region. */
const area = z
  .string()
  .regex(/^\d{4,10}$/, 'Kode wilayah harus 4–10 digit.')
  .optional()
  .transform((v) => v ?? null);

export const summaryQuery = z.object({ area });
export const kindParams = z.object({ kind: z.enum(SIGNAL_KINDS) });
export const listQuery = z.object({ area, ...paging });
export type ListQuery = z.output<typeof listQuery>;

const kindSummary = z.object({ kind: z.enum(SIGNAL_KINDS), title: z.string(), action: z.string(), total: z.number() });
export const summary = z.object({ kinds: z.array(kindSummary) });

export const signalItem = z.object({
  nik: z.string(),
  name: z.string().nullable(),
  villageCode: z.string().nullable(),
  since: z.string().nullable(),
  /** What the signal rests on; its shape depends on the kind (the evidence schemas below). */
  evidence: z.record(z.string(), z.unknown()),
});

export const signalList = kindSummary.extend({
  page: z.number(),
  pageSize: z.number(),
  items: z.array(signalItem),
});

// The evidence of each kind, as repo.ts builds it in SQL (jsonb): timestamps arrive as ISO strings.

export const deathEvidence = z.object({
  deathDate: z.string(),
  checks: z.number(),
  facilities: z.array(z.string()),
  lastCheckAt: z.string(),
  lastServiceDate: z.string(),
});

export const twoFamiliesEvidence = z.object({
  currentKk: z.string().nullable(),
  cards: z.array(z.object({ number: z.string(), kk: z.string() })),
});

export const pbiEvidence = z.object({
  card: z.string(),
  segment: z.string(),
  jknSince: z.string(),
  cardIssuedOn: z.string(),
  coverageAtIssue: z.string().nullable(),
});

const stay = z.object({
  facility: z.string(),
  admittedAt: z.string(),
  endedAt: z.string().nullable(),
  ref: z.string(),
});
export const twoHospitalsEvidence = z.object({ stays: z.array(z.object({ first: stay, second: stay })) });

export type SignalSummary = z.output<typeof summary>;
export type SignalList = z.output<typeof signalList>;
export type SignalItem = z.output<typeof signalItem>;
export type Stay = z.output<typeof stay>;
/** The evidence of each kind of signal. */
export interface EvidenceOf {
  CARD_USED_AFTER_DEATH: z.output<typeof deathEvidence>;
  PERSON_IN_TWO_FAMILIES: z.output<typeof twoFamiliesEvidence>;
  PBI_WITH_ACTIVE_CARD: z.output<typeof pbiEvidence>;
  TWO_HOSPITALS_AT_ONCE: z.output<typeof twoHospitalsEvidence>;
}
export type { SignalKind } from './labels.js';
