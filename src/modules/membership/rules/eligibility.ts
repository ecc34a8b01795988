/**
 * SPEC MEM-3 / MEM-4: who is covered on a date, and why. A pure function of
 * the facts; the service gathers the facts, this file decides. Every decision
 * names the rule that decided it and the settings it used.
 */
import { nikMismatch, parseNik, type Sex } from '../../population/rules/nik.js';
import { formatDateId } from '../../../platform/calendar/format.js';

export type Basis = 'RESIDENT' | 'NEWBORN' | 'DINSOS_RECOMMENDATION' | 'POOR';
export type Severity = 'BLOCK' | 'WARN' | 'INFO';
export type CardStatus = 'ACTIVE' | 'PENDING_EKTP' | 'REPLACED' | 'REVOKED' | 'NONE';
export type JknSegment = 'PBI_APBN' | 'PBI_APBD' | 'PBPU_PEMDA' | 'PPU' | 'PBPU' | 'BP';

export interface Reason {
  code: string;
  severity: Severity;
  message: string;
}

export interface ProgramSettings {
  id: number;
  effectiveFrom: string;
  bases: Basis[];
  excludedSegments: JknSegment[];
}

export interface PersonFacts {
  nik: string;
  name: string;
  sex: Sex;
  birthDate: string;
  noKk: string;
  ektpRecorded: boolean;
  deathDate: string | null;
  movedOutDate: string | null;
}

export interface JknFacts {
  segment: JknSegment;
  status: 'AKTIF' | 'NONAKTIF';
  cardNumber: string;
  arrearsMonths: number | null;
}

/** DTKS (Kemensos) record in force on the date (DIN-2). */
export interface PovertyFacts {
  decile: number;
  status: 'AKTIF' | 'NONAKTIF';
}

/** Deciles 1–4 — the poorest 40 % — are "poor" for a poor-only program, the band national social programs use. */
export const POOR_MAX_DECILE = 4;

export interface CardFacts {
  number: string;
  status: CardStatus;
}

export interface EligibilityFacts {
  nik: string;
  date: string;
  person: PersonFacts | null;
  /** The JKN membership in force on `date`, if any. */
  jkn: JknFacts | null;
  /** Earliest date JKN data covers; before it, "no JKN row" means "unknown", not "uninsured". */
  jknDataFrom: string | null;
  /** The settings in force on `date`; null before the programme began. */
  settings: ProgramSettings | null;
  /** Poverty data in force on `date`, if any (used by a poor-only basis). */
  poverty?: PovertyFacts | null;
  /** The family card, when the card register (membership issue) knows one. */
  card?: CardFacts | null;
}

export interface Decision {
  eligible: boolean;
  basis: Basis | null;
  cardStatus: CardStatus | null;
  reasons: Reason[];
  rule: { code: string; description: string } | null;
}

export const RULES = {
  RESIDENT: {
    code: 'MEM-3.1',
    description: 'Perda 9/2018 ps. 7: penduduk terdaftar dalam database kependudukan, hidup dan tidak pindah, bukan peserta JKN yang iurannya dibayar pemerintah',
  },
  EXCLUDED: { code: 'MEM-4', description: 'Perda 9/2018 ps. 7 dan 14(5): peserta JKN yang iurannya dibayar pemerintah tidak dijamin Jamkesda' },
  NOT_REGISTERED: { code: 'MEM-1', description: 'Tidak terdaftar, meninggal atau pindah menurut data kependudukan pada tanggal itu' },
  NO_PROGRAM: { code: 'SETTINGS', description: 'Belum ada pengaturan program yang berlaku pada tanggal itu' },
  POOR: { code: 'MEM-3.P', description: 'Perwal 27A/2017: penduduk miskin terverifikasi dalam data terpadu Kemensos (DTKS desil 1–4)' },
  POOR_REQUIRED: { code: 'MEM-3.P', description: 'Basis program hanya penduduk miskin terverifikasi (Perwal 27A/2017)' },
} as const;

const SEGMENT_NAMES: Record<JknSegment, string> = {
  PBI_APBN: 'PBI APBN',
  PBI_APBD: 'PBI APBD',
  PBPU_PEMDA: 'PBPU Pemda',
  PPU: 'Pekerja Penerima Upah',
  PBPU: 'Pekerja Bukan Penerima Upah (mandiri)',
  BP: 'Bukan Pekerja',
};

