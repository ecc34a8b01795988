import type { LocationCategory } from './ranking.js';

import { KINDS, STATUSES, STATUS_LABEL, type Kind, type Status } from '../labels.js';

export { KINDS, STATUSES };
export type { Kind, Status };

export interface FacilityFacts {
  code: string;
  name: string;
  level: 'PPK1' | 'PPK2';
  location: LocationCategory | null;
}

export interface DestinationFacts extends FacilityFacts {
  /** An agreement (PKS) in force today. */
  partner: boolean;
  freeBeds: number | null;
}

export interface Refusal {
  code: string;
  message: string;
}

/**
 * Whether `from` may refer a patient to `to` (REF-1, REF-4, FAC-2). An
 * emergency may go to a hospital without an agreement or free bed; the
 * out-of-city rule holds for every referral.
 */
export function checkDestination(from: FacilityFacts, to: DestinationFacts, emergency: boolean): Refusal | null {
  if (from.code === to.code)
    return { code: 'SAME_FACILITY', message: 'Fasilitas tujuan tidak boleh sama dengan fasilitas perujuk.' };
  if (to.level !== 'PPK2')
    return { code: 'NOT_A_HOSPITAL', message: `${to.name} bukan rumah sakit (PPK II); rujukan hanya ke rumah sakit.` };
  if (to.location === 'LUAR_KOTA' && !(from.level === 'PPK2' && (from.location ?? 'DALAM_KOTA') === 'DALAM_KOTA')) {
    return {
      code: 'OUT_OF_CITY_NEEDS_HOSPITAL_REFERRAL',
      message: `${to.name} berada di luar kota. Pelayanan di rumah sakit luar kota hanya dengan rujukan dari rumah sakit di dalam kota (REF-4); rujuk pasien ke rumah sakit dalam kota lebih dahulu.`,
    };
  }
  if (emergency) return null;
  if (!to.partner) {
    return {
      code: 'NO_AGREEMENT',
      message: `${to.name} tidak memiliki perjanjian kerja sama (PKS) Jamkesda yang berlaku hari ini, sehingga tidak dapat menerima rujukan kecuali kasus gawat darurat. Pilih rumah sakit mitra lain.`,
    };
  }
  if (!to.freeBeds || to.freeBeds <= 0) {
    return {
      code: 'NO_FREE_BED',
      message: `${to.name} tidak melaporkan tempat tidur kelas III yang kosong. Pilih rumah sakit mitra lain yang masih memiliki tempat tidur kosong.`,
    };
  }
  return null;
}

/** REF-7: a referral from a hospital waits for the receiver's bed confirmation; a puskesmas referral is sent at once. */
export function initialStatus(from: FacilityFacts): Status {
  return from.level === 'PPK2' ? 'AWAITING_BED' : 'SENT';
}

export type Action = 'CONFIRM_BED' | 'DECLINE' | 'ARRIVE' | 'ADMIT' | 'RETURN';

const MOVES: Record<Action, { from: readonly Status[]; to: Status; label: string }> = {
  CONFIRM_BED: { from: ['AWAITING_BED'], to: 'SENT', label: 'konfirmasi tempat tidur' },
  DECLINE: { from: ['AWAITING_BED', 'SENT'], to: 'DECLINED', label: 'penolakan' },
  ARRIVE: { from: ['SENT'], to: 'ARRIVED', label: 'pasien tiba' },
  ADMIT: { from: ['SENT', 'ARRIVED'], to: 'ADMITTED', label: 'pasien dirawat' },
  RETURN: { from: ['ARRIVED', 'ADMITTED'], to: 'RETURNED', label: 'rujukan balik' },
};

/** A status inside a sentence. */
const statusWord = (s: Status) => STATUS_LABEL[s].toLowerCase();

/** The status after `action`, or why the action is not possible in the current status. */
export function transition(
  current: Status,
  action: Action,
): { ok: true; status: Status } | { ok: false; message: string } {
  const m = MOVES[action];
  if (m.from.includes(current)) return { ok: true, status: m.to };
  return {
    ok: false,
    message: `Rujukan berstatus "${statusWord(current)}"; ${m.label} hanya dapat dicatat bila statusnya ${m.from.map((s) => `"${statusWord(s)}"`).join(' atau ')}.`,
  };
}

/** Letter numbers: `<seq, 5 digits>/RUJ-JKD/<year>`; the sequence restarts each calendar year. */
export function formatReferralNumber(seq: number, year: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Nomor urut tidak sah: ${seq}`);
  return `${String(seq).padStart(5, '0')}/RUJ-JKD/${year}`;
}
