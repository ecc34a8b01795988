import { z } from 'zod';

/**
 * The ICD-10 routes' contract: request and response schemas for validation, serialisation, the OpenAPI
 * document and the web app's types (`import type` from '@server/modules/icd/schemas'). Imports only zod.
 */

/** The two reference lists the office loads from CSV (kode,judul). */
export const REFERENCE_LISTS = ['icd10', 'competency'] as const;
export type ReferenceList = (typeof REFERENCE_LISTS)[number];

// ---- requests

export const searchQuery = z.object({
  q: z.string().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const codeParams = z.object({ code: z.string().max(20) });
export const loadBody = z.object({ list: z.enum(REFERENCE_LISTS), csv: z.string().max(5_000_000) });

// ---- responses

/** A diagnosis and whether it is on the primary-care competency list (REF-6). */
export const icdItem = z.object({ code: z.string(), title: z.string(), primaryCare: z.boolean() });
export type IcdItem = z.output<typeof icdItem>;
export const icdSearch = z.object({ items: z.array(icdItem) });
export const competencyList = z.object({ items: z.array(z.object({ code: z.string(), title: z.string() })) });
export type CompetencyList = z.output<typeof competencyList>;
export const loaded = z.object({ list: z.enum(REFERENCE_LISTS), rows: z.number() });
export type Loaded = z.output<typeof loaded>;
