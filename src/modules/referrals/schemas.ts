import { z } from 'zod';
import { idParams } from '../../platform/schemas.js';
import { KINDS, PROXIMITY, STATUSES, VERDICTS } from './labels.js';

/**
 * The referral routes' contract: request and response schemas for validation, serialisation, the OpenAPI
 * document and the web app's types (`import type` from '@server/modules/referrals/schemas'). Imports only
 * zod, the platform's primitives and labels.ts, so the web typecheck never reaches server code.
 */

// ---- requests

export { idParams };

/** Free text of a form; absent, null or a string. */
const text = z.string().max(4000).nullish();
/** "true" or "false" in a query string, false when absent. */
const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const destinationsQuery = z.object({ emergency: flag });
export type DestinationsQuery = z.output<typeof destinationsQuery>;

// The NIK is checked (and spaces or dots removed) by the service, so a typed-in NIK gets its own message.
export const newReferralBody = z.object({
  nik: z.string().max(40),
  diagnosisCode: z.string().max(20),
  kind: z.enum(KINDS),
  toFacilityCode: z.string().max(40),
  emergency: z.boolean().optional(),
  clinicalNotes: text,
  requestKey: z.string().max(80).nullish(),
});
export type NewReferralInput = z.output<typeof newReferralBody>;

export const emergencyBody = z.object({
  nik: z.string().max(40),
  diagnosisCode: z.string().max(20),
  clinicalNotes: text,
  requestKey: z.string().max(80).nullish(),
});
export type EmergencyInput = z.output<typeof emergencyBody>;

export const listQuery = z.object({
  direction: z.enum(['IN', 'OUT']).optional(),
  status: z.enum(STATUSES).optional(),
  flagged: flag,
  unreviewed: flag,
  nik: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListQuery = z.output<typeof listQuery>;

/** The receiving hospital's step: a reason (decline), or the patient's condition and follow-up (back-referral). */
export const actionBody = z.object({ reason: text, condition: text, followUp: text }).default({});
export type ActionInput = z.output<typeof actionBody>;

export const reviewBody = z.object({ verdict: z.enum(VERDICTS), note: z.string().max(2000) });

export const codeParams = z.object({ code: z.string().max(64) });

// ---- responses

export const reason = z.object({ code: z.string(), severity: z.string(), message: z.string() });

export const referral = z.object({
  id: z.number(),
  number: z.string(),
  nik: z.string(),
  personName: z.string(),
  fromFacilityCode: z.string().nullable(),
  fromFacilityName: z.string().nullable(),
  toFacilityCode: z.string(),
  toFacilityName: z.string(),
  kind: z.enum(KINDS),
  diagnosisCode: z.string(),
  diagnosisTitle: z.string(),
  status: z.enum(STATUSES),
  createdAt: z.string(),
  /** The creation date in Asia/Jakarta. */
  createdOn: z.string(),
  emergency: z.boolean(),
  eligible: z.boolean(),
  eligibilityBasis: z.string().nullable(),
  eligibilityReasons: z.array(reason),
  competencyFlag: z.boolean(),
  competencyReview: z
    .object({
      verdict: z.enum(VERDICTS),
      note: z.string(),
      reviewer: z.string(),
      reviewedAt: z.string(),
    })
    .nullable(),
  partner: z.boolean(),
  clinicalNotes: z.string(),
  bedConfirmedAt: z.string().nullable(),
  declinedReason: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  admittedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnCondition: z.string().nullable(),
  returnFollowUp: z.string().nullable(),
  verifyCode: z.string(),
  verifyUrl: z.string(),
  creatorName: z.string(),
});
export type Referral = z.output<typeof referral>;

export const referralList = z.object({ items: z.array(referral), total: z.number() });
export type ReferralList = z.output<typeof referralList>;

export const destination = z.object({
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  location: z.string().nullable(),
  partner: z.boolean(),
  freeBeds: z.number().nullable(),
  bedsReportedAt: z.string().nullable(),
  proximity: z.enum(PROXIMITY),
  proximityLabel: z.string(),
  rank: z.number(),
  available: z.boolean(),
  refusal: z.string().nullable(),
});
export type Destination = z.output<typeof destination>;

export const destinations = z.object({
  from: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  items: z.array(destination),
});
export type Destinations = z.output<typeof destinations>;

export const verification = z.object({
  valid: z.boolean(),
  status: z.enum(STATUSES),
  number: z.string(),
  initials: z.string(),
  issuedOn: z.string(),
});
export type Verification = z.output<typeof verification>;
