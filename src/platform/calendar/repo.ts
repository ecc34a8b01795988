import type { Queryable } from '../db/index.js';
import type { IsoDate } from './rules/jakarta.js';
import { DAY_OFF_KINDS, type DayOffKind } from './labels.js';

export { DAY_OFF_KINDS, type DayOffKind };

export interface DayOffRow {
  date: IsoDate;
  name: string;
  kind: DayOffKind;
  created_by: number | null;
  created_at: Date;
}

const COLS = 'date, name, kind, created_by, created_at';

export async function listAllDaysOff(q: Queryable): Promise<DayOffRow[]> {
  return (await q.query<DayOffRow>(`SELECT ${COLS} FROM day_off ORDER BY date`)).rows;
}

export async function listDaysOffOfYear(q: Queryable, year: number): Promise<DayOffRow[]> {
  const r = await q.query<DayOffRow>(
    `SELECT ${COLS} FROM day_off WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) ORDER BY date`,
    [year],
  );
  return r.rows;
}

export async function findDayOff(q: Queryable, date: IsoDate): Promise<DayOffRow | null> {
  return (await q.query<DayOffRow>(`SELECT ${COLS} FROM day_off WHERE date = $1`, [date])).rows[0] ?? null;
}

/** Inserts unless the date already has a row; null then. */
export async function insertDayOff(
  q: Queryable,
  d: { date: IsoDate; name: string; kind: DayOffKind; createdBy: number | null },
): Promise<DayOffRow | null> {
  const r = await q.query<DayOffRow>(
    `INSERT INTO day_off (date, name, kind, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (date) DO NOTHING RETURNING ${COLS}`,
    [d.date, d.name, d.kind, d.createdBy],
  );
  return r.rows[0] ?? null;
}

export async function deleteDayOff(q: Queryable, date: IsoDate): Promise<DayOffRow | null> {
  return (await q.query<DayOffRow>(`DELETE FROM day_off WHERE date = $1 RETURNING ${COLS}`, [date])).rows[0] ?? null;
}
