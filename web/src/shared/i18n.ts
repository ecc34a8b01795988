/**
 * UI text shared across pages, in Bahasa Indonesia. Page-specific text lives in
 * each module's strings.ts; domain labels (roles, bases, card statuses) live here
 * because several pages show them.
 */

import { BASIS_LABEL, CARD_STATUS_LABEL, SEVERITY_LABEL } from '@server/modules/membership/labels';
import { ROLE_LABELS } from '@server/platform/http/labels';

export const t = {
  app: {
    name: 'Jamkesda',
    fullName: 'Jamkesda — Jaminan Kesehatan Daerah',
    office: 'Dinas Kesehatan',
    skipToContent: 'Langsung ke konten utama',
    mainNav: 'Navigasi utama',
    openNav: 'Buka menu navigasi',
    closeNav: 'Tutup menu navigasi',
    logout: 'Keluar',
    loggingOut: 'Sedang keluar…',
    account: 'Akun',
    role: 'Peran',
    facility: 'Fasilitas',
    loading: 'Memuat…',
    footer: 'Data pribadi dilindungi UU 27/2022 — setiap akses dicatat dalam log audit.',
  },
  publicFooter: {
    program: 'Jamkesda — Jaminan Kesehatan Daerah, program pemerintah kota bagi penduduk yang belum dijamin JKN.',
    office: 'Diselenggarakan oleh Dinas Kesehatan.',
    links: 'Layanan publik',
    selfCheck: 'Cek kepesertaan mandiri',
    verifyCard: 'Verifikasi kartu',
    verifyReferral: 'Verifikasi surat rujukan',
    verifyLetter: 'Verifikasi surat rekomendasi',
    trackSjp: 'Lacak SJP',
    login: 'Masuk petugas',
  },
  nav: {
    home: 'Beranda',
    sectionCare: 'Rujukan dan jaminan',
    sectionMembership: 'Kepesertaan',
    sectionAdmin: 'Administrasi',
    eligibility: 'Cek kepesertaan',
    persons: 'Cari penduduk',
    importPopulation: 'Impor data penduduk',
    importJkn: 'Impor data JKN',
    importPoverty: 'Impor data DTKS',
    users: 'Pengguna',
    tokens: 'Token API',
    audit: 'Log audit',
    calendar: 'Hari libur',
    settings: 'Pengaturan program',
  },
  common: {
    save: 'Simpan',
    cancel: 'Batal',
    close: 'Tutup',
    delete: 'Hapus',
    search: 'Cari',
    reset: 'Atur ulang',
    retry: 'Coba lagi',
    copy: 'Salin',
    copied: 'Tersalin',
    yes: 'Ya',
    no: 'Tidak',
    none: '—',
    loadMore: 'Muat lebih banyak',
    noData: 'Belum ada data.',
    required: 'Wajib diisi.',
    actions: 'Tindakan',
    back: 'Kembali',
    date: 'Tanggal',
    download: 'Unduh',
    showing: (n: number) => `Menampilkan ${n} baris`,
  },
  errors: {
    network: 'Tidak dapat terhubung ke server. Periksa jaringan Anda lalu coba lagi.',
    unknown: 'Terjadi kesalahan yang tidak terduga.',
    http: (status: number) => `Server menjawab dengan kode ${status}.`,
    sessionExpired: 'Sesi Anda telah berakhir, silakan masuk kembali',
    forbiddenTitle: 'Anda tidak memiliki akses',
    forbiddenBody:
      'Halaman ini tidak tersedia untuk peran Anda. Hubungi administrator Dinas Kesehatan bila Anda memerlukannya.',
    notFoundTitle: 'Halaman tidak ditemukan',
    notFoundBody: 'Alamat yang Anda buka tidak ada atau sudah dipindahkan.',
    notFoundPublicBody:
      'Alamat yang Anda buka tidak ada atau sudah dipindahkan. Periksa kembali alamatnya, atau pilih salah satu layanan di bawah.',
    toLogin: 'Ke halaman masuk petugas',
    backHome: 'Kembali ke Beranda',
    pageCrashed: 'Halaman ini gagal ditampilkan.',
    pageCrashedBody:
      'Muat ulang halaman. Bila masih gagal, laporkan alamat halaman ini dan waktunya kepada administrator.',
    reload: 'Muat ulang halaman',
  },
  // Domain words shared with the server live once in its labels files.
  roles: ROLE_LABELS as Record<string, { name: string; does: string }>,
  basis: BASIS_LABEL as Record<string, string>,
  cardStatus: CARD_STATUS_LABEL as Record<string, string>,
  severity: SEVERITY_LABEL as Record<string, string>,
  jknSegment: {
    PBI_APBN: 'PBI APBN (iuran dibayar Pemerintah Pusat)',
    PBI_APBD: 'PBI APBD (iuran dibayar Pemerintah Daerah)',
    PBPU_PEMDA: 'PBPU Pemda (iuran dibayar Pemerintah Daerah)',
    PPU: 'PPU (pekerja penerima upah)',
    PBPU: 'PBPU (peserta mandiri)',
    BP: 'BP (bukan pekerja)',
  } as Record<string, string>,
  sex: { L: 'Laki-laki', P: 'Perempuan' } as Record<string, string>,
};

export function roleName(role: string): string {
  return t.roles[role]?.name ?? role;
}

export function label(map: Record<string, string>, key: string | null | undefined): string {
  if (!key) return t.common.none;
  return map[key] ?? key;
}
