import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../../platform/http/errors.js';

/**
 * Real administrative codes (Kemendagri) from the idn-area-data package, so
 * generated village codes and NIK district codes exist in the real world.
 */

export interface District {
  /** 6 digits, no dots: the NIK region code. */
  code: string;
  name: string;
}

export interface Village {
  /** 10 digits, no dots. */
  code: string;
  name: string;
  /** Index into RegionAreas.districts. */
  district: number;
}

export interface RegionAreas {
  /** 4 digits, e.g. 3275. */
  code: string;
  /** As Kemendagri writes it, e.g. "KOTA BEKASI". */
  name: string;
  /** The place name without KOTA/KABUPATEN, e.g. "BEKASI". */
  placeName: string;
  isCity: boolean;
  provinceCode: string;
  districts: District[];
  villages: Village[];
  /** Villages of the other regencies of the same province: for facilities outside the region. */
  neighbourVillages: Village[];
  /** Districts of those villages (Village.district indexes this list). */
  neighbourDistricts: District[];
}

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

/** Rows of a package CSV whose first column starts with `prefix` (names carry no commas). */
function readRows(file: string, prefix = ''): string[][] {
  const text = readFileSync(join(dataDir(), file), 'utf8');
  const rows: string[][] = [];
  for (const line of text.split('\n').slice(1)) {
    if (line && line.startsWith(prefix)) rows.push(line.replace(/\r$/, '').split(','));
  }
  return rows;
}

function digits(code: string): string {
  return code.replaceAll('.', '');
}

function titleToUpper(name: string): string {
  // The package writes a few apostrophes as a double quote (Soka"an).
  return name.replaceAll('"', "'").toUpperCase();
}

const loaded = new Map<string, RegionAreas>();

/**
 * Accepts 3275 or 32.75. Throws with an Indonesian message for an unknown
 * code. Cached per thread: the package files are read once.
 */
export function loadRegion(regionCode: string): RegionAreas {
  const key = regionCode.trim();
  let areas = loaded.get(key);
  if (!areas) {
    areas = readRegion(key);
    loaded.set(key, areas);
  }
  return areas;
}

function readRegion(regionCode: string): RegionAreas {
  const code = digits(regionCode.trim());
  if (!/^\d{4}$/.test(code)) {
    throw new AppError('invalid', 'INVALID_REGION', `Kode kabupaten/kota harus 4 digit (mis. 3275): ${regionCode}`);
  }
  const dotted = `${code.slice(0, 2)}.${code.slice(2)}`;
  const regency = readRows('regencies.csv').find((r) => r[0] === dotted);
  if (!regency) throw new AppError('invalid', 'UNKNOWN_REGION', `Kode kabupaten/kota ${regionCode} tidak dikenal.`);
  const name = (regency[2] ?? '').toUpperCase();
  const provinceCode = code.slice(0, 2);

  const own = { districts: [] as District[], villages: [] as Village[] };
  const other = { districts: [] as District[], villages: [] as Village[] };
  const districtIndex = new Map<string, { list: typeof own; index: number }>();
  for (const row of readRows('districts.csv', `${provinceCode}.`)) {
    const dcode = row[0] ?? '';
    if (!dcode.startsWith(`${provinceCode}.`)) continue;
    const list = dcode.startsWith(`${dotted}.`) ? own : other;
    districtIndex.set(dcode, { list, index: list.districts.length });
    list.districts.push({ code: digits(dcode), name: titleToUpper(row.slice(2).join(',')) });
  }
  for (const row of readRows('villages.csv', `${provinceCode}.`)) {
    const d = districtIndex.get(row[1] ?? '');
    if (!d) continue;
    d.list.villages.push({ code: digits(row[0] ?? ''), name: titleToUpper(row.slice(2).join(',')), district: d.index });
  }
  if (own.villages.length === 0)
    throw new AppError('invalid', 'UNKNOWN_REGION', `Kabupaten/kota ${regionCode} tidak memiliki data desa/kelurahan.`);

  const isCity = name.startsWith('KOTA ');
  return {
    code,
    name,
    placeName: name.replace(/^(KOTA|KABUPATEN)\s+(ADMINISTRASI\s+)?/, ''),
    isCity,
    provinceCode,
    districts: own.districts,
    villages: own.villages,
    neighbourDistricts: other.districts,
    neighbourVillages: other.villages,
  };
}
