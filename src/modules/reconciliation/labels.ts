/**
 * MEM-7 change kinds and the names people read for them, shared by the server (rules/kinds.ts, the XLSX
 * report, the CLI) and the web app. Plain records that import nothing: the web bundle takes them as values.
 */

export type ChangeSetKind = 'population' | 'jkn';

export const POPULATION_KINDS = [
  'BIRTH',
  'MOVE_IN',
  'DEATH',
  'MOVE_OUT',
  'MISSING',
  'FAMILY_CHANGE',
  'ADDRESS_CHANGE',
  'EKTP_RECORDED',
  'CORRECTION',
] as const;
export const JKN_KINDS = ['NEWLY_PBI', 'NO_LONGER_PBI', 'UNKNOWN_NIK', 'OTHER_JKN'] as const;

export type PopulationItemKind = (typeof POPULATION_KINDS)[number];
export type JknItemKind = (typeof JKN_KINDS)[number];
export type ItemKind = PopulationItemKind | JknItemKind;

/** What an item is called on screen and in the download. */
export const KIND_LABEL: Record<ItemKind, string> = {
  BIRTH: 'Kelahiran',
  MOVE_IN: 'Pindah datang',
  DEATH: 'Meninggal dunia',
  MOVE_OUT: 'Pindah keluar',
  MISSING: 'Tidak ada dalam snapshot',
  FAMILY_CHANGE: 'Perubahan keluarga',
  ADDRESS_CHANGE: 'Perubahan alamat',
  EKTP_RECORDED: 'e-KTP terekam',
  CORRECTION: 'Perbaikan data',
  NEWLY_PBI: 'Menjadi PBI',
  NO_LONGER_PBI: 'Tidak lagi PBI',
  UNKNOWN_NIK: 'NIK tidak dikenal',
  OTHER_JKN: 'Perubahan JKN lain',
};

export const CHANGE_SET_STATUSES = ['PENDING', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'] as const;
export type ChangeSetStatus = (typeof CHANGE_SET_STATUSES)[number];

/** A change set's status as a heading or a badge shows it. */
export const STATUS_LABEL: Record<ChangeSetStatus, string> = {
  PENDING: 'Menunggu keputusan',
  APPROVED: 'Disetujui',
  PARTIALLY_APPROVED: 'Disetujui sebagian',
  REJECTED: 'Ditolak',
};

/** The same status inside a sentence ("… sudah selesai diputuskan (disetujui sebagian)"). */
export const STATUS_NAME: Record<ChangeSetStatus, string> = {
  PENDING: 'menunggu keputusan',
  APPROVED: 'disetujui',
  PARTIALLY_APPROVED: 'disetujui sebagian',
  REJECTED: 'ditolak',
};

/** The data a change set comes from, inside a sentence ("impor data penduduk"). */
export const DATA_NAME: Record<ChangeSetKind, string> = { population: 'penduduk', jkn: 'JKN' };

/** Field names of the items' before/after values, as people read them. */
export const FIELD_LABEL: Record<string, string> = {
  no_kk: 'No. KK',
  name: 'Nama',
  sex: 'Jenis kelamin',
  birth_place: 'Tempat lahir',
  birth_date: 'Tanggal lahir',
  relation: 'Hubungan keluarga',
  address: 'Alamat',
  rt: 'RT',
  rw: 'RW',
  village_code: 'Kode wilayah',
  ektp_recorded: 'e-KTP',
  death_date: 'Tanggal meninggal',
  moved_out_date: 'Tanggal pindah',
  card_number: 'No. kartu JKN',
  segment: 'Segmen',
  class: 'Kelas',
  status: 'Status',
  start_date: 'Tanggal mulai',
  arrears_months: 'Tunggakan (bulan)',
  primary_facility: 'Faskes TK 1',
};

/** What an item without an "after" (a JKN row gone from the file) changes. */
export const ENDED_LABEL = 'Tidak lagi ada dalam berkas JKN: periode kepesertaan berakhir';
