import type { Db } from '../../platform/db/index.js';
import { invalid } from '../../platform/http/errors.js';
import * as repo from './repo.js';
import type { Area } from './repo.js';
import type { AreaLookup } from './schemas.js';
import { type AreaLevel, ancestorCode, levelOfCode, normalizeAreaCode } from './rules/code.js';

export type { Area } from './repo.js';

export type { AreaLookup } from './schemas.js';

interface RegencyCache {
  code: string;
  byCode: Map<string, Area>;
  byParent: Map<string, Area[]>;
}

export type AreaService = ReturnType<typeof createAreaService>;

/**
 * Reads of the administrative areas. Provinces and regencies (≈550) are kept
 * in memory once read; districts and villages are kept for one regency at a
 * time, since callers (imports, a city's own screens) mostly stay in one.
 * Codes may be given with or without dots. Call clearCache() after syncAreas.
 */
export function createAreaService(db: Db) {
  let upper: Promise<Map<string, Area>> | null = null;
  let regency: { code: string; cache: Promise<RegencyCache> } | null = null;

  function upperAreas(): Promise<Map<string, Area>> {
    upper ??= repo.provincesAndRegencies(db).then(
      (rows) => new Map(rows.map((a) => [a.code, a])),
      (err: unknown) => {
        upper = null;
        throw err;
      },
    );
    return upper;
  }

  function regencyCache(code: string): Promise<RegencyCache> {
    if (regency?.code === code) return regency.cache;
    const cache = repo.districtsAndVillagesOf(db, code).then((rows) => {
      const byCode = new Map<string, Area>();
      const byParent = new Map<string, Area[]>();
      for (const a of rows) {
        byCode.set(a.code, a);
        const siblings = byParent.get(a.parentCode!);
        if (siblings) siblings.push(a);
        else byParent.set(a.parentCode!, [a]);
      }
      return { code, byCode, byParent };
    });
    regency = { code, cache };
    cache.catch(() => {
      if (regency?.cache === cache) regency = null;
    });
    return cache;
  }

  function codeOf(raw: string, levels?: readonly AreaLevel[]): string {
    const code = normalizeAreaCode(raw);
    if (!code || (levels && !levels.includes(levelOfCode(code)!))) {
      const what = levels ? `kode ${levels.map(levelName).join('/')}` : 'kode wilayah';
      throw invalid('INVALID_AREA_CODE', `"${raw}" bukan ${what} yang sah (2, 4, 6 atau 10 digit, boleh bertitik).`);
    }
    return code;
  }

  async function find(code: string): Promise<Area | null> {
    if (code.length <= 4) return (await upperAreas()).get(code) ?? null;
    return (await regencyCache(code.slice(0, 4))).byCode.get(code) ?? null;
  }

  /** The area with this code, or null when there is none. */
  async function get(rawCode: string): Promise<Area | null> {
    return find(codeOf(rawCode));
  }

  async function name(rawCode: string): Promise<string | null> {
    return (await get(rawCode))?.name ?? null;
  }

  /** The area and the names of its village, district, regency and province. */
  async function lookup(rawCode: string): Promise<AreaLookup | null> {
    const area = await get(rawCode);
    if (!area) return null;
    const nameAt = async (level: AreaLevel) => {
      const c = ancestorCode(area.code, level);
      return c ? ((await find(c))?.name ?? null) : null;
    };
    return {
      ...area,
      province: await nameAt('PROVINCE'),
      regency: await nameAt('REGENCY'),
      district: await nameAt('DISTRICT'),
      village: await nameAt('VILLAGE'),
    };
  }

  /** The areas directly inside this one, by code; null when the area does not exist. */
  async function children(rawCode: string): Promise<Area[] | null> {
    const code = codeOf(rawCode);
    const parent = await find(code);
    if (!parent) return null;
    if (parent.level === 'VILLAGE') return [];
    if (parent.level === 'PROVINCE') return [...(await upperAreas()).values()].filter((a) => a.parentCode === code);
    return [...((await regencyCache(code.slice(0, 4))).byParent.get(code) ?? [])];
  }

  async function provinces(): Promise<Area[]> {
    return [...(await upperAreas()).values()].filter((a) => a.level === 'PROVINCE');
  }

  /** Every village (kelurahan/desa) of a regency or city, by code. */
  async function villagesOfRegency(rawCode: string): Promise<Area[]> {
    const code = codeOf(rawCode, ['REGENCY']);
    const cache = await regencyCache(code);
    return [...cache.byCode.values()].filter((a) => a.level === 'VILLAGE');
  }

  function clearCache() {
    upper = null;
    regency = null;
  }

  return { get, name, lookup, children, provinces, villagesOfRegency, clearCache };
}

function levelName(level: AreaLevel): string {
  return { PROVINCE: 'provinsi', REGENCY: 'kabupaten/kota', DISTRICT: 'kecamatan', VILLAGE: 'kelurahan/desa' }[level];
}
