/**
 * MEM-3.2: a child born to a member is covered from birth once a birth
 * certificate (akta kelahiran) or a birth statement (surat keterangan lahir)
 * is recorded. What a birth record must say before it is accepted.
 */
import { nikMismatch, parseNik, type Sex } from '../../population/index.js';

import type { BirthDocumentKind } from '../labels.js';

export type { BirthDocumentKind } from '../labels.js';

/**
 * A birth is recorded here while the child is a newborn; an older child is
 * added by Dukcapil's family card update and arrives with the next snapshot.
 * One year leaves room for a late birth certificate.
 */
export const MAX_AGE_DAYS_AT_RECORDING = 366;

export interface BirthInput {
  childNik: string | null;
  childName: string;
  sex: Sex;
  birthDate: string;
  motherNik: string | null;
  fatherNik: string | null;
  documentKind: BirthDocumentKind;
  documentNumber: string;
}

export interface Problem {
  field: keyof BirthInput;
  message: string;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every problem of the input, each naming its field, in Bahasa Indonesia. */
export function checkBirth(b: BirthInput, today: string): Problem[] {
  const problems: Problem[] = [];
  if (b.birthDate > today)
    problems.push({ field: 'birthDate', message: 'Tanggal lahir tidak boleh setelah hari ini.' });
  else if (daysBetween(b.birthDate, today) > MAX_AGE_DAYS_AT_RECORDING) {
    problems.push({
      field: 'birthDate',
      message:
        'Anak sudah berusia lebih dari satu tahun: kepesertaannya mengikuti data kependudukan (perbarui Kartu Keluarga di Disdukcapil).',
    });
  }
  if (b.childName.trim().length < 2)
    problems.push({ field: 'childName', message: 'Nama bayi wajib diisi (boleh "BAYI NY. <nama ibu>").' });
  if (b.documentNumber.trim().length < 3)
    problems.push({ field: 'documentNumber', message: 'Nomor akta atau surat keterangan lahir wajib diisi.' });
  if (!b.motherNik && !b.fatherNik) problems.push({ field: 'motherNik', message: 'NIK ibu atau ayah wajib diisi.' });
  for (const field of ['motherNik', 'fatherNik'] as const) {
    const nik = b[field];
    if (nik && !parseNik(nik).ok)
      problems.push({ field, message: `NIK ${field === 'motherNik' ? 'ibu' : 'ayah'} tidak sah.` });
  }
  if (b.motherNik && b.fatherNik && b.motherNik === b.fatherNik)
    problems.push({ field: 'fatherNik', message: 'NIK ayah sama dengan NIK ibu.' });
  if (b.childNik) {
    const parsed = parseNik(b.childNik);
    if (!parsed.ok) problems.push({ field: 'childNik', message: `NIK bayi tidak sah: ${parsed.problem.message}` });
    else if (nikMismatch(parsed.parts, b.birthDate, b.sex)) {
      problems.push({
        field: 'childNik',
        message: 'Tanggal lahir atau jenis kelamin yang tersandi pada NIK bayi tidak sesuai isian.',
      });
    }
    if (b.childNik === b.motherNik || b.childNik === b.fatherNik)
      problems.push({ field: 'childNik', message: 'NIK bayi sama dengan NIK orang tua.' });
  }
  return problems;
}
