import type { SelfCheckStatus } from '../labels.js';
import type { Decision } from './eligibility.js';

/** COVERED_BY_JKN: a JKN-PBI member — covered, by the national scheme rather than the program (Perda 9/2018 ps. 7). */
export type { SelfCheckStatus } from '../labels.js';

export interface CitizenAnswer {
  status: SelfCheckStatus;
  /** One sentence, plain Bahasa Indonesia. */
  title: string;
  /** What to do next, in order. */
  nextSteps: string[];
  card: 'ACTIVE' | 'PENDING_EKTP' | 'NONE' | 'REPLACED' | 'REVOKED' | null;
}

const NO_MATCH: CitizenAnswer = {
  status: 'NO_MATCH',
  title: 'Data tidak ditemukan atau tidak cocok.',
  nextSteps: [
    'Periksa kembali NIK Anda dan Nomor KK (16 digit di bagian atas Kartu Keluarga, setelah tulisan "No.") persis seperti tertulis.',
    'Bila Kartu Keluarga Anda baru diganti, pakai nomor pada kartu yang terbaru.',
    'Jika sudah benar, datangi Disdukcapil atau kelurahan untuk memastikan data kependudukan Anda.',
  ],
  card: null,
};

/** A 16-digit family card (KK) number as typed: spaces, dots and dashes dropped; null when it is not one. */
export function normaliseKk(raw: string): string | null {
  const kk = raw.replace(/[\s.-]/g, '');
  return /^\d{16}$/.test(kk) ? kk : null;
}

/**
 * The second factor of the self-check (MEM-9): the resident's family card number, which they
 * hold and the NIK does not encode (the NIK's digits 7–12 are the birth date, so a birth date
 * proves nothing). Unknown on record means no match.
 */
export function familyCardMatches(onRecord: string | null | undefined, given: string): boolean {
  return !!onRecord && onRecord === given;
}

/**
 * What a resident may learn about themselves (MEM-9): covered or not, the
 * card's state and what to do next — never a name, a family member or a
 * JKN card number. An unknown NIK and a wrong KK number give the same answer,
 * so the page cannot be used to find out whether a NIK exists.
 */
export function citizenAnswer(decision: Decision | null, familyCardMatched: boolean): CitizenAnswer {
  if (!decision || !familyCardMatched) return NO_MATCH;
  const codes = new Set(decision.reasons.map((r) => r.code));
  if (codes.has('NOT_FOUND')) return NO_MATCH;
  const card = decision.cardStatus;
  if (decision.eligible) {
    const steps: string[] = [];
    if (codes.has('CARD_PENDING_EKTP'))
      steps.push('Rekam e-KTP di Disdukcapil agar Kartu Sehat keluarga Anda dapat dicetak.');
    if (codes.has('JKN_COB'))
      steps.push('Anda juga peserta JKN yang aktif: tunjukkan kartu JKN/KIS lebih dahulu di fasilitas kesehatan.');
    if (codes.has('JKN_INACTIVE'))
      steps.push(
        'Kepesertaan JKN Anda tidak aktif: aktifkan kembali di kantor BPJS Kesehatan atau aplikasi Mobile JKN.',
      );
    steps.push(
      'Untuk berobat, datang ke puskesmas terlebih dahulu dengan membawa KTP dan Kartu Keluarga; rujukan ke rumah sakit diberikan bila diperlukan.',
    );
    return { status: 'COVERED', title: 'Anda terdaftar dan dijamin Jaminan Kesehatan Daerah.', nextSteps: steps, card };
  }
  if (codes.has('PBI_JKN')) {
    // Covered by JKN-PBI, not by the program: the family's Kartu Sehat does not cover them
    // (Perda ps. 7), so its state is not theirs to act on and is not mentioned.
    return {
      status: 'COVERED_BY_JKN',
      title: 'Anda dijamin JKN-PBI (peserta JKN yang iurannya dibayar pemerintah), sehingga tidak memakai Jamkesda.',
      nextSteps: [
        'Gunakan kartu JKN/KIS Anda di puskesmas dan rumah sakit.',
        'Bila kartu JKN hilang, hubungi kantor BPJS Kesehatan.',
      ],
      card: null,
    };
  }
  if (codes.has('DECEASED') || codes.has('MOVED_OUT')) {
    return {
      status: 'NOT_COVERED',
      title: 'Menurut data kependudukan, NIK ini tidak lagi tercatat sebagai penduduk aktif Kota.',
      nextSteps: ['Bila data ini keliru, datangi Disdukcapil dengan membawa KTP dan Kartu Keluarga.'],
      card,
    };
  }
  if (codes.has('NOT_POOR')) {
    return {
      status: 'NOT_COVERED',
      title: 'Program saat ini hanya menjamin penduduk miskin yang terdaftar di Data Terpadu Kesejahteraan Sosial.',
      nextSteps: [
        'Tanyakan pendaftaran ke kelurahan atau Dinas Sosial.',
        'Dalam keadaan darurat, datangi rumah sakit terdekat; petugas akan membantu.',
      ],
      card,
    };
  }
  if (codes.has('RECOMMENDATION_EXPIRED')) {
    return {
      status: 'NOT_COVERED',
      title: 'Surat rekomendasi Dinas Sosial Anda sudah tidak berlaku.',
      nextSteps: [
        'Datangi Dinas Sosial dengan membawa KTP dan Kartu Keluarga untuk menanyakan surat rekomendasi baru.',
      ],
      card,
    };
  }
  if (codes.has('NEWBORN_PARENT_NOT_MEMBER')) {
    return {
      status: 'NOT_COVERED',
      title: 'Kelahiran sudah tercatat, tetapi orang tua bayi bukan peserta Jamkesda pada tanggal lahir.',
      nextSteps: [
        'Bila ibu atau ayah peserta JKN, daftarkan bayi ke BPJS Kesehatan.',
        'Urus akta kelahiran dan pembaruan Kartu Keluarga di Disdukcapil.',
      ],
      card,
    };
  }
  if (codes.has('NOT_YET_RESIDENT')) {
    return {
      status: 'NOT_COVERED',
      title: 'Anda belum tercatat sebagai penduduk Kota pada hari ini.',
      nextSteps: ['Pastikan surat pindah datang Anda sudah diproses di Disdukcapil.'],
      card,
    };
  }
  return {
    status: 'NOT_COVERED',
    title: 'Anda tidak dijamin Jamkesda pada hari ini.',
    nextSteps: ['Hubungi Dinas Kesehatan untuk penjelasan lebih lanjut.'],
    card,
  };
}
