import { z } from 'zod';

/** Every work counter a home page can show; the web app holds each one's words and link. */
export const COUNTER_KEYS = [
  'sjp.toDecide',
  'sjp.late',
  'sjp.needsCompletion',
  'sjp.drafts',
  'reconciliation.pending',
  'referrals.flagged',
  'referrals.incoming',
  'referrals.outgoing',
  'agreements.expiring',
  'signals.open',
  'letters.expiring',
  'cards.toPrint',
  'cards.toHandOver',
  'users.locked',
  'users.notStarted',
] as const;
export type CounterKey = (typeof COUNTER_KEYS)[number];

export const counterSchema = z.object({
  key: z.enum(COUNTER_KEYS),
  value: z.number().int(),
  /** The nearest deadline behind the counter: an instant (SJP) or a date (agreements, letters). */
  due: z.string().nullable(),
  /** 'alert' when the work is overdue or urgent, so the tile stands out. */
  tone: z.enum(['alert', 'normal']),
});

export const figuresSchema = z.object({
  date: z.string(),
  residents: z.number().int(),
  members: z.number().int(),
  pendingEktp: z.number().int(),
  jknActive: z.number().int(),
  jknRegistered: z.number().int(),
  cardsActive: z.number().int(),
});

export const dashboardSchema = z.object({
  date: z.string(),
  facilityCode: z.string().nullable(),
  counters: z.array(counterSchema),
  figures: figuresSchema.nullable(),
});

export type Counter = z.infer<typeof counterSchema>;
export type Dashboard = z.infer<typeof dashboardSchema>;
