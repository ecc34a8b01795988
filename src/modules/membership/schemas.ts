import { z } from 'zod';
import { instant, ok } from '../../platform/schemas.js';
import {
  BASES,
  CARD_STATUSES,
  CHANGE_KINDS,
  CHANGE_SOURCES,
  JKN_SEGMENTS,
  MANUAL_CHANGE_KINDS,
  SELF_CHECK_STATUSES,
  SEVERITIES,
  TIMELINE_CATEGORIES,
  WITHDRAWABLE,
} from './labels.js';

/**
 * The membership module's HTTP contract: eligibility (docs/contracts/eligibility-api.md), the
 * citizen's self-check, program settings and a person's timeline and changes. The web app imports the
 * types (`import type … from '@server/modules/membership/schemas'`); the routes import the schemas.
 */

export { ok };

export const basis = z.enum(BASES);
export const severity = z.enum(SEVERITIES);
export const cardStatus = z.enum(CARD_STATUSES);

// ---- eligibility (MEM-3, MEM-4) ----

/** NIK and date are checked by the service, so that the contract's own codes (INVALID_NIK, INVALID_DATE) come back. */
export const eligibilityQuery = z.object({ nik: z.string().default(''), date: z.string().optional() });
export const eligibilityBatchBody = z.object({
  date: z.string().optional(),
  niks: z.array(z.string()).min(1).max(1000),
});

export const reason = z.object({ code: z.string(), severity, message: z.string() });

export const decision = z.object({
  nik: z.string(),
  date: z.string(),
  eligible: z.boolean(),
  basis: basis.nullable(),
  person: z
    .object({ name: z.string(), sex: z.enum(['L', 'P']), birthDate: z.string(), familyNumber: z.string() })
    .nullable(),
  card: z.object({ number: z.string().nullable(), status: cardStatus }).nullable(),
  jkn: z.object({ segment: z.string(), status: z.enum(['AKTIF', 'NONAKTIF']), cardNumber: z.string() }).nullable(),
  reasons: z.array(reason),
  rule: z.object({ code: z.string(), description: z.string() }).nullable(),
  settingsEffectiveFrom: z.string().nullable(),
});
export const decisionBatch = z.object({ results: z.array(decision) });

// ---- self-check (MEM-9) ----

/** Public: NIK and family card number in the body (never in a URL); normalised and checked by the service. */
export const selfCheckBody = z.object({ nik: z.string().max(40), noKk: z.string().max(40) });
export const selfCheckAnswer = z.object({
  status: z.enum(SELF_CHECK_STATUSES),
  title: z.string(),
  nextSteps: z.array(z.string()),
  card: cardStatus.nullable(),
  date: z.string(),
});

// ---- program settings (MEM-3) ----

export const programSetting = z.object({
  id: z.number(),
  effectiveFrom: z.string(),
  bases: z.array(basis),
  excludedSegments: z.array(z.enum(JKN_SEGMENTS)),
  note: z.string(),
});
export const programSettings = z.object({
  current: programSetting.nullable(),
  scheduled: z.array(programSetting),
  history: z.array(programSetting),
});
/** Codes are strings here: an unknown basis or segment is a refusal with words (SETTING_REFUSED), not a 400. */
export const newSetting = z.object({
  effectiveFrom: z.string(),
  bases: z.array(z.string()).max(4),
  excludedSegments: z.array(z.string()).max(6),
  note: z.string().max(500).default(''),
});
export const created = z.object({ id: z.number() });
export const settingParams = z.object({ id: z.coerce.number().int() });

// ---- timeline and changes (MEM-6) ----

export const nikParams = z.object({ nik: z.string() });

export const manualChange = z.object({
  kind: z.enum(MANUAL_CHANGE_KINDS),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal berlaku harus berformat YYYY-MM-DD.'),
  reason: z.string().max(500),
  withdraws: z.enum(WITHDRAWABLE).optional(),
});

export const timelineEvent = z.object({
  date: z.string(),
  kind: z.string(),
  category: z.enum(TIMELINE_CATEGORIES),
  title: z.string(),
  /** A recorded change's source, time and officer; absent for the other registers' events. */
  source: z.enum(CHANGE_SOURCES).optional(),
  recordedAt: instant.optional(),
  recordedBy: z.string().nullable().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export const coveragePeriod = z.object({
  date: z.string(),
  until: z.string().nullable(),
  eligible: z.boolean(),
  basis: z.string().nullable(),
  rule: z.string().nullable(),
  reason: z.string().nullable().optional(),
});
export const timeline = z.object({
  nik: z.string(),
  today: z.string(),
  events: z.array(timelineEvent),
  coverage: z.array(coveragePeriod),
});

export const changeKind = z.enum(CHANGE_KINDS);

export type Severity = z.output<typeof severity>;
export type Basis = z.output<typeof basis>;
export type CardStatus = z.output<typeof cardStatus>;
export type EligibilityDecision = z.output<typeof decision>;
export type SelfCheckAnswer = z.output<typeof selfCheckAnswer>;
export type ProgramSetting = z.output<typeof programSetting>;
export type ProgramSettingsAnswer = z.output<typeof programSettings>;
export type NewSettingInput = z.output<typeof newSetting>;
export type ManualChangeInput = z.output<typeof manualChange>;
export type TimelineEvent = z.output<typeof timelineEvent>;
export type Timeline = z.output<typeof timeline>;
