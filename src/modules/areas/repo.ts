import type { Queryable } from '../../platform/db/index.js';
import type { AreaLevel } from './rules/code.js';

export interface Area {
  code: string;
  level: AreaLevel;
  parentCode: string | null;
  name: string;
}

const COLS = 'code, level, parent_code AS "parentCode", name';

export async function findArea(q: Queryable, code: string): Promise<Area | null> {
  return (await q.query<Area>(`SELECT ${COLS} FROM admin_area WHERE code = $1`, [code])).rows[0] ?? null;
}

export async function childrenOf(q: Queryable, code: string): Promise<Area[]> {
  return (await q.query<Area>(`SELECT ${COLS} FROM admin_area WHERE parent_code = $1 ORDER BY code`, [code])).rows;
}

export async function provinces(q: Queryable): Promise<Area[]> {
  return (await q.query<Area>(`SELECT ${COLS} FROM admin_area WHERE level = 'PROVINCE' ORDER BY code`)).rows;
}

/** Every province and regency (about 550 rows): small enough to keep in memory. */
export async function provincesAndRegencies(q: Queryable): Promise<Area[]> {
  return (await q.query<Area>(`SELECT ${COLS} FROM admin_area WHERE level IN ('PROVINCE', 'REGENCY') ORDER BY code`))
    .rows;
}

/** The districts and villages of one regency, through the parent index. */
export async function districtsAndVillagesOf(q: Queryable, regencyCode: string): Promise<Area[]> {
  return (
    await q.query<Area>(
      `SELECT ${COLS} FROM admin_area
       WHERE parent_code = $1
          OR parent_code IN (SELECT code FROM admin_area WHERE parent_code = $1)
       ORDER BY code`,
      [regencyCode],
    )
  ).rows;
}
