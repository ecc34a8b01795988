/**
 * What a new SJP request must say before anything is looked up (SPEC SJP-1, SJP-3, SJP-4, SJP-6),
 * and the validity an approval may give (SJP-3). Pure functions: facts in, decision out; each
 * refusal carries a stable code and its kind — `invalid` for malformed input (HTTP 400), `rule`
 * for what a business rule refuses (HTTP 422). The service turns a refusal into the error.
 */
import { addDays } from '../../../platform/calendar/index.js';
import { formatDateId } from '../../../platform/calendar/format.js';
import type { CareType } from '../labels.js';
import { cutoffProblem } from './incidental.js';
import { DEFAULT_VALIDITY_DAYS } from './status.js';

export interface Refusal {
  kind: 'invalid' | 'rule';
  code: string;
  message: string;
}

/** An admission may be recorded a little ahead of the server clock (clock skew at the desk). */
export const ADMISSION_CLOCK_SKEW_MS = 10 * 60_000;
/** SJP-1: a request is filed during or shortly after the stay; an admission over a year old is not a new request. */
export const ADMISSION_MAX_AGE_DAYS = 366;
/** SJP-3: a letter is valid at most a year from the admission date. */
export const MAX_VALIDITY_DAYS = 365;

const ZONED = /(Z|[+-]\d{2}:?\d{2})$/;
/** ICD-10 form: a letter, two digits, and an optional subcategory (A09, J18.9, Z38.0). */
export const ICD10 = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;

/** An instant given as ISO text with a time zone; null when the text is no such instant. */
export function zonedInstant(text: string): Date | null {
  const d = new Date(text);
  return Number.isNaN(d.getTime()) || !ZONED.test(text) ? null : d;
}

/**
 * SJP-1: the admission (for an outpatient: the planned visit) as an instant with a zone; a stay
 * cannot start in the future, and nothing older than a year is a new request.
 */
export function admissionCheck(
  text: string,
  careType: CareType,
  now: Date,
): { ok: true; admittedAt: Date } | { ok: false; refusal: Refusal } {
  const admittedAt = zonedInstant(text);
  if (!admittedAt) {
    return refuse(
      'invalid',
      'SJP_ADMITTED_AT',
      'Waktu masuk/kunjungan (admittedAt) harus berupa waktu ISO dengan zona, misalnya 2026-11-20T15:00:00+07:00.',
    );
  }
  if (careType !== 'OUTPATIENT' && admittedAt.getTime() > now.getTime() + ADMISSION_CLOCK_SKEW_MS)
    return refuse('rule', 'SJP_ADMITTED_AT', 'Waktu masuk rawat tidak boleh di masa depan.');
  if (admittedAt.getTime() < now.getTime() - ADMISSION_MAX_AGE_DAYS * 86_400_000)
    return refuse('rule', 'SJP_ADMITTED_AT', 'Waktu masuk lebih dari satu tahun yang lalu.');
  return { ok: true, admittedAt };
}

/** The diagnosis code in its ICD-10 form (upper case, trimmed); a refusal when it is not one. */
export function diagnosisCheck(raw: string): { ok: true; code: string } | { ok: false; refusal: Refusal } {
  const code = raw.trim().toUpperCase();
  if (!ICD10.test(code))
    return refuse('invalid', 'SJP_DIAGNOSIS', `Kode diagnosis "${raw}" bukan kode ICD-10 (contoh: A09 atau J18.9).`);
  return { ok: true, code };
}

/**
 * SJP-6: the cost cut-off of a self-pay patient switching to Jamkesda mid-stay: an instant with a
 * zone, only for a stay (never an outpatient visit), within the stay and not in the future.
 */
export function cutoffCheck(
  text: string | null,
  careType: CareType,
  admittedAt: Date,
  now: Date,
): { ok: true; cutoff: Date | null } | { ok: false; refusal: Refusal } {
  if (!text) return { ok: true, cutoff: null };
  const cutoff = new Date(text);
  if (Number.isNaN(cutoff.getTime()))
    return refuse('invalid', 'SJP_CUTOFF', 'Batas biaya (costCutoffAt) harus waktu ISO dengan zona.');
  if (careType === 'OUTPATIENT')
    return refuse('rule', 'SJP_CUTOFF', 'Batas biaya hanya untuk pasien rawat inap yang beralih dari pasien umum.');
  const problem = cutoffProblem(cutoff, admittedAt, now);
  if (problem) return refuse('rule', 'SJP_CUTOFF', problem);
  return { ok: true, cutoff };
}

/**
 * Whose membership decides the request (SJP-4): the patient's NIK, or for a newborn the mother's
 * (the child's cover follows from the birth), so a newborn request needs its birth data.
 */
export function subjectCheck(
  careType: CareType,
  nik: string | null,
  newborn: { motherNik: string | null } | null,
): { ok: true; nik: string } | { ok: false; refusal: Refusal } {
  if (careType === 'NEWBORN' && !newborn) {
    return refuse(
      'invalid',
      'SJP_NEWBORN_REQUIRED',
      'SJP bayi baru lahir memerlukan data kelahiran dan surat keterangan lahir (newborn).',
    );
  }
  if (careType !== 'NEWBORN' && !nik) return refuse('invalid', 'SJP_NIK_REQUIRED', 'NIK pasien wajib diisi.');
  const subject = careType === 'NEWBORN' ? newborn!.motherNik : nik;
  if (!subject) return refuse('invalid', 'SJP_NIK_REQUIRED', 'NIK ibu bayi wajib diisi untuk SJP bayi baru lahir.');
  return { ok: true, nik: subject };
}

/**
 * SJP-3: a letter is valid from the admission date; by default DEFAULT_VALIDITY_DAYS inclusive,
 * or to the officer's date, never before the admission and at most a year after it.
 */
export function validityCheck(
  careType: CareType,
  validFrom: string,
  requestedTo: string | null,
): { ok: true; validFrom: string; validTo: string } | { ok: false; refusal: Refusal } {
  const validTo = requestedTo ?? addDays(validFrom, DEFAULT_VALIDITY_DAYS[careType]! - 1);
  if (validTo < validFrom) {
    return refuse(
      'rule',
      'SJP_VALIDITY',
      `Masa berlaku tidak boleh berakhir sebelum tanggal masuk (${formatDateId(validFrom)}).`,
    );
  }
  if (validTo > addDays(validFrom, MAX_VALIDITY_DAYS))
    return refuse('rule', 'SJP_VALIDITY', 'Masa berlaku SJP paling lama satu tahun.');
  return { ok: true, validFrom, validTo };
}

function refuse(kind: Refusal['kind'], code: string, message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { kind, code, message } };
}