export function decideEligibility(f: EligibilityFacts): Decision {
  const reasons: Reason[] = [];
  const block = (code: string, message: string) => reasons.push({ code, severity: 'BLOCK', message });
  const warn = (code: string, message: string) => reasons.push({ code, severity: 'WARN', message });
  const info = (code: string, message: string) => reasons.push({ code, severity: 'INFO', message });
  const p = f.person;

  if (!p) {
    block('NOT_FOUND', 'NIK tidak terdapat dalam data kependudukan Kota.');
    return { eligible: false, basis: null, cardStatus: null, reasons, rule: RULES.NOT_REGISTERED };
  }

  const parsed = parseNik(p.nik);
  const mismatch = parsed.ok ? nikMismatch(parsed.parts, p.birthDate, p.sex) : null;
  if (mismatch) {
    warn('NIK_DATA_MISMATCH', 'Tanggal lahir atau jenis kelamin pada NIK tidak sesuai data kependudukan; periksa identitas.');
  }

  const cardStatus: CardStatus = f.card?.status ?? (p.ektpRecorded ? 'NONE' : 'PENDING_EKTP');
  let registered = true;
  if (f.date < p.birthDate) {
    block('NOT_YET_BORN', `Pada tanggal ${formatDateId(f.date)} yang bersangkutan belum lahir.`);
    registered = false;
  }
  if (p.deathDate && p.deathDate <= f.date) {
    block('DECEASED', `Meninggal dunia pada ${formatDateId(p.deathDate)}.`);
    registered = false;
  }
  if (p.movedOutDate && p.movedOutDate <= f.date) {
    block('MOVED_OUT', `Pindah ke luar daerah pada ${formatDateId(p.movedOutDate)}.`);
    registered = false;
  }

  const jkn = f.jkn;
  const jknActive = jkn?.status === 'AKTIF';
  const excluded = jknActive && (f.settings?.excludedSegments.includes(jkn.segment) ?? false);
  if (excluded) {
    block('PBI_JKN', `Peserta JKN segmen ${SEGMENT_NAMES[jkn.segment]} yang aktif: iuran dibayar pemerintah, tidak dijamin Jamkesda.`);
  } else if (jknActive) {
    warn('JKN_COB', `Peserta JKN aktif (${SEGMENT_NAMES[jkn.segment]}): JKN menjamin lebih dahulu.`);
  } else if (jkn) {
    const arrears = jkn.arrearsMonths ? `, menunggak ${jkn.arrearsMonths} bulan` : '';
    info('JKN_INACTIVE', `Terdaftar JKN (${SEGMENT_NAMES[jkn.segment]}) tetapi tidak aktif${arrears}.`);
  } else if (!f.jknDataFrom || f.date < f.jknDataFrom) {
    info('JKN_DATA_UNAVAILABLE', 'Belum ada data kepesertaan JKN untuk tanggal ini.');
  }

  if (!f.settings) {
    block('PROGRAM_NOT_IN_FORCE', `Program Jamkesda belum berlaku pada ${formatDateId(f.date)}.`);
    return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.NO_PROGRAM };
  }
  if (!registered) return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.NOT_REGISTERED };
  if (excluded) return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.EXCLUDED };

  if (f.settings.bases.includes('RESIDENT')) {
    if (cardStatus === 'PENDING_EKTP') warn('CARD_PENDING_EKTP', 'Dijamin, tetapi kartu belum dapat diterbitkan: lakukan perekaman e-KTP di Disdukcapil.');
    return { eligible: true, basis: 'RESIDENT', cardStatus, reasons, rule: RULES.RESIDENT };
  }
  const pov = f.poverty;
  if (f.settings.bases.includes('POOR') && pov && pov.status === 'AKTIF' && pov.decile <= POOR_MAX_DECILE) {
    if (cardStatus === 'PENDING_EKTP') warn('CARD_PENDING_EKTP', 'Dijamin, tetapi kartu belum dapat diterbitkan: lakukan perekaman e-KTP di Disdukcapil.');
    info('DTKS_POOR', `Tercatat dalam DTKS pada desil ${pov.decile}.`);
    return { eligible: true, basis: 'POOR', cardStatus, reasons, rule: RULES.POOR };
  }
  const why = !pov ? 'tidak tercatat dalam DTKS' : pov.status !== 'AKTIF' ? 'data DTKS-nya tidak aktif' : `tercatat pada desil ${pov.decile} (di atas desil ${POOR_MAX_DECILE})`;
  block('NOT_POOR', `Program hanya menjamin penduduk miskin terverifikasi; yang bersangkutan ${why}.`);
  return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.POOR_REQUIRED };
}
