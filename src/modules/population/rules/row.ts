import { cleanText, digitsOnly, parseDate } from '../../../platform/ingest/values.js';
import { nikMismatch, parseNik, type Sex } from './nik.js';

/** The columns of ../shared/contracts/population.md. */
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

export function parseSex(text: string): Sex | null {
  const s = text.trim().toUpperCase().replace(/\s+/g, '-');
  if (s === 'L' || s === 'LAKI-LAKI' || s === '1') return 'L';
  if (s === 'P' || s === 'PEREMPUAN' || s === '2') return 'P';
  return null;
}

/**
 * Checks one row against the population contract. Pure: the same cells and
 * data date always give the same outcome. `asOf` bounds dates that cannot be
 * in the future of the snapshot.
 */
export function checkPopulationRow(get: (c: Column) => string, asOf: string): RowOutcome {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const bad = (column: string, value: string, reason: string) => errors.push({ column, value, reason });

  const nikText = get('nik').trim();
  const nik = parseNik(nikText);
  if (!nikText) bad('nik', '', 'NIK wajib diisi.');
  else if (!nik.ok) bad('nik', nikText, nik.problem.message);

  const kk = get('no_kk').trim();
  if (!kk) bad('no_kk', '', 'Nomor KK wajib diisi.');
  else if (!/^\d{16}$/.test(kk)) bad('no_kk', kk, 'Nomor KK harus 16 digit angka.');

  const nameRaw = get('nama');
  const name = cleanText(nameRaw, 200);
  if (!nameRaw.trim()) bad('nama', '', 'Nama wajib diisi.');
  else if (name === null) bad('nama', nameRaw, 'Nama memuat karakter kendali atau lebih dari 200 karakter.');

  const sexText = get('jenis_kelamin');
  const sex = parseSex(sexText);
  if (!sex) bad('jenis_kelamin', sexText, 'Jenis kelamin harus L atau P (juga LAKI-LAKI/PEREMPUAN, 1/2).');

  const birthText = get('tanggal_lahir');
  const birthDate = parseDate(birthText);
  if (!birthText.trim()) bad('tanggal_lahir', '', 'Tanggal lahir wajib diisi.');
  else if (!birthDate) bad('tanggal_lahir', birthText, 'Tanggal lahir tidak sah (format YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY).');
  else if (birthDate > asOf) bad('tanggal_lahir', birthText, `Tanggal lahir setelah tanggal data (${asOf}).`);

  const relText = get('hubungan_keluarga');
  const relation = relText.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!relation) bad('hubungan_keluarga', '', 'Hubungan keluarga wajib diisi.');
  else if (!RELATION_SET.has(relation)) bad('hubungan_keluarga', relText, `Hubungan keluarga tidak dikenal. Pilihan: ${RELATIONS.join(', ')}.`);

  const villageText = get('kode_wilayah');
  const village = digitsOnly(villageText);
  if (!villageText.trim()) bad('kode_wilayah', '', 'Kode wilayah wajib diisi.');
  else if (!/^\d{10}$/.test(village)) bad('kode_wilayah', villageText, 'Kode wilayah (kelurahan/desa) harus 10 digit, titik boleh (32.75.01.1001).');

  const ektpText = get('status_ektp').trim().toUpperCase();
  if (ektpText !== 'Y' && ektpText !== 'N') bad('status_ektp', get('status_ektp'), 'Status e-KTP harus Y (sudah rekam) atau N.');

  const optionalDate = (column: 'tanggal_meninggal' | 'tanggal_pindah', label: string) => {
    const t = get(column).trim();
    if (!t) return null;
    const d = parseDate(t);
    if (!d) bad(column, t, `${label} tidak sah (format YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY).`);
    else if (d > asOf) bad(column, t, `${label} setelah tanggal data (${asOf}).`);
    else if (birthDate && d < birthDate) bad(column, t, `${label} sebelum tanggal lahir.`);
    return d;
  };
  const deathDate = optionalDate('tanggal_meninggal', 'Tanggal meninggal');
  const movedOutDate = optionalDate('tanggal_pindah', 'Tanggal pindah');

  const optionalDigits = (column: 'rt' | 'rw') => {
    const t = get(column).trim();
    if (!t) return null;
    if (/^\d{1,3}$/.test(t)) return t;
    warnings.push({ column, value: t, reason: `${column.toUpperCase()} harus 1–3 digit; nilai diabaikan.` });
    return null;
  };
  const rt = optionalDigits('rt');
  const rw = optionalDigits('rw');

  const optionalText = (column: 'tempat_lahir' | 'alamat', max: number) => {
    const raw = get(column);
    if (!raw.trim()) return null;
    const t = cleanText(raw, max);
    if (t === null) warnings.push({ column, value: raw, reason: `Teks memuat karakter kendali atau lebih dari ${max} karakter; nilai diabaikan.` });
    return t;
  };
  const birthPlace = optionalText('tempat_lahir', 100);
  const address = optionalText('alamat', 300);

  if (errors.length > 0 || !nik.ok || !sex || !birthDate || name === null) return { record: null, errors, warnings };

  const mismatch = nikMismatch(nik.parts, birthDate, sex);
  if (mismatch) {
    const what = [mismatch.birthDate ? 'tanggal lahir' : '', mismatch.sex ? 'jenis kelamin' : ''].filter(Boolean).join(' dan ');
    warnings.push({ column: 'nik', value: nikText, reason: `NIK_DATA_MISMATCH: ${what} pada NIK tidak sesuai data; diterima dengan peringatan.` });
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
