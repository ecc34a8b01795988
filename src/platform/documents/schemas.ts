import { z } from 'zod';
import { idParams } from '../schemas.js';

/** The documents' HTTP contract: supporting documents and the letterhead setting. The web app imports the types. */

export { idParams };

/** What an upload stored: attach the id to a record afterwards. */
export const storedDocument = z.object({
  id: z.number(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  fileName: z.string(),
  sha256: z.string(),
});

// ---- letterhead (kop surat) ----

export const REGION_KINDS = ['KOTA', 'KABUPATEN'] as const;

const optText = (max: number) =>
  z
    .string()
    .max(max, `Paling panjang ${max} huruf.`)
    .nullable()
    .optional()
    .transform((v) => v?.trim().replace(/\s+/g, ' ') || null);

export const letterheadBody = z.object({
  regionKind: z.enum(REGION_KINDS),
  /** The place name; a leading "Kota"/"Kabupaten" is dropped (the kind says it). */
  regionName: z
    .string()
    .transform((v) =>
      v
        .trim()
        .replace(/\s+/g, ' ')
        .replace(/^(kota|kabupaten|kab\.)\s+/i, ''),
    )
    .pipe(
      z
        .string()
        .min(2, 'Nama kota/kabupaten wajib diisi, misalnya "Bekasi".')
        .max(80, 'Nama kota/kabupaten paling panjang 80 huruf.'),
    ),
  healthOfficeAddress: optText(200),
  socialOfficeAddress: optText(200),
});

const letterhead = z.object({
  government: z.string(),
  office: z.string(),
  region: z.string().nullable(),
  head: z.string(),
  place: z.string().nullable(),
  address: z.string().nullable(),
});

export const letterheadAnswer = z.object({
  /** null until the administrator sets it: letters then take the population data's region. */
  setting: z
    .object({
      regionKind: z.enum(REGION_KINDS),
      regionName: z.string(),
      healthOfficeAddress: z.string().nullable(),
      socialOfficeAddress: z.string().nullable(),
      updatedAt: z.string().nullable(),
    })
    .nullable(),
  /** The heading each office's letters print now. */
  preview: z.object({ HEALTH: letterhead, SOCIAL: letterhead }),
});

export type StoredDocumentAnswer = z.output<typeof storedDocument>;
export type LetterheadInput = z.output<typeof letterheadBody>;
export type LetterheadAnswer = z.output<typeof letterheadAnswer>;
