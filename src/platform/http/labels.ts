/**
 * The roles of SPEC §2 and their words, shared by the server (permission table, audit export)
 * and the web app (role pickers, the account menu). Plain records only: the web bundle imports
 * this file as a value, so it imports nothing.
 */

export const ROLES = [
  'admin',
  'kepesertaan',
  'sjp',
  'verifikator',
  'ketua',
  'bendahara',
  'puskesmas',
  'rumahsakit',
  'dinsos',
  'dukcapil',
  'pimpinan',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Facility staff: bound to exactly one facility (table constraint app_user_facility_scope). */
export const FACILITY_ROLES: readonly Role[] = ['puskesmas', 'rumahsakit'];

/** Each role's name and, in one line, what it does (the account menu and the user administration). */
export const ROLE_LABELS: Record<Role, { name: string; does: string }> = {
  admin: {
    name: 'Administrator sistem',
    does: 'Mengelola pengguna, token API, pengaturan program, hari libur dan data referensi.',
  },
  kepesertaan: {
    name: 'Petugas kepesertaan',
    does: 'Mengimpor data penduduk dan JKN, rekonsiliasi, kartu, serta perubahan kepesertaan.',
  },
  sjp: {
    name: 'Petugas SJP',
    does: 'Memeriksa dan menerbitkan Surat Jaminan Pelayanan serta persetujuan kasus insidentil.',
  },
  verifikator: {
    name: 'Verifikator klaim',
    does: 'Memverifikasi klaim dan menandatangani berita acara hasil verifikasi.',
  },
  ketua: { name: 'Ketua Satuan Pelaksana', does: 'Menyetujui berita acara verifikasi dan usulan pembayaran.' },
  bendahara: { name: 'Bendahara', does: 'Pembayaran klaim dan realisasi anggaran.' },
  puskesmas: { name: 'Petugas puskesmas (PPK I)', does: 'Cek kepesertaan, kunjungan dan rujukan di puskesmas Anda.' },
  rumahsakit: {
    name: 'Petugas rumah sakit (PPK II)',
    does: 'Cek kepesertaan, pendaftaran rawat inap, permintaan SJP, laporan tempat tidur dan klaim.',
  },
  dinsos: { name: 'Petugas Dinas Sosial', does: 'Surat rekomendasi jaminan dan data kemiskinan.' },
  dukcapil: { name: 'Petugas Dukcapil', does: 'Mengirim data kependudukan.' },
  pimpinan: { name: 'Pimpinan / Tim Pengendali', does: 'Melihat dasbor dan laporan program (hanya baca).' },
  auditor: { name: 'Auditor / Inspektorat', does: 'Akses baca termasuk log audit.' },
};
