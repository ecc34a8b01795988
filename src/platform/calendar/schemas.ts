import { z } from 'zod';
import { calendarDate, ok } from '../schemas.js';
import { DAY_OFF_KINDS } from './labels.js';
import { MAX_DEADLINE_HOURS } from './service.js';

/** The calendar's HTTP contract: days off and working-hour deadlines (SJP-1). The web imports the types. */

export const dayOffKind = z.enum(DAY_OFF_KINDS, {
  error: `Jenis hari libur harus salah satu dari: ${DAY_OFF_KINDS.join(', ')}.`,
});

export const dayOffEntry = z.object({
  date: z.string(),
  name: z.string(),
  source: z.enum(['NASIONAL', ...DAY_OFF_KINDS]),
});

export const dayOff = z.object({
  date: z.string(),
  name: z.string(),
  kind: dayOffKind,
  createdBy: z.number().nullable(),
  /** An instant (ISO string). */
  createdAt: z.string(),
});

export const daysOffQuery = z.object({
  year: z.coerce
    .number({ error: 'Tahun harus berupa angka.' })
    .int('Tahun harus bilangan bulat.')
    .min(1900, 'Tahun paling awal 1900.')
    .max(2200, 'Tahun paling akhir 2200.')
    .optional(),
});
export const daysOff = z.object({ year: z.number(), days: z.array(dayOffEntry) });

export const newDayOff = z.object({
  date: calendarDate,
  name: z
    .string()
    .trim()
    .min(1, 'Nama hari libur wajib diisi.')
    .max(200, 'Nama hari libur paling banyak 200 karakter.'),
  kind: dayOffKind,
});
export const dayOffParams = z.object({ date: calendarDate });
export const dayOffRemoved = ok.extend({ removed: dayOff });

export const deadlineQuery = z.object({
  start: z.iso.datetime({
    offset: true,
    error: 'Waktu mulai harus ISO 8601 dengan zona waktu, mis. 2026-03-20T15:00:00+07:00.',
  }),
  hours: z.coerce
    .number({ error: 'Jumlah jam harus berupa angka.' })
    .min(0, 'Jumlah jam tidak boleh negatif.')
    .max(MAX_DEADLINE_HOURS, `Jumlah jam paling banyak ${MAX_DEADLINE_HOURS}.`)
    .default(72),
});
export const deadline = z.object({
  start: z.string(),
  hours: z.number(),
  /** UTC instant. */
  deadline: z.string(),
  /** The same instant on the Jakarta wall clock (+07:00). */
  deadlineJakarta: z.string(),
  deadlineDate: z.string(),
});

export type DayOffEntry = z.output<typeof dayOffEntry>;
export type DayOff = z.output<typeof dayOff>;
export type DaysOff = z.output<typeof daysOff>;
export type NewDayOff = z.output<typeof newDayOff>;
export type Deadline = z.output<typeof deadline>;
