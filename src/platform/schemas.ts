import { z } from 'zod';

/**
 * The zod primitives every module's schemas share: one NIK, one calendar date, one amount of money.
 * This file imports nothing but zod, so the web app may import its types too.
 */

/** A 16-digit national identity number (NIK) or family-card number (KK). */
export const nik = z.string().regex(/^\d{16}$/, 'NIK harus 16 digit angka.');
export const noKk = z.string().regex(/^\d{16}$/, 'Nomor KK harus 16 digit angka.');

/** An optional NIK: absent, null or a valid NIK; always null when absent. */
export const optionalNik = nik
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** A calendar date as YYYY-MM-DD (business dates are in Asia/Jakarta). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD.');

/** A calendar date that exists (rejects 2026-02-30). */
export const calendarDate = z.iso.date({ error: 'Tanggal harus berformat YYYY-MM-DD dan merupakan tanggal yang ada.' });

/** Whole rupiah; money is never a float. */
export const rupiah = z
  .number()
  .int('Jumlah uang harus bilangan bulat rupiah.')
  .min(0, 'Jumlah uang tidak boleh negatif.');

/** A positive numeric id in the path (`/:id`). */
export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Paging for list routes. */
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** Optional free text that becomes null when absent or blank. */
export function optionalText(max: number) {
  return z
    .string()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v == null || v.trim() === '' ? null : v.trim()));
}

/** The answer of a route that only confirms. */
export const ok = z.object({ ok: z.literal(true) });

/**
 * An instant (a timestamptz column) as the JSON carries it: ISO 8601 in UTC, as `Date.toISOString()`
 * writes it. The database hands back a Date; the response schema checks a string, so a service turns
 * the one into the other with `instantOf` (the JSON is the same as before).
 */
export const instant = z.string();

export function instantOf(d: Date): string;
export function instantOf(d: Date | null): string | null;
export function instantOf(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null;
}
