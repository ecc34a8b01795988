import type { Rng } from './random.js';

/**
 * The kinds of malformed row --faults injects, and what the contracts say must
 * happen to each (SPEC MEM-2, docs/contracts/population.md,
 * jkn-membership.md).
 */

export type Effect = 'reject' | 'warn' | 'accept';
export interface KindInfo {
  effect: Effect;
  how: 'added' | 'modified';
  weight: number;
  note: string;
}

export const POPULATION_FAULTS = {
  nik_15_digits: { effect: 'reject', how: 'added', weight: 8, note: 'NIK with a digit missing' },
  nik_17_digits: { effect: 'reject', how: 'added', weight: 6, note: 'NIK with a digit typed twice' },
  nik_letters: { effect: 'reject', how: 'added', weight: 6, note: 'NIK with a letter (O for 0, I for 1, …)' },
  nik_impossible_date: {
    effect: 'reject',
    how: 'added',
    weight: 8,
    note: 'NIK whose DDMMYY is not a date (day 35, month 13, 30 Feb, day 00)',
  },
  nik_serial_0000: { effect: 'reject', how: 'added', weight: 5, note: 'NIK serial 0000' },
  missing_required: { effect: 'reject', how: 'added', weight: 10, note: 'one required column empty' },
  invalid_jenis_kelamin: {
    effect: 'reject',
    how: 'added',
    weight: 6,
    note: 'jenis_kelamin not L/P/LAKI-LAKI/PEREMPUAN/1/2',
  },
  no_kk_malformed: { effect: 'reject', how: 'added', weight: 4, note: 'no_kk not 16 digits' },
  duplicate_nik: {
    effect: 'reject',
    how: 'added',
    weight: 8,
    note: 'a second row with the NIK of a clean non-head row: both rows are rejected',
  },
  family_without_head: {
    effect: 'warn',
    how: 'added',
    weight: 3,
    note: 'a family card with no KEPALA KELUARGA row: rows accepted, one warning per family',
  },
  nik_mismatch: {
    effect: 'warn',
    how: 'added',
    weight: 8,
    note: 'NIK date or sex disagrees with tanggal_lahir/jenis_kelamin: accepted with a warning',
  },
  name_special: {
    effect: 'accept',
    how: 'added',
    weight: 6,
    note: 'name with quotes, commas, a line break, SQL or HTML: must be stored as text',
  },
  date_dd_mm_yyyy: {
    effect: 'accept',
    how: 'modified',
    weight: 8,
    note: 'tanggal_lahir as DD-MM-YYYY (valid per contract)',
  },
  date_dd_slash_mm_yyyy: {
    effect: 'accept',
    how: 'modified',
    weight: 8,
    note: 'tanggal_lahir as DD/MM/YYYY (valid per contract)',
  },
  kode_wilayah_dotted: {
    effect: 'accept',
    how: 'modified',
    weight: 8,
    note: 'kode_wilayah with dots (valid per contract)',
  },
} as const satisfies Record<string, KindInfo>;

export const JKN_FAULTS = {
  nik_15_digits: { effect: 'reject', how: 'added', weight: 6, note: 'NIK with a digit missing' },
  nik_17_digits: { effect: 'reject', how: 'added', weight: 5, note: 'NIK with a digit typed twice' },
  nik_letters: { effect: 'reject', how: 'added', weight: 5, note: 'NIK with a letter' },
  nik_impossible_date: {
    effect: 'reject',
    how: 'added',
    weight: 5,
    note: 'NIK whose DDMMYY is not a date (SPEC MEM-2)',
  },
  nik_serial_0000: { effect: 'reject', how: 'added', weight: 4, note: 'NIK serial 0000 (SPEC MEM-2)' },
  missing_required: {
    effect: 'reject',
    how: 'added',
    weight: 8,
    note: 'one of nik/no_kartu/segmen/kelas/status empty',
  },
  unknown_segmen: { effect: 'reject', how: 'added', weight: 8, note: 'segmen not in the contract list' },
  kelas_4: { effect: 'reject', how: 'added', weight: 6, note: 'kelas 4' },
  invalid_status: { effect: 'reject', how: 'added', weight: 4, note: 'status not AKTIF/NONAKTIF' },
  no_kartu_malformed: { effect: 'reject', how: 'added', weight: 4, note: 'no_kartu not 13 digits' },
  duplicate_nik: {
    effect: 'reject',
    how: 'added',
    weight: 6,
    note: 'a second row for an insured NIK: both rows are rejected (row rules as in population.md)',
  },
  name_special: {
    effect: 'accept',
    how: 'modified',
    weight: 5,
    note: 'nama with quotes, commas, a line break, SQL or HTML',
  },
  date_dd_mm_yyyy: { effect: 'accept', how: 'modified', weight: 6, note: 'tanggal_mulai as DD-MM-YYYY' },
} as const satisfies Record<string, KindInfo>;

export type PopulationFaultKind = keyof typeof POPULATION_FAULTS;
export type JknFaultKind = keyof typeof JKN_FAULTS;

/** Nasty-but-legal names: the importer must keep them as text. */
export const SPECIAL_NAMES: readonly string[] = [
  `SITI "IIS" AMINAH`,
  'AHMAD, RIZKI',
  "'; DROP TABLE person; --",
  '<script>alert(1)</script>',
  "ROBERT O'NEIL",
  'MUHAMMAD\nRIZKI',
  'DEWI "WIWI", S.PD',
  '"; DELETE FROM person WHERE 1=1; --',
];

const LETTER_FOR: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z', '6': 'G' };

export function mangleNik(
  rng: Rng,
  nik: string,
  kind: 'nik_15_digits' | 'nik_17_digits' | 'nik_letters' | 'nik_impossible_date' | 'nik_serial_0000',
): string {
  const at = rng.int(6, 15);
  switch (kind) {
    case 'nik_15_digits':
      return nik.slice(0, at) + nik.slice(at + 1);
    case 'nik_17_digits':
      return nik.slice(0, at) + nik.charAt(at) + nik.slice(at);
    case 'nik_letters': {
      const c = nik.charAt(at);
      return nik.slice(0, at) + (LETTER_FOR[c] ?? 'X') + nik.slice(at + 1);
    }
    case 'nik_impossible_date': {
      const woman = Number(nik.slice(6, 8)) > 40;
      const variant = rng.int(0, 3);
      const dd = nik.slice(6, 8);
      const mm = nik.slice(8, 10);
      const date =
        variant === 0
          ? `${woman ? '75' : '35'}${mm}`
          : variant === 1
            ? `${dd}13`
            : variant === 2
              ? `${woman ? '70' : '30'}02`
              : `00${mm}`;
      return nik.slice(0, 6) + date + nik.slice(10);
    }
    case 'nik_serial_0000':
      return `${nik.slice(0, 12)}0000`;
  }
}

export function ddmmyyyy(iso: string, sep: string): string {
  return `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
}

export function dotted(villageCode: string): string {
  return `${villageCode.slice(0, 2)}.${villageCode.slice(2, 4)}.${villageCode.slice(4, 6)}.${villageCode.slice(6)}`;
}
