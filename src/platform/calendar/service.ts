import { auditInTx } from '../audit/audit.js';
import type { Db } from '../db/index.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { type WorkingCalendar, createWorkingCalendar } from './calendar.js';
import { nationalHolidays } from './holidays.js';
import * as repo from './repo.js';
import type { NewDayOff } from './schemas.js';
import { DAY_OFF_KINDS, type DayOffKind, type DayOffRow } from './repo.js';
import { type IsoDate, isValidIsoDate } from './rules/jakarta.js';

export type DayOffSource = 'NASIONAL' | DayOffKind;

export interface DayOffEntry {
  date: IsoDate;
  name: string;
  source: DayOffSource;
}

export interface DayOff {
  date: IsoDate;
  name: string;
  kind: DayOffKind;
  createdBy: number | null;
  createdAt: Date;
}

/** Hours a deadline question may ask about: a year of working time is already absurd. */
export const MAX_DEADLINE_HOURS = 24 * 366;

export interface CalendarServiceOptions {
  /**
   * How long a loaded calendar is trusted. Changes made through this service
   * show at once; this bounds how late another server process sees them.
   */
  cacheMs?: number;
}

export type CalendarService = ReturnType<typeof createCalendarService>;

export function createCalendarService(db: Db, opts: CalendarServiceOptions = {}) {
  const cacheMs = opts.cacheMs ?? 60_000;
  let cached: { calendar: WorkingCalendar; until: number } | null = null;
  let loading: Promise<WorkingCalendar> | null = null;
  // A load that started before a change must not store what it read.
  let generation = 0;

  function invalidate() {
    generation++;
    cached = null;
    loading = null;
  }

  /** The working calendar: national holidays plus the days off in the database. */
  async function calendar(): Promise<WorkingCalendar> {
    if (cached && cached.until > Date.now()) return cached.calendar;
    if (loading) return loading;
    const gen = generation;
    const load = (async () => {
      try {
        const rows = await repo.listAllDaysOff(db);
        const cal = createWorkingCalendar(rows.map((r) => r.date));
        if (gen === generation) cached = { calendar: cal, until: Date.now() + cacheMs };
        return cal;
      } finally {
        if (gen === generation) loading = null;
      }
    })();
    loading = load;
    return load;
  }

  /** National holidays and extra days off of a year, by date; a date may appear twice. */
  async function listDaysOff(year: number): Promise<DayOffEntry[]> {
    if (!Number.isInteger(year) || year < 1900 || year > 2200) {
      throw invalid('INVALID_YEAR', 'Tahun harus bilangan bulat antara 1900 dan 2200.');
    }
    const extra = await repo.listDaysOffOfYear(db, year);
    const entries: DayOffEntry[] = [
      ...nationalHolidays(year).map((h) => ({ date: h.date, name: h.name, source: 'NASIONAL' as const })),
      ...extra.map((r) => ({ date: r.date, name: r.name, source: r.kind })),
    ];
    return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** The route's body; callers outside HTTP may pass any kind text, checked here with the same words. */
  async function createDayOff(
    input: Omit<NewDayOff, 'kind'> & { kind: string },
    actorId: number | null = null,
  ): Promise<DayOff> {
    const date = input.date.trim();
    if (!isValidIsoDate(date))
      throw invalid('INVALID_DATE', `Tanggal "${input.date}" tidak valid; gunakan format YYYY-MM-DD.`);
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (name.length < 1 || name.length > 200)
      throw invalid('INVALID_NAME', 'Nama hari libur wajib diisi, paling banyak 200 karakter.');
    if (!(DAY_OFF_KINDS as readonly string[]).includes(input.kind)) {
      throw invalid(
        'INVALID_KIND',
        `Jenis hari libur "${input.kind}" tidak dikenal. Pilihan: ${DAY_OFF_KINDS.join(', ')}.`,
      );
    }
    const kind = input.kind as DayOffKind;
    const row = await db.tx(async (tx) => {
      const inserted = await repo.insertDayOff(tx, {
        date,
        name,
        kind,
        createdBy: actorId && actorId > 0 ? actorId : null,
      });
      if (!inserted) throw conflict('DAY_OFF_EXISTS', `Tanggal ${date} sudah tercatat sebagai hari libur tambahan.`);
      await auditInTx(tx, {
        action: 'calendar.day_off.create',
        entityType: 'day_off',
        entityId: date,
        details: { name, kind },
      });
      return inserted;
    });
    invalidate();
    return toDayOff(row);
  }

  async function deleteDayOff(dateRaw: string): Promise<DayOff> {
    const date = dateRaw.trim();
    if (!isValidIsoDate(date))
      throw invalid('INVALID_DATE', `Tanggal "${dateRaw}" tidak valid; gunakan format YYYY-MM-DD.`);
    const row = await db.tx(async (tx) => {
      const removed = await repo.deleteDayOff(tx, date);
      if (!removed) {
        throw notFound(
          'DAY_OFF_NOT_FOUND',
          `Tidak ada hari libur tambahan pada ${date}. Hari libur nasional tidak dapat dihapus di sini.`,
        );
      }
      await auditInTx(tx, {
        action: 'calendar.day_off.delete',
        entityType: 'day_off',
        entityId: date,
        details: { name: removed.name, kind: removed.kind },
      });
      return removed;
    });
    invalidate();
    return toDayOff(row);
  }

  /** When `hours` working hours after `start` run out (SJP-1: 72 after admission). */
  async function deadline(start: Date, hours: number): Promise<Date> {
    if (Number.isNaN(start.getTime())) throw invalid('INVALID_START', 'Waktu mulai tidak valid.');
    if (!Number.isFinite(hours) || hours < 0 || hours > MAX_DEADLINE_HOURS) {
      throw invalid('INVALID_HOURS', `Jumlah jam kerja harus antara 0 dan ${MAX_DEADLINE_HOURS}.`);
    }
    return (await calendar()).addWorkingHours(start, hours);
  }

  return { calendar, listDaysOff, createDayOff, deleteDayOff, deadline, invalidate };
}

function toDayOff(r: DayOffRow): DayOff {
  return { date: r.date, name: r.name, kind: r.kind, createdBy: r.created_by, createdAt: r.created_at };
}
