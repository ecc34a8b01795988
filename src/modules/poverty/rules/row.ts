import { parseDate } from '../../../platform/ingest/values.js';
import { parseNik } from '../../population/index.js';

/** The columns of docs/contracts/poverty.md. */
export const REQUIRED_COLUMNS = ['nik', 'desil'] as const;
export const OPTIONAL_COLUMNS = ['status', 'tanggal_penetapan'] as const;
export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export interface PovertyRecord {
  nik: string;
  decile: number;
  status: 'AKTIF' | 'NONAKTIF';
  designatedOn: string | null;
}

interface Problem {
  column: string;
  value: string;
  reason: string;
}

/** Checks one row of the DTKS file. Pure. */
export function checkPovertyRow(
  get: (c: Column) => string,
  asOf: string,
): { record: PovertyRecord | null; errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const nik = get('nik').trim();
  const parsed = parseNik(nik);
  if (!nik) errors.push({ column: 'nik', value: '', reason: 'NIK wajib diisi.' });
  else if (!parsed.ok) errors.push({ column: 'nik', value: nik, reason: parsed.problem.message });

  const decileText = get('desil').trim();
  if (!/^(10|[1-9])$/.test(decileText))
    errors.push({ column: 'desil', value: decileText, reason: 'Desil harus bilangan 1 sampai 10.' });

  const statusText = get('status')
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, '');
  const status =
    statusText === '' || statusText === 'AKTIF'
      ? 'AKTIF'
      : statusText === 'NONAKTIF' || statusText === 'TIDAKAKTIF'
        ? 'NONAKTIF'
        : null;
  if (!status) errors.push({ column: 'status', value: get('status'), reason: 'Status harus AKTIF atau NONAKTIF.' });

  const dateText = get('tanggal_penetapan').trim();
  let designatedOn: string | null = null;
  if (dateText) {
    designatedOn = parseDate(dateText);
    if (!designatedOn)
      errors.push({ column: 'tanggal_penetapan', value: dateText, reason: 'Tanggal penetapan tidak sah.' });
    else if (designatedOn > asOf)
      errors.push({
        column: 'tanggal_penetapan',
        value: dateText,
        reason: `Tanggal penetapan setelah tanggal data (${asOf}).`,
      });
  }
  if (errors.length > 0 || !status) return { record: null, errors, warnings: [] };
  return { record: { nik, decile: Number(decileText), status, designatedOn }, errors, warnings: [] };
}
