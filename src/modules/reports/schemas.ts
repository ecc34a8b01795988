import { z } from 'zod';
import { isoDate } from '../../platform/schemas.js';
import type { Figure } from './labels.js';

/**
 * The report routes' contract (REP-5): request and response schemas, for validation, serialisation and the
 * web app's types (`import type` from '@server/modules/reports/schemas').
 */

export const membershipQuery = z.object({
  /** The day the figures describe; today (Asia/Jakarta) when absent. */
  date: isoDate.optional(),
  area: z
    .string()
    .regex(/^\d{4,10}$/, 'Kode wilayah harus 4–10 digit.')
    .optional(),
});

/** One count per figure of labels.ts; the type makes a figure added there fail here until it is described. */
const figureShape: Record<Figure, z.ZodNumber> = {
  residents: z.number(),
  members: z.number(),
  pendingEktp: z.number(),
  cardsActive: z.number(),
  cardsPrinted: z.number(),
  cardsHandedOver: z.number(),
  newborns: z.number(),
  recommendations: z.number(),
};
export const figures = z.object(figureShape);

export const membershipReport = z.object({
  date: z.string(),
  area: z.string().nullable(),
  /** The membership bases in force on the date (settings), e.g. RESIDENT, POOR. */
  bases: z.array(z.string()),
  totals: figures,
  districts: z.array(
    z.object({
      code: z.string(),
      name: z.string().nullable(),
      totals: figures,
      villages: z.array(z.object({ code: z.string(), name: z.string().nullable(), figures })),
    }),
  ),
});

export type Figures = z.output<typeof figures>;
export type MembershipReportData = z.output<typeof membershipReport>;
