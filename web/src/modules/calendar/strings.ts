/** Text of the holiday calendar page. */
export const s = {
  title: 'Hari libur',
  description:
    'Hari libur nasional dihitung otomatis. Tambahkan cuti bersama, libur lokal dan libur nasional tambahan yang ditetapkan pemerintah: semuanya dilewati saat menghitung batas waktu 3×24 jam kerja (SJP-1).',
  year: 'Tahun',
  prevYear: 'Tahun sebelumnya',
  nextYear: 'Tahun berikutnya',
  addTitle: 'Tambah hari libur',
  date: 'Tanggal',
  name: 'Nama hari libur',
  namePlaceholder: 'Misalnya: Cuti bersama Idulfitri',
  kind: 'Jenis',
  add: 'Tambah',
  added: (n: string) => `${n} ditambahkan`,
  removed: (n: string) => `${n} dihapus`,
  removeConfirmTitle: 'Hapus hari libur',
  removeConfirm: (n: string, d: string) =>
    `Hapus "${n}" (${d}) dari kalender? Batas waktu yang dihitung sesudahnya tidak lagi melewati hari ini.`,
  remove: 'Hapus',
  caption: (y: number) => `Hari libur tahun ${y}`,
  colDate: 'Tanggal',
  colDay: 'Hari',
  colName: 'Nama',
  colSource: 'Jenis',
  national: 'Libur nasional',
  count: (n: number, extra: number) => `${n} hari libur, ${extra} di antaranya ditambahkan Dinas Kesehatan.`,
  builtIn: 'Bawaan',
};
