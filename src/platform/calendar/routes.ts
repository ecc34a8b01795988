import type { App } from '../http/app.js';
import { authorId, requireActor } from '../http/actor.js';
import { jakartaDateTime, todayJakarta } from './rules/jakarta.js';
import {
  dayOff,
  dayOffParams,
  dayOffRemoved,
  daysOff,
  daysOffQuery,
  deadline,
  deadlineQuery,
  newDayOff,
} from './schemas.js';
import type { CalendarService } from './service.js';

export function calendarRoutes(app: App, calendar: CalendarService) {
  app.get(
    '/api/v1/calendar/days-off',
    {
      config: { permission: 'areas.read' },
      schema: {
        tags: ['calendar'],
        summary: 'Hari libur nasional dan hari libur tambahan dalam satu tahun',
        querystring: daysOffQuery,
        response: { 200: daysOff },
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
        body: newDayOff,
        response: { 201: dayOff },
      },
    },
    async (req, reply) => {
      const created = await calendar.createDayOff(req.body, authorId(requireActor()));
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
        params: dayOffParams,
        response: { 200: dayOffRemoved },
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
        querystring: deadlineQuery,
        response: { 200: deadline },
      },
    },
    async (req) => {
      const start = new Date(req.query.start);
      const due = await calendar.deadline(start, req.query.hours);
      const wall = jakartaDateTime(due);
      return {
        start: start.toISOString(),
        hours: req.query.hours,
        deadline: due.toISOString(),
        deadlineJakarta: wall.iso,
        deadlineDate: wall.date,
      };
    },
  );
}
