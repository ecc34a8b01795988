import { z } from 'zod';
import type { App } from '../http/app.js';
import { DAY_OFF_KINDS } from './repo.js';
import { jakartaDateTime, todayJakarta } from './rules/jakarta.js';
import { type CalendarService, MAX_DEADLINE_HOURS } from './service.js';

const isoDate = z.iso.date({ error: 'Tanggal harus berformat YYYY-MM-DD dan merupakan tanggal yang ada.' });
const kind = z.enum(DAY_OFF_KINDS, { error: `Jenis hari libur harus salah satu dari: ${DAY_OFF_KINDS.join(', ')}.` });

const dayOffEntry = z.object({
  date: z.string(),
  name: z.string(),
  source: z.enum(['NASIONAL', ...DAY_OFF_KINDS]),
});

const dayOff = z.object({
  date: z.string(),
  name: z.string(),
  kind,
  createdBy: z.number().nullable(),
  createdAt: z.string(),
});

export function calendarRoutes(app: App, calendar: CalendarService) {
  app.get(
    '/api/v1/calendar/days-off',
    {
      config: { permission: 'areas.read' },
      schema: {
        tags: ['calendar'],
        summary: 'Hari libur nasional dan hari libur tambahan dalam satu tahun',
        querystring: z.object({
          year: z.coerce
            .number({ error: 'Tahun harus berupa angka.' })
            .int('Tahun harus bilangan bulat.')
            .min(1900, 'Tahun paling awal 1900.')
            .max(2200, 'Tahun paling akhir 2200.')
            .optional(),
        }),
        response: { 200: z.object({ year: z.number(), days: z.array(dayOffEntry) }) },
      },
    },
    async (req) => {
      const year = req.query.year ?? Number(todayJakarta().slice(0, 4));
      return { year, days: await calendar.listDaysOff(year) };
    },
  );

  app.post(
    '/api/v1/calendar/days-off',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Tambah hari libur (cuti bersama, libur lokal, libur nasional tambahan)',
        body: z.object({
          date: isoDate,
          name: z
            .string()
            .trim()
            .min(1, 'Nama hari libur wajib diisi.')
            .max(200, 'Nama hari libur paling banyak 200 karakter.'),
          kind,
        }),
        response: { 201: dayOff },
      },
    },
    async (req, reply) => {
      const created = await calendar.createDayOff(req.body, req.ctx.actor?.id ?? null);
      return reply.code(201).send({ ...created, createdAt: created.createdAt.toISOString() });
    },
  );

  app.delete(
    '/api/v1/calendar/days-off/:date',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Hapus hari libur tambahan',
        params: z.object({ date: isoDate }),
        response: { 200: z.object({ ok: z.literal(true), removed: dayOff }) },
      },
    },
    async (req) => {
      const removed = await calendar.deleteDayOff(req.params.date);
      return { ok: true as const, removed: { ...removed, createdAt: removed.createdAt.toISOString() } };
    },
  );

  app.get(
    '/api/v1/calendar/deadline',
    {
      config: { permission: 'areas.read' },
      schema: {
        tags: ['calendar'],
        summary: 'Batas waktu setelah sejumlah jam kerja (mis. 3×24 jam kerja, SJP-1)',
        querystring: z.object({
          start: z.iso.datetime({
            offset: true,
            error: 'Waktu mulai harus ISO 8601 dengan zona waktu, mis. 2026-03-20T15:00:00+07:00.',
          }),
          hours: z.coerce
            .number({ error: 'Jumlah jam harus berupa angka.' })
            .min(0, 'Jumlah jam tidak boleh negatif.')
            .max(MAX_DEADLINE_HOURS, `Jumlah jam paling banyak ${MAX_DEADLINE_HOURS}.`)
            .default(72),
        }),
        response: {
          200: z.object({
            start: z.string(),
            hours: z.number(),
            /** UTC instant. */
            deadline: z.string(),
            /** The same instant on the Jakarta wall clock (+07:00). */
            deadlineJakarta: z.string(),
            deadlineDate: z.string(),
          }),
        },
      },
    },
    async (req) => {
      const start = new Date(req.query.start);
      const deadline = await calendar.deadline(start, req.query.hours);
      const wall = jakartaDateTime(deadline);
      return {
        start: start.toISOString(),
        hours: req.query.hours,
        deadline: deadline.toISOString(),
        deadlineJakarta: wall.iso,
        deadlineDate: wall.date,
      };
    },
  );
}
