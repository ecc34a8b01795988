/** Text of the SJP late-submission policy page; the policy codes in words. */
export const LATE_POLICY: Record<'ACCEPT' | 'REFUSE', string> = {
  ACCEPT: 'Diterima dan dicatat terlambat',
  REFUSE: 'Ditolak',
};

export const latePolicyText: Record<'ACCEPT' | 'REFUSE', string> = {
  ACCEPT:
    'Berkas yang diajukan setelah batas 3×24 jam kerja tetap diterima; lama keterlambatannya dicatat dan terlihat oleh verifikator klaim.',
  REFUSE:
    'Berkas yang diajukan setelah batas 3×24 jam kerja tidak dapat diajukan; rumah sakit menerima pesan penolakan.',
};

export const s = {
  title: 'Kebijakan keterlambatan SJP',
  description:
    'Apa yang terjadi bila rumah sakit mengajukan berkas SJP setelah batas waktu 3×24 jam kerja sejak pasien masuk. Setiap perubahan berlaku mulai tanggal tertentu; riwayatnya disimpan.',
  current: 'Berlaku hari ini',
  policy: 'Pengajuan yang terlambat',
  since: 'Berlaku sejak',
  sinceDefault: 'Bawaan program (belum pernah diatur)',
  next: 'Perubahan berikutnya',
  scheduleTitle: 'Jadwalkan perubahan',
  scheduleHelp:
    'Perubahan berlaku paling cepat besok, agar pengajuan hari ini dinilai dengan aturan yang diketahui rumah sakit.',
  from: 'Berlaku mulai',
  note: 'Dasar hukum atau alasan',
  notePlaceholder: 'Misalnya: Surat Edaran Kepala Dinas Nomor …',
  submit: 'Jadwalkan',
  confirmTitle: 'Jadwalkan kebijakan keterlambatan?',
  confirmBody: (policy: string, from: string) =>
    `Mulai ${from}, pengajuan SJP yang melewati batas waktu: ${policy.toLowerCase()}. Rumah sakit terkena aturan ini sejak tanggal itu.`,
  scheduled: (d: string) => `Kebijakan keterlambatan dijadwalkan berlaku mulai ${d}.`,
  history: 'Riwayat kebijakan',
  caption: 'Riwayat kebijakan keterlambatan SJP, terbaru di atas',
  empty: 'Belum pernah diatur: pengajuan terlambat diterima dan dicatat terlambat (bawaan).',
  state: 'Keadaan',
  stateScheduled: 'Terjadwal',
  stateCurrent: 'Berlaku',
  statePast: 'Sudah diganti',
  createdAt: 'Dicatat',
  readOnly: 'Hanya administrator yang dapat menjadwalkan perubahan kebijakan.',
};
