import { cleanText, digitsOnly, parseDate } from '../../../platform/ingest/values.js';
import { nikMismatch, parseNik, type Sex } from './nik.js';

/** The columns of docs/contracts/population.md. */
export const REQUIRED_COLUMNS = [
  'nik',
  'no_kk',
  'nama',
  'jenis_kelamin',
  'tanggal_lahir',
  'hubungan_keluarga',
  'kode_wilayah',
  'status_ektp',
] as const;
export const OPTIONAL_COLUMNS = ['tempat_lahir', 'alamat', 'rt', 'rw', 'tanggal_meninggal', 'tanggal_pindah'] as const;
export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export const RELATIONS = [
  'KEPALA KELUARGA',
  'SUAMI',
  'ISTRI',
  'ANAK',
  'MENANTU',
  'CUCU',
  'ORANG TUA',
  'MERTUA',
  'FAMILI LAIN',
  'PEMBANTU',
  'LAINNYA',
] as const;
const RELATION_SET = new Set<string>(RELATIONS);

export interface PersonRecord {
  nik: string;
  noKk: string;
  name: string;
  sex: Sex;
  birthPlace: string | null;
  birthDate: string;
  relation: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  villageCode: string;
  ektpRecorded: boolean;
  deathDate: string | null;
  movedOutDate: string | null;
}

export interface Problem {
  column: string;
  value: string;
  reason: string;
}

export interface RowOutcome {
  record: PersonRecord | null;
  errors: Problem[];
  warnings: Problem[];
}

const DIGITS16 = /^\d{16}$/;
const DIGITS10 = /^\d{10}$/;
const DIGITS1TO3 = /^\d{1,3}$/;
const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

export function parseSex(text: string): Sex | null {
  const s = text.trim().toUpperCase();
  if (s === 'L' || s === 'P') return s;
  if (s === '1' || s === 'LAKI-LAKI' || s === 'LAKI LAKI') return 'L';
  if (s === '2' || s === 'PEREMPUAN') return 'P';
  return null;
}

function normalizeRelation(text: string): string {
  const s = text.trim().toUpperCase();
  return s.includes('  ') ? s.replace(/\s+/g, ' ') : s;
}

// Helpers are top-level functions (not closures made per row): this rule runs millions of times per import.
function optionalDate(
  errors: Problem[],
  column: string,
  label: string,
  text: string,
  asOf: string,
  birthDate: string | null,
): string | null {
  const t = text.trim();
  if (!t) return null;
  const d = parseDate(t);
  if (!d)
    errors.push({ column, value: t, reason: `${label} tidak sah (format YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY).` });
  else if (d > asOf) errors.push({ column, value: t, reason: `${label} setelah tanggal data (${asOf}).` });
  else if (birthDate && d < birthDate) errors.push({ column, value: t, reason: `${label} sebelum tanggal lahir.` });
  return d;
}

function optionalDigits(warnings: Problem[], column: 'rt' | 'rw', text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  if (DIGITS1TO3.test(t)) return t;
  warnings.push({ column, value: t, reason: `${column.toUpperCase()} harus 1–3 digit; nilai diabaikan.` });
  return null;
}

function optionalText(warnings: Problem[], column: string, raw: string, max: number): string | null {
  if (!raw) return null;
  const t = cleanText(raw, max);
  if (t === null)
    warnings.push({
      column,
      value: raw,
      reason: `Teks memuat karakter kendali atau lebih dari ${max} karakter; nilai diabaikan.`,
    });
  return t || null;
}

/**
 * Checks one row against the population contract. Pure: the same cells and
 * data date always give the same outcome. `asOf` bounds dates that cannot be
 * in the future of the snapshot.
 */
