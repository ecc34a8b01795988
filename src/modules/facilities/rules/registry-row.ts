/** One row of facilities.csv checked and normalised (FAC-1); problems name the row and column. */

import {
  FACILITY_CLASSES,
  FACILITY_KINDS,
  LOCATIONS,
  OWNERSHIPS,
  type FacilityClass,
  type FacilityKind,
  type Location,
  type Ownership,
} from '../labels.js';

export { FACILITY_CLASSES, FACILITY_KINDS, LOCATIONS, OWNERSHIPS };
export type { FacilityClass, FacilityKind, Location, Ownership };

export const REQUIRED_COLUMNS = [
  'kode',
  'nama',
  'jenis',
  'kelas',
  'kepemilikan',
  'lokasi',
  'rsud',
  'kode_wilayah',
  'alamat',
  'telepon',
] as const;

export interface FacilityRecord {
  code: string;
  name: string;
  level: 'PPK1' | 'PPK2';
  kind: FacilityKind;
  class: FacilityClass | null;
  ownership: Ownership;
  location: Location;
  isRsud: boolean;
  villageCode: string | null;
  address: string | null;
  phone: string | null;
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

const clean = (v: string | undefined) => (v ?? '').trim();

/**
 * Checks one CSV row. `row` is the line number in the file (header is line 1).
 * Returns the record, or the problems found — every column checked, not just the first.
 */
export function parseFacilityRow(
  raw: Record<string, string | undefined>,
  row: number,
): { record: FacilityRecord | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (column: string, message: string) => problems.push({ row, column, message });

  const code = clean(raw.kode).toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]{1,31}$/.test(code))
    bad('kode', 'kode fasilitas wajib diisi: 2–32 huruf besar, angka atau tanda hubung.');
  const name = clean(raw.nama).replace(/\s+/g, ' ');
  if (name.length < 1 || name.length > 200) bad('nama', 'nama fasilitas wajib diisi (paling banyak 200 karakter).');

  let kindRaw = clean(raw.jenis).toUpperCase();
  if (kindRaw === 'KLINIK') kindRaw = 'KLINIK_PRATAMA';
  const kind = (FACILITY_KINDS as readonly string[]).includes(kindRaw) ? (kindRaw as FacilityKind) : null;
  if (!kind) bad('jenis', `jenis "${clean(raw.jenis)}" tidak dikenal; pilihan: ${FACILITY_KINDS.join(', ')}.`);

  const classRaw = clean(raw.kelas).toUpperCase();
  let klass: FacilityClass | null = null;
  if (classRaw) {
    if ((FACILITY_CLASSES as readonly string[]).includes(classRaw)) klass = classRaw as FacilityClass;
    else bad('kelas', `kelas "${clean(raw.kelas)}" tidak dikenal; pilihan: A, B, C, D.`);
  }
  if (kind === 'RUMAH_SAKIT' && !classRaw) bad('kelas', 'kelas rumah sakit (A, B, C atau D) wajib diisi.');
  if (kind && kind !== 'RUMAH_SAKIT' && classRaw) bad('kelas', 'kelas hanya diisi untuk rumah sakit.');

  const ownRaw = clean(raw.kepemilikan).toUpperCase();
  const ownership = (OWNERSHIPS as readonly string[]).includes(ownRaw) ? (ownRaw as Ownership) : null;
  if (!ownership)
    bad('kepemilikan', `kepemilikan "${clean(raw.kepemilikan)}" tidak dikenal; pilihan: ${OWNERSHIPS.join(', ')}.`);

  const locRaw = clean(raw.lokasi).toUpperCase();
  const location = (LOCATIONS as readonly string[]).includes(locRaw) ? (locRaw as Location) : null;
  if (!location) bad('lokasi', `lokasi "${clean(raw.lokasi)}" tidak dikenal; pilihan: ${LOCATIONS.join(', ')}.`);

  const rsudRaw = clean(raw.rsud).toUpperCase();
  if (rsudRaw !== '' && rsudRaw !== 'Y' && rsudRaw !== 'N') bad('rsud', 'rsud harus Y atau N.');
  const isRsud = rsudRaw === 'Y';
  if (isRsud && kind && kind !== 'RUMAH_SAKIT') bad('rsud', 'hanya rumah sakit yang dapat ditandai RSUD.');

  const villageRaw = clean(raw.kode_wilayah).replace(/\./g, '');
  if (villageRaw && !/^\d{10}$/.test(villageRaw))
    bad('kode_wilayah', 'kode wilayah harus kode desa/kelurahan 10 digit (boleh bertitik).');

  const address = clean(raw.alamat) || null;
  if (address && address.length > 300) bad('alamat', 'alamat paling banyak 300 karakter.');
  const phone = clean(raw.telepon) || null;
  if (phone && !/^[0-9+()\-\s]{5,30}$/.test(phone))
    bad('telepon', 'telepon hanya boleh angka, spasi, +, ( ) dan tanda hubung.');

  if (problems.length > 0 || !kind || !ownership || !location) return { record: null, problems };
  return {
    record: {
      code,
      name,
      level: kind === 'RUMAH_SAKIT' ? 'PPK2' : 'PPK1',
      kind,
      class: klass,
      ownership,
      location,
      isRsud,
      villageCode: villageRaw || null,
      address,
      phone,
    },
    problems,
  };
}

/** Header check: the columns that must exist, named. */
export function missingColumns(fields: readonly string[]): string[] {
  return REQUIRED_COLUMNS.filter(
    (c) => c !== 'alamat' && c !== 'telepon' && c !== 'kode_wilayah' && !fields.includes(c),
  );
}
