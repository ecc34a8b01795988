import { z } from 'zod';
import { idParams } from '../../platform/schemas.js';
import { CATEGORIES, LETTER_STATES, LETTER_STATUSES } from './labels.js';

/**
 * The recommendation routes' contract (DIN-1): request and response schemas for validation, serialisation,
 * the OpenAPI document and the web app's types (`import type` from '@server/modules/dinsos/schemas').
 * Imports only zod, the platform's primitives and labels.ts.
 */

export { idParams };

/** A date as typed into a form; the rules (rules/letter.ts, rules/validity.ts) say what is wrong with it in words. */
const date = z.string().max(20);

// ---- requests

export const listQuery = z.object({
  q: z.string().max(100).optional(),
  status: z.enum(LETTER_STATES).optional(),
  category: z.enum(CATEGORIES).optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListQuery = z.output<typeof listQuery>;

/** The NIK is checked by the rule (nikProblem), which explains a wrong one in words; spaces and dots are allowed. */
export const lookupQuery = z.object({ nik: z.string().max(40) });

export const createBody = z.object({
  nik: z.string().max(40),
  category: z.string().max(40),
  reason: z.string().max(500),
  institution: z.string().max(200).nullish(),
  validFrom: date.nullish(),
  validTo: date.nullish(),
  person: z
    .object({
      name: z.string().max(100).nullish(),
      birthDate: date.nullish(),
      sex: z.string().max(1).nullish(),
      address: z.string().max(400).nullish(),
    })
    .nullish(),
});
export type CreateLetter = z.output<typeof createBody>;

export const revokeBody = z.object({ reason: z.string().max(500), revokedOn: date.nullish() });
export type RevokeRequest = z.output<typeof revokeBody>;

export const codeParams = z.object({ code: z.string().max(64) });

// ---- responses

export const letterListItem = z.object({
  id: z.number(),
  number: z.string(),
  nik: z.string(),
  personName: z.string(),
  category: z.enum(CATEGORIES),
  institution: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(LETTER_STATUSES),
  state: z.enum(LETTER_STATES),
  revokedOn: z.string().nullable(),
  issuedOn: z.string(),
  issuerName: z.string(),
});

export const letterDetail = letterListItem.extend({
  sex: z.enum(['L', 'P']),
  birthDate: z.string(),
  noKk: z.string().nullable(),
  address: z.string().nullable(),
  inPopulation: z.boolean(),
  reason: z.string(),
  coverageEnd: z.string().nullable(),
  revokeReason: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  verifyCode: z.string(),
  verifyUrl: z.string(),
  issuedAt: z.string(),
  nikWarnings: z.array(z.string()),
});

export const letterPage = z.object({ items: z.array(letterListItem), total: z.number() });

/** A category as the create form offers it, with its validity for a letter starting today. */
export const categoryInfo = z.object({
  code: z.enum(CATEGORIES),
  label: z.string(),
  specialGroup: z.boolean(),
  unit: z.enum(['month', 'day']),
  defaultLength: z.number(),
  maxLength: z.number(),
  defaultValidTo: z.string(),
  maxValidTo: z.string(),
});

export const lookup = z.object({
  nik: z.string(),
  today: z.string(),
  person: z
    .object({
      name: z.string(),
      sex: z.enum(['L', 'P']),
      birthDate: z.string(),
      noKk: z.string(),
      address: z.string().nullable(),
      deathDate: z.string().nullable(),
      movedOutDate: z.string().nullable(),
      resident: z.boolean(),
      nikWarnings: z.array(z.string()),
    })
    .nullable(),
  letters: z.array(letterListItem),
  categories: z.array(categoryInfo),
});

export const publicVerification = z.object({
  valid: z.boolean(),
  status: z.enum(LETTER_STATES),
  initials: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
});

export type LetterListItem = z.output<typeof letterListItem>;
export type LetterDetail = z.output<typeof letterDetail>;
export type LetterPage = z.output<typeof letterPage>;
export type CategoryInfo = z.output<typeof categoryInfo>;
export type Lookup = z.output<typeof lookup>;
export type PublicVerification = z.output<typeof publicVerification>;
export type { Category, LetterState } from './labels.js';
