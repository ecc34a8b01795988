/**
 * Whether a recommendation letter may be issued, from the request and what
 * the population data says about the NIK (SPEC DIN-1, MEM-3.3). Pure: the
 * service gathers the facts and the overlapping letters, this file decides.
 */
import { isValidIsoDate } from '../../../platform/calendar/index.js';
import { formatDateId } from '../../../platform/calendar/format.js';
import { nikMismatch, parseNik, type Sex } from '../../population/index.js';
import {
  CATEGORIES,
  CATEGORY_LABEL,
  INSTITUTION_LABEL,
  isCategory,
  isSpecialGroup,
  type Category,
} from './categories.js';
import { resolveValidity } from './validity.js';

/** A person as the population data (Dukcapil snapshot) has them. */
export interface RegistryPerson {
  nik: string;
  noKk: string;
  name: string;
  sex: Sex;
  birthDate: string;
  deathDate: string | null;
  movedOutDate: string | null;
  villageCode: string;
  /** Street, RT/RW, village and district as one line. */
  address: string | null;
}

export interface NewLetterRequest {
  nik: string;
  category: string;
  reason: string;
  institution?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  /** Identity entered by the officer; used only when the NIK is not in the population data (special groups). */
  person?: { name?: string | null; birthDate?: string | null; sex?: string | null; address?: string | null } | null;
}

export interface Problem {
  /** `invalid`: the request is malformed or incomplete (400); `rule`: a business rule refuses it (422). */
  kind: 'invalid' | 'rule';
  code: string;
  field: string;
  message: string;
}

export interface ResolvedLetter {
  nik: string;
  category: Category;
  reason: string;
  institution: string | null;
  validFrom: string;
  validTo: string;
  inPopulation: boolean;
  person: {
    name: string;
    sex: Sex;
    birthDate: string;
    noKk: string | null;
    villageCode: string | null;
    address: string | null;
  };
}

/** Digits only: people type NIKs as "3275 0115 0380 0001" or "32.75.01…". */
export function normaliseNik(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

/** A NIK problem (MEM-2) in Bahasa Indonesia, or null when the NIK is well formed. */
export function nikProblem(nik: string): string | null {
  if (!/^\d{16}$/.test(nik)) return 'NIK harus 16 digit angka.';
  const p = parseNik(nik);
  return p.ok ? null : p.problem.message;
}

/** Names as Dukcapil writes them: upper case, single spaces. */
export function normaliseName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toUpperCase();
}

