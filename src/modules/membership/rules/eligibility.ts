/**
 * SPEC MEM-3 / MEM-4: who is covered on a date, and why. A pure function of
 * the facts; the service gathers the facts, this file decides. Every decision
 * names the rule that decided it and the settings it used.
 */
import { nikMismatch, parseNik, type Sex } from '../../population/index.js';
import { formatDateId } from '../../../platform/calendar/format.js';

import type { Basis, CardStatus, JknSegment, Severity } from '../labels.js';

export type { Basis, CardStatus, JknSegment, Severity };

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
  /** Set for people who moved into the region: not a resident before this date. */
  residentFrom?: string | null;
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

/** A recorded birth (MEM-3.2): the child of a member is covered from birth once this exists. */
export interface BirthFacts {
  regNumber: string;
  childName: string;
  sex: Sex;
  birthDate: string;
  noKk: string;
  documentKind: 'AKTA_KELAHIRAN' | 'SURAT_KETERANGAN_LAHIR';
  /** Whether a parent was a member on the birth date (decided by this same rule for the parent). */
  parentMemberAtBirth: boolean;
}

export type RecommendationCategory =
  'TIDAK_MAMPU' | 'WARGA_BINAAN_LAPAS' | 'ORANG_TERLANTAR' | 'PENGHUNI_PANTI' | 'TAHANAN';

/** The Dinsos recommendation letter (DIN-1) most relevant to the date: the one in force, else the latest that began before it. */
export interface RecommendationFacts {
  number: string;
  personName: string;
  sex: Sex;
  birthDate: string;
  /** The family card number, when the person is in the city's registry. */
  noKk: string | null;
  category: RecommendationCategory;
  validFrom: string;
  /** Inclusive. */
  validTo: string;
  revokedOn: string | null;
}

