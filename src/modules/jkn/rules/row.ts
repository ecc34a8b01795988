import { cleanText, parseDate } from '../../../platform/ingest/values.js';
import { parseNik } from '../../population/index.js';

/** The columns of docs/contracts/jkn-membership.md. */
export const REQUIRED_COLUMNS = ['nik', 'no_kartu', 'segmen', 'kelas', 'status'] as const;
export const OPTIONAL_COLUMNS = ['nama', 'tanggal_mulai', 'tunggakan_bulan', 'faskes_tk1'] as const;
export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export const SEGMENTS = ['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA', 'PPU', 'PBPU', 'BP'] as const;
export type Segment = (typeof SEGMENTS)[number];
const SEGMENT_SET = new Set<string>(SEGMENTS);

export interface JknRecord {
  nik: string;
  cardNumber: string;
  name: string | null;
  segment: Segment;
  class: 1 | 2 | 3;
  status: 'AKTIF' | 'NONAKTIF';
  startDate: string | null;
  arrearsMonths: number | null;
  primaryFacility: string | null;
}

export interface Problem {
  column: string;
  value: string;
  reason: string;
}

export function parseJknStatus(text: string): 'AKTIF' | 'NONAKTIF' | null {
  const s = text
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, '');
  if (s === 'AKTIF') return 'AKTIF';
  if (s === 'NONAKTIF' || s === 'TIDAKAKTIF') return 'NONAKTIF';
  return null;
}

/** Checks one row of the JKN membership file. Pure. */
export function checkJknRow(
  get: (c: Column) => string,
  asOf: string,
): { record: JknRecord | null; errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const bad = (column: string, value: string, reason: string) => errors.push({ column, value, reason });

  const nik = get('nik').trim();
  const parsed = parseNik(nik);
  if (!nik) bad('nik', '', 'NIK wajib diisi.');
  else if (!parsed.ok) bad('nik', nik, parsed.problem.message);

  const card = get('no_kartu').trim();
  if (!card) bad('no_kartu', '', 'Nomor kartu JKN wajib diisi.');
  else if (!/^\d{13}$/.test(card)) bad('no_kartu', card, 'Nomor kartu JKN harus 13 digit angka.');

  const segText = get('segmen').trim().toUpperCase().replace(/\s+/g, '_');
  if (!SEGMENT_SET.has(segText)) bad('segmen', get('segmen'), `Segmen tidak dikenal. Pilihan: ${SEGMENTS.join(', ')}.`);

  const classText = get('kelas').trim();
  if (!/^[123]$/.test(classText)) bad('kelas', classText, 'Kelas harus 1, 2 atau 3.');

  const status = parseJknStatus(get('status'));
  if (!status) bad('status', get('status'), 'Status harus AKTIF atau NONAKTIF.');

  const startText = get('tanggal_mulai').trim();
  let startDate: string | null = null;
  if (startText) {
    startDate = parseDate(startText);
    if (!startDate)
      bad('tanggal_mulai', startText, 'Tanggal mulai tidak sah (format YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY).');
    else if (startDate > asOf) bad('tanggal_mulai', startText, `Tanggal mulai setelah tanggal data (${asOf}).`);
  }

  const arrearsText = get('tunggakan_bulan').trim();
  let arrears: number | null = null;
  if (arrearsText) {
    if (/^\d{1,3}$/.test(arrearsText)) arrears = Number(arrearsText);
    else bad('tunggakan_bulan', arrearsText, 'Tunggakan harus bilangan bulat bulan (0–999).');
  }

  const nameRaw = get('nama');
  const name = nameRaw.trim() ? cleanText(nameRaw, 200) : null;
  if (nameRaw.trim() && name === null)
    warnings.push({ column: 'nama', value: nameRaw, reason: 'Nama memuat karakter kendali; diabaikan.' });
  const facilityRaw = get('faskes_tk1').trim();
  const facility = facilityRaw ? cleanText(facilityRaw, 32) : null;
  if (facilityRaw && facility === null)
    warnings.push({ column: 'faskes_tk1', value: facilityRaw, reason: 'Kode faskes tidak sah; diabaikan.' });

  if (errors.length > 0 || !status) return { record: null, errors, warnings };
  return {
    record: {
      nik,
      cardNumber: card,
      name,
      segment: segText as Segment,
      class: Number(classText) as 1 | 2 | 3,
      status,
      startDate,
      arrearsMonths: arrears,
      primaryFacility: facility,
    },
    errors,
    warnings,
  };
}