const NAME_RE = /^[\p{L}][\p{L} .,'-]{1,99}$/u;

/** Warnings about a NIK whose encoded birth date or sex disagrees with the stated ones (MEM-2: flagged, not hidden). */
export function nikWarnings(nik: string, birthDate: string, sex: Sex): string[] {
  const p = parseNik(nik);
  if (!p.ok) return [p.problem.message];
  const m = nikMismatch(p.parts, birthDate, sex);
  const out: string[] = [];
  if (m?.birthDate) out.push('Tanggal lahir pada NIK tidak sesuai tanggal lahir yang tercatat pada surat.');
  if (m?.sex) out.push('Kode jenis kelamin pada NIK tidak sesuai jenis kelamin yang tercatat pada surat.');
  return out;
}

/**
 * Checks a request to issue a letter on `today`. `registry` is the person
 * with this NIK in the population data, or null. Returns every problem found
 * (so the officer fixes them in one go) or the letter to issue.
 */
export function checkNewLetter(
  req: NewLetterRequest,
  registry: RegistryPerson | null,
  today: string,
): { ok: true; letter: ResolvedLetter } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const invalid = (code: string, field: string, message: string) =>
    problems.push({ kind: 'invalid', code, field, message });
  const refuse = (code: string, field: string, message: string) =>
    problems.push({ kind: 'rule', code, field, message });

  const nik = normaliseNik(req.nik);
  const badNik = nikProblem(nik);
  if (badNik) invalid('INVALID_NIK', 'nik', badNik);

  if (!isCategory(req.category)) {
    invalid(
      'INVALID_CATEGORY',
      'category',
      `Kategori tidak dikenal: "${req.category}". Pilih salah satu: ${CATEGORIES.join(', ')}.`,
    );
    return { ok: false, problems };
  }
  const category = req.category;
  const special = isSpecialGroup(category);

  const reason = req.reason.trim().replace(/\s+/g, ' ');
  if (reason.length < 5)
    invalid('REASON_REQUIRED', 'reason', 'Tuliskan alasan atau dasar pemberian rekomendasi (minimal 5 karakter).');

  const institution = req.institution?.trim().replace(/\s+/g, ' ') || null;
  if (special && (!institution || institution.length < 3)) {
    refuse(
      'INSTITUTION_REQUIRED',
      'institution',
      `Kategori "${CATEGORY_LABEL[category]}" memerlukan nama lembaga (${INSTITUTION_LABEL[category].toLowerCase()}), minimal 3 karakter.`,
    );
  }

  // Who the letter is for: the population record when there is one; otherwise (special groups only) the identity entered.
  let person: ResolvedLetter['person'] | null = null;
  if (registry) {
    if (registry.deathDate && registry.deathDate <= today) {
      refuse(
        'PERSON_DECEASED',
        'nik',
        `Menurut data kependudukan, pemilik NIK ini meninggal dunia pada ${formatDateId(registry.deathDate)}.`,
      );
    }
    if (!special && registry.movedOutDate && registry.movedOutDate <= today) {
      refuse(
        'NOT_RESIDENT',
        'nik',
        `Menurut data kependudukan, pemilik NIK ini pindah ke luar daerah pada ${formatDateId(registry.movedOutDate)}; rekomendasi warga tidak mampu hanya untuk penduduk Kota.`,
      );
    }
    person = {
      name: registry.name,
      sex: registry.sex,
      birthDate: registry.birthDate,
      noKk: registry.noKk,
      villageCode: registry.villageCode,
      address: registry.address,
    };
  } else if (!special) {
    if (!badNik) {
      refuse(
        'NOT_RESIDENT',
        'nik',
        'NIK tidak terdapat dalam data kependudukan Kota. Rekomendasi warga tidak mampu hanya untuk penduduk Kota yang terdaftar (dibuktikan dengan e-KTP dan KK Kota); kelompok khusus (warga binaan, terlantar, panti, tahanan) dapat diberi rekomendasi tanpa data kependudukan.',
      );
    }
  } else {
    const p = req.person ?? {};
    const name = normaliseName(p.name ?? '');
    if (!NAME_RE.test(name))
      invalid(
        'PERSON_NAME_REQUIRED',
        'person.name',
        'NIK tidak ada di data kependudukan: isi nama lengkap sesuai KTP/KK (huruf, 2–100 karakter).',
      );
    const birthDate = p.birthDate ?? '';
    if (!isValidIsoDate(birthDate))
      invalid(
        'PERSON_BIRTH_DATE_REQUIRED',
        'person.birthDate',
        'NIK tidak ada di data kependudukan: isi tanggal lahir yang sah.',
      );
    else if (birthDate > today || birthDate < '1900-01-01')
      invalid(
        'PERSON_BIRTH_DATE_REQUIRED',
        'person.birthDate',
        'Tanggal lahir tidak boleh sesudah hari ini atau sebelum tahun 1900.',
      );
    const sex = p.sex === 'L' || p.sex === 'P' ? p.sex : null;
    if (!sex)
      invalid(
        'PERSON_SEX_REQUIRED',
        'person.sex',
        'NIK tidak ada di data kependudukan: pilih jenis kelamin (L atau P).',
      );
    const address = p.address?.trim().replace(/\s+/g, ' ') || null;
    if (address && address.length > 300)
      invalid('ADDRESS_TOO_LONG', 'person.address', 'Alamat paling panjang 300 karakter.');
    if (sex) person = { name, sex, birthDate, noKk: null, villageCode: null, address };
  }

  const v = resolveValidity(category, req.validFrom, req.validTo, today);
  for (const p of v.problems) (p.code === 'INVALID_DATE' ? invalid : refuse)(p.code, p.field, p.message);

  if (problems.length || !person) return { ok: false, problems };
  return {
    ok: true,
    letter: {
      nik,
      category,
      reason,
      institution: special ? institution : null,
      validFrom: v.validFrom,
      validTo: v.validTo,
      inPopulation: registry !== null,
      person,
    },
  };
}