export function checkPopulationRow(get: (c: Column) => string, asOf: string): RowOutcome {
  let errors = NO_PROBLEMS as Problem[];
  let warnings = NO_PROBLEMS as Problem[];
  const fail = (column: string, value: string, reason: string) => {
    if (errors === NO_PROBLEMS) errors = [];
    errors.push({ column, value, reason });
  };

  const nikText = get('nik').trim();
  const nik = parseNik(nikText);
  if (!nikText) fail('nik', '', 'NIK wajib diisi.');
  else if (!nik.ok) fail('nik', nikText, nik.problem.message);

  const kk = get('no_kk').trim();
  if (!kk) fail('no_kk', '', 'Nomor KK wajib diisi.');
  else if (!DIGITS16.test(kk)) fail('no_kk', kk, 'Nomor KK harus 16 digit angka.');

  const nameRaw = get('nama');
  const name = cleanText(nameRaw, 200);
  if (!name)
    fail(
      'nama',
      nameRaw.trim() ? nameRaw : '',
      nameRaw.trim() ? 'Nama memuat karakter kendali atau lebih dari 200 karakter.' : 'Nama wajib diisi.',
    );

  const sexText = get('jenis_kelamin');
  const sex = parseSex(sexText);
  if (!sex) fail('jenis_kelamin', sexText, 'Jenis kelamin harus L atau P (juga LAKI-LAKI/PEREMPUAN, 1/2).');

  const birthText = get('tanggal_lahir');
  const birthDate = parseDate(birthText);
  if (!birthText.trim()) fail('tanggal_lahir', '', 'Tanggal lahir wajib diisi.');
  else if (!birthDate)
    fail('tanggal_lahir', birthText, 'Tanggal lahir tidak sah (format YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY).');
  else if (birthDate > asOf) fail('tanggal_lahir', birthText, `Tanggal lahir setelah tanggal data (${asOf}).`);

  const relText = get('hubungan_keluarga');
  const relation = normalizeRelation(relText);
  if (!relation) fail('hubungan_keluarga', '', 'Hubungan keluarga wajib diisi.');
  else if (!RELATION_SET.has(relation))
    fail('hubungan_keluarga', relText, `Hubungan keluarga tidak dikenal. Pilihan: ${RELATIONS.join(', ')}.`);

  const villageText = get('kode_wilayah');
  const village = digitsOnly(villageText);
  if (!villageText.trim()) fail('kode_wilayah', '', 'Kode wilayah wajib diisi.');
  else if (!DIGITS10.test(village))
    fail('kode_wilayah', villageText, 'Kode wilayah (kelurahan/desa) harus 10 digit, titik boleh (32.75.01.1001).');

  const ektpText = get('status_ektp').trim().toUpperCase();
  if (ektpText !== 'Y' && ektpText !== 'N')
    fail('status_ektp', get('status_ektp'), 'Status e-KTP harus Y (sudah rekam) atau N.');

  if (errors === NO_PROBLEMS) errors = [];
  const deathDate = optionalDate(
    errors,
    'tanggal_meninggal',
    'Tanggal meninggal',
    get('tanggal_meninggal'),
    asOf,
    birthDate,
  );
  const movedOutDate = optionalDate(errors, 'tanggal_pindah', 'Tanggal pindah', get('tanggal_pindah'), asOf, birthDate);

  warnings = [];
  const rt = optionalDigits(warnings, 'rt', get('rt'));
  const rw = optionalDigits(warnings, 'rw', get('rw'));
  const birthPlace = optionalText(warnings, 'tempat_lahir', get('tempat_lahir'), 100);
  const address = optionalText(warnings, 'alamat', get('alamat'), 300);

  if (errors.length > 0 || !nik.ok || !sex || !birthDate || !name) return { record: null, errors, warnings };

  const mismatch = nikMismatch(nik.parts, birthDate, sex);
  if (mismatch) {
    const what = [mismatch.birthDate ? 'tanggal lahir' : '', mismatch.sex ? 'jenis kelamin' : '']
      .filter(Boolean)
      .join(' dan ');
    warnings.push({
      column: 'nik',
      value: nikText,
      reason: `NIK_DATA_MISMATCH: ${what} pada NIK tidak sesuai data; diterima dengan peringatan.`,
    });
  }
  return {
    record: {
      nik: nikText,
      noKk: kk,
      name,
      sex,
      birthPlace,
      birthDate,
      relation,
      address,
      rt,
      rw,
      villageCode: village,
      ektpRecorded: ektpText === 'Y',
      deathDate,
      movedOutDate,
    },
    errors,
    warnings,
  };
}