/** The special groups of Perda 9/2018 art. 7 need not be residents; the TIDAK_MAMPU category does. */
export const SPECIAL_GROUPS: readonly RecommendationCategory[] = [
  'WARGA_BINAAN_LAPAS',
  'ORANG_TERLANTAR',
  'PENGHUNI_PANTI',
  'TAHANAN',
];

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
  /** The family card listing this person, as it stood on `date`. */
  card?: CardFacts | null;
  /** An active birth record for this NIK. */
  birth?: BirthFacts | null;
  recommendation?: RecommendationFacts | null;
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
    description:
      'Perda 9/2018 ps. 7: penduduk terdaftar dalam database kependudukan, hidup dan tidak pindah, bukan peserta JKN yang iurannya dibayar pemerintah',
  },
  EXCLUDED: {
    code: 'MEM-4',
    description: 'Perda 9/2018 ps. 7 dan 14(5): peserta JKN yang iurannya dibayar pemerintah tidak dijamin Jamkesda',
  },
  NOT_REGISTERED: {
    code: 'MEM-1',
    description: 'Tidak terdaftar, meninggal atau pindah menurut data kependudukan pada tanggal itu',
  },
  NO_PROGRAM: { code: 'SETTINGS', description: 'Belum ada pengaturan program yang berlaku pada tanggal itu' },
  POOR: {
    code: 'MEM-3.P',
    description: 'Perwal 27A/2017: penduduk miskin terverifikasi dalam data terpadu Kemensos (DTKS desil 1–4)',
  },
  POOR_REQUIRED: {
    code: 'MEM-3.P',
    description: 'Basis program hanya penduduk miskin terverifikasi (Perwal 27A/2017)',
  },
  NEWBORN: {
    code: 'MEM-3.2',
    description:
      'Perda 9/2018 ps. 7: anak yang lahir dari peserta, sejak lahir, setelah akta atau surat keterangan lahir dicatat',
  },
  DINSOS: {
    code: 'MEM-3.3',
    description:
      'Perda 9/2018 ps. 7: warga binaan, orang terlantar, penghuni panti, tahanan, atau penduduk tidak mampu dengan surat rekomendasi Dinas Sosial yang berlaku',
  },
  NO_BASIS: { code: 'MEM-3', description: 'Tidak memenuhi satu pun dasar kepesertaan yang berlaku pada tanggal itu' },
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
  const birth = f.birth ?? null;
  const rec = f.recommendation ?? null;

  if (!p && !birth && !rec) {
    block('NOT_FOUND', 'NIK tidak terdapat dalam data kependudukan Kota.');
    return { eligible: false, basis: null, cardStatus: null, reasons, rule: RULES.NOT_REGISTERED };
  }

  const sex = p?.sex ?? birth?.sex;
  const birthDate = p?.birthDate ?? birth?.birthDate;
  const parsed = parseNik(f.nik);
  const mismatch = parsed.ok && sex && birthDate ? nikMismatch(parsed.parts, birthDate, sex) : null;
  if (mismatch) {
    warn(
      'NIK_DATA_MISMATCH',
      'Tanggal lahir atau jenis kelamin pada NIK tidak sesuai data kependudukan; periksa identitas.',
    );
  }

  const cardStatus: CardStatus | null =
    f.card?.status ?? (p ? (p.ektpRecorded ? 'NONE' : 'PENDING_EKTP') : birth ? 'NONE' : null);

  // Facts about the person that no basis can overcome, then those that end residence.
  let alive = true;
  let resident = p !== null;
  if (birthDate && f.date < birthDate) {
    block('NOT_YET_BORN', `Pada tanggal ${formatDateId(f.date)} yang bersangkutan belum lahir.`);
    alive = false;
  }
  if (p?.deathDate && p.deathDate <= f.date) {
    block('DECEASED', `Meninggal dunia pada ${formatDateId(p.deathDate)}.`);
    alive = false;
  }
  if (p?.movedOutDate && p.movedOutDate <= f.date) {
    block('MOVED_OUT', `Pindah ke luar daerah pada ${formatDateId(p.movedOutDate)}.`);
    resident = false;
  }
  if (p?.residentFrom && f.date < p.residentFrom) {
    block('NOT_YET_RESIDENT', `Baru tercatat sebagai penduduk Kota sejak ${formatDateId(p.residentFrom)}.`);
    resident = false;
  }

  const jkn = f.jkn;
  const jknActive = jkn?.status === 'AKTIF';
  const excluded = jknActive && (f.settings?.excludedSegments.includes(jkn.segment) ?? false);
  if (excluded) {
    block(
      'PBI_JKN',
      `Peserta JKN segmen ${SEGMENT_NAMES[jkn.segment]} yang aktif: iuran dibayar pemerintah, tidak dijamin Jamkesda.`,
    );
  } else if (jknActive) {
    warn('JKN_COB', `Peserta JKN aktif (${SEGMENT_NAMES[jkn.segment]}): JKN menjamin lebih dahulu.`);
  } else if (jkn) {
    const arrears = jkn.arrearsMonths ? `, menunggak ${jkn.arrearsMonths} bulan` : '';
    info('JKN_INACTIVE', `Terdaftar JKN (${SEGMENT_NAMES[jkn.segment]}) tetapi tidak aktif${arrears}.`);
  } else if (!f.jknDataFrom || f.date < f.jknDataFrom) {
    info('JKN_DATA_UNAVAILABLE', 'Belum ada data kepesertaan JKN untuk tanggal ini.');
  }

  const settings = f.settings;
  if (!settings) {
    block('PROGRAM_NOT_IN_FORCE', `Program Jamkesda belum berlaku pada ${formatDateId(f.date)}.`);
    return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.NO_PROGRAM };
  }
  if (!alive) return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.NOT_REGISTERED };
  if (excluded) return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.EXCLUDED };

  const bases = settings.bases;
  const covered = (basis: Basis, rule: Decision['rule']): Decision => {
    if (cardStatus === 'PENDING_EKTP')
      warn(
        'CARD_PENDING_EKTP',
        'Dijamin, tetapi kartu belum dapat diterbitkan: lakukan perekaman e-KTP di Disdukcapil.',
      );
    return { eligible: true, basis, cardStatus, reasons, rule };
  };

  // 1. Residents (MEM-3.1), or under a poor-only program the verified poor.
  if (resident && bases.includes('RESIDENT')) return covered('RESIDENT', RULES.RESIDENT);
  const pov = f.poverty;
  const poor = !!pov && pov.status === 'AKTIF' && pov.decile <= POOR_MAX_DECILE;
  if (resident && bases.includes('POOR') && poor) {
    info('DTKS_POOR', `Tercatat dalam DTKS pada desil ${pov!.decile}.`);
    return covered('POOR', RULES.POOR);
  }

  // 3. A Dinsos recommendation in force (MEM-3.3); the "unable to pay" category needs residence.
  const recInForce =
    rec && rec.validFrom <= f.date && f.date <= rec.validTo && (!rec.revokedOn || f.date < rec.revokedOn);
  const recApplies = recInForce && (SPECIAL_GROUPS.includes(rec.category) || resident);
  if (bases.includes('DINSOS_RECOMMENDATION') && recApplies) {
    info(
      'DINSOS_RECOMMENDATION',
      `Surat rekomendasi Dinas Sosial nomor ${rec.number}, berlaku sampai ${formatDateId(rec.validTo)}.`,
    );
    return covered('DINSOS_RECOMMENDATION', RULES.DINSOS);
  }

  // 2. The child of a member, from birth, once the birth is recorded (MEM-3.2).
  if (bases.includes('NEWBORN') && birth && birth.parentMemberAtBirth) {
    const doc = birth.documentKind === 'AKTA_KELAHIRAN' ? 'akta kelahiran' : 'surat keterangan lahir';
    info(
      'NEWBORN',
      `Bayi dari peserta, dijamin sejak lahir ${formatDateId(birth.birthDate)} (${doc}, registrasi ${birth.regNumber}).`,
    );
    return covered('NEWBORN', RULES.NEWBORN);
  }

  // Not covered: say which basis came closest and why it did not apply.
  if (rec && bases.includes('DINSOS_RECOMMENDATION') && !recInForce) {
    const ended =
      rec.revokedOn && rec.revokedOn <= f.date
        ? `dicabut sejak ${formatDateId(rec.revokedOn)}`
        : rec.validFrom > f.date
          ? `baru berlaku ${formatDateId(rec.validFrom)}`
          : `berakhir ${formatDateId(rec.validTo)}`;
    block(
      'RECOMMENDATION_EXPIRED',
      `Surat rekomendasi Dinas Sosial nomor ${rec.number} tidak berlaku pada tanggal itu (${ended}).`,
    );
    return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.DINSOS };
  }
  if (birth && bases.includes('NEWBORN') && !birth.parentMemberAtBirth) {
    block(
      'NEWBORN_PARENT_NOT_MEMBER',
      'Kelahiran tercatat, tetapi tidak ada orang tua yang menjadi peserta pada tanggal lahir.',
    );
    return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.NEWBORN };
  }
  if (!resident) {
    if (!p) block('NOT_FOUND', 'NIK tidak terdapat dalam data kependudukan Kota.');
    return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.NOT_REGISTERED };
  }
  if (bases.includes('POOR')) {
    const why = !pov
      ? 'tidak tercatat dalam DTKS'
      : pov.status !== 'AKTIF'
        ? 'data DTKS-nya tidak aktif'
        : `tercatat pada desil ${pov.decile} (di atas desil ${POOR_MAX_DECILE})`;
    block('NOT_POOR', `Program hanya menjamin penduduk miskin terverifikasi; yang bersangkutan ${why}.`);
    return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.POOR_REQUIRED };
  }
  block('NO_BASIS', 'Tidak memenuhi dasar kepesertaan yang berlaku (misalnya perlu surat rekomendasi Dinas Sosial).');
  return { eligible: false, basis: null, cardStatus, reasons, rule: RULES.NO_BASIS };
}
