import { DATA_NAME, ENDED_LABEL, FIELD_LABEL, KIND_LABEL, STATUS_LABEL } from '@server/modules/reconciliation/labels';

/** "semua butir jenis A, B dan 3 butir terpilih". */
function chosen(kinds: string[], items: number) {
  return `${kinds.length ? `semua butir jenis ${kinds.join(', ')} yang belum diputuskan` : ''}${kinds.length && items ? ' dan ' : ''}${items ? `${items} butir terpilih` : ''}`;
}

/** Text of the reconciliation pages (MEM-7), in Bahasa Indonesia. */
export const s = {
  list: {
    title: 'Rekonsiliasi',
    description:
      'Setiap impor data penduduk atau JKN setelah impor pertama menghasilkan daftar perubahan. Perubahan baru berlaku setelah disetujui petugas kepesertaan; tidak ada data yang dihapus diam-diam.',
    caption: 'Daftar perubahan hasil impor, terbaru di atas',
    colId: 'No.',
    colKind: 'Data',
    colAsOf: 'Tanggal data',
    colFile: 'Berkas',
    colItems: 'Butir',
    colStatus: 'Status',
    colCreated: 'Dibuat',
    open: 'Tinjau',
    empty: 'Belum ada daftar perubahan. Daftar dibuat otomatis saat data penduduk atau JKN yang lebih baru diimpor.',
    filterStatus: 'Status',
    all: 'Semua',
  },
  kind: { population: 'Penduduk (Dukcapil)', jkn: 'JKN (BPJS Kesehatan)' } as Record<string, string>,
  /** Change set statuses, change kinds and field names: the server's words (labels.ts), one copy for both sides. */
  status: STATUS_LABEL as Record<string, string>,
  kinds: KIND_LABEL as Record<string, string>,
  fields: FIELD_LABEL,
  ended: ENDED_LABEL,
  kindIntro: { population: 'Data kependudukan (Dukcapil)', jkn: 'Data kepesertaan JKN (BPJS Kesehatan)' } as Record<
    string,
    string
  >,
  statusColor: { PENDING: 'yellow', APPROVED: 'dinkes', PARTIALLY_APPROVED: 'blue', REJECTED: 'red' } as Record<
    string,
    string
  >,
  decision: {
    PENDING: 'Menunggu',
    APPROVED: 'Disetujui',
    DECLINED: 'Tidak disetujui',
    STALE: 'Tidak diterapkan',
  } as Record<string, string>,
  decisionColor: { PENDING: 'gray', APPROVED: 'dinkes', DECLINED: 'red', STALE: 'orange' } as Record<string, string>,
  kindHelp: {
    BIRTH: 'Orang baru yang lahir setelah tanggal data sebelumnya. Berlaku sejak tanggal lahir.',
    MOVE_IN: 'Orang baru yang lahir sebelum tanggal data sebelumnya: pindah datang. Penduduk sejak tanggal data ini.',
    DEATH: 'Tanggal meninggal baru tercatat. Tidak dijamin sejak tanggal meninggal.',
    MOVE_OUT: 'Tanggal pindah keluar Kota baru tercatat. Tidak dijamin sejak tanggal pindah.',
    MISSING:
      'Ada di data sebelumnya tetapi tidak ada dalam snapshot ini. Bila disetujui, dicatat pindah keluar per tanggal data ini.',
    FAMILY_CHANGE: 'Nomor KK atau hubungan dalam keluarga berubah.',
    ADDRESS_CHANGE: 'Kelurahan/desa, alamat, RT atau RW berubah.',
    EKTP_RECORDED: 'Perekaman e-KTP baru tercatat: kartu dapat diterbitkan.',
    CORRECTION: 'Nama, tanggal/tempat lahir, jenis kelamin, atau tanggal meninggal/pindah yang sudah tercatat berubah.',
    NEWLY_PBI:
      'Menjadi peserta JKN aktif yang iurannya dibayar pemerintah: tidak lagi dijamin Jamkesda sejak tanggal data ini.',
    NO_LONGER_PBI:
      'Tidak lagi peserta JKN aktif yang iurannya dibayar pemerintah (berubah segmen, nonaktif, atau tidak ada dalam berkas).',
    UNKNOWN_NIK: 'NIK dalam berkas JKN yang tidak ada dalam data penduduk. Informasi; disimpan bila disetujui.',
    OTHER_JKN: 'Perubahan JKN lain: segmen bukan PBI, kelas, status, tunggakan, faskes, atau peserta baru.',
  } as Record<string, string>,
  page: {
    title: (id: number) => `Daftar perubahan #${id}`,
    intro: (kind: string, asOf: string, prev: string | null, file: string | null) =>
      `${kind} per ${asOf}${prev ? `, dibandingkan dengan data per ${prev}` : ''}${file ? ` · berkas ${file}` : ''}.`,
    pendingNote: (undecided: string, total: string, kind: string) =>
      `${undecided} dari ${total} butir belum diputuskan. Putuskan per jenis atau per butir, hari ini atau nanti: butir yang disetujui langsung diterapkan, sisanya tetap menunggu. ` +
      `Selama masih ada butir yang belum diputuskan, impor data ${kind} berikutnya ditahan.`,
    pendingKind: DATA_NAME as Record<string, string>,
    readOnly: 'Hanya petugas kepesertaan yang dapat menyetujui atau menolak daftar perubahan.',
    decided: (status: string, by: string | null, at: string) => `${status}${by ? ` oleh ${by}` : ''} pada ${at}.`,
    counts: (approved: number, declined: number, stale: number) =>
      `${approved} butir diterapkan, ${declined} tidak disetujui${stale ? `, ${stale} tidak diterapkan karena datanya sudah berubah sejak daftar dibuat` : ''}.`,
    note: 'Catatan',
    download: 'Unduh laporan (XLSX)',
    downloadFiltered: 'Unduh sesuai saringan (XLSX)',
    byKind: 'Jumlah per jenis perubahan',
    byKindCaption: 'Jumlah butir per jenis perubahan',
    colSelect: 'Pilih',
    colKindName: 'Jenis perubahan',
    colCode: 'Kode',
    colTotal: 'Butir',
    colOutcome: 'Sudah diputuskan',
    colPending: 'Belum diputuskan',
    colDecide: 'Putuskan',
    approveKind: 'Setujui',
    declineKind: 'Tidak setujui',
    approveKindLabel: (k: string) => `Setujui semua butir ${k} yang belum diputuskan`,
    declineKindLabel: (k: string) => `Tidak setujui semua butir ${k} yang belum diputuskan`,
    confirmKindTitle: (k: string) => `Setujui butir ${k}?`,
    confirmKindBody: (n: string) =>
      `${n} butir jenis ini akan diterapkan ke data kepesertaan dan dicatat dalam riwayat perubahan. Jenis lain tetap menunggu keputusan.`,
    confirmDeclineKindTitle: (k: string) => `Tidak setujui butir ${k}?`,
    confirmDeclineKindBody: (n: string) =>
      `${n} butir jenis ini tidak diterapkan; data orangnya tidak berubah. Jenis lain tetap menunggu keputusan. Keputusan tidak dapat dibatalkan.`,
    allDecided: 'Semua butir sudah diputuskan',
    selectKind: (k: string) => `Pilih semua butir ${k}`,
    byArea: 'Jumlah per wilayah',
    byAreaCaption: 'Jumlah butir per kecamatan dan kelurahan/desa',
    colDistrict: 'Kecamatan',
    colVillage: 'Kelurahan/desa',
    unknownArea: 'Tidak diketahui (NIK di luar data penduduk)',
    filterArea: 'Saring',
    items: 'Butir perubahan',
    tabAll: 'Semua butir',
    tabSample: 'Sampel acak',
    filterKind: 'Jenis perubahan',
    filterAreaLabel: 'Wilayah',
    allKinds: 'Semua jenis',
    allAreas: 'Semua wilayah',
    resetFilter: 'Hapus saringan',
    itemsCaption: 'Butir perubahan dengan nilai sebelum dan sesudah',
    colNo: 'No.',
    colNik: 'NIK',
    colName: 'Nama',
    colArea: 'Wilayah',
    colEffective: 'Berlaku',
    colChange: 'Sebelum → sesudah',
    colDecision: 'Keputusan',
    selectItem: (nik: string) => `Pilih butir NIK ${nik}`,
    total: (n: string) => `${n} butir`,
    sampleIntro: (n: number) =>
      `${n} butir dipilih acak dari saringan saat ini. Periksa beberapa dengan dokumen Dukcapil/BPJS sebelum menyetujui.`,
    newSample: 'Ambil sampel lain',
    selected: (kinds: number, items: number) => `Dipilih: ${kinds} jenis, ${items} butir.`,
    approveAll: (n: string) => `Setujui semua yang tersisa (${n} butir)`,
    approveAllTyped: (n: string) => `Setujui semua yang tersisa (${n} butir) — perlu konfirmasi`,
    approveSelected: 'Setujui yang dipilih',
    declineSelected: 'Tidak setujui yang dipilih',
    reject: 'Tolak semua yang tersisa',
    clearSelection: 'Batalkan pilihan',
    confirmAllTitle: 'Setujui semua butir yang tersisa?',
    confirmAllBody: (n: string) =>
      `${n} butir akan diterapkan ke data kepesertaan dan dicatat dalam riwayat perubahan. Keputusan tidak dapat dibatalkan.`,
    confirmSelectedTitle: 'Setujui butir yang dipilih?',
    confirmSelectedBody: (kinds: string[], items: number) =>
      `Disetujui: ${chosen(kinds, items)}. Butir lain tetap menunggu keputusan. Keputusan tidak dapat dibatalkan.`,
    confirmDeclineSelectedTitle: 'Tidak setujui butir yang dipilih?',
    confirmDeclineSelectedBody: (kinds: string[], items: number) =>
      `Tidak disetujui: ${chosen(kinds, items)}. Data orangnya tidak berubah; butir lain tetap menunggu keputusan. Keputusan tidak dapat dibatalkan.`,
    decline: 'Tidak setujui',
    approve: 'Setujui',
    approvedToast: 'Keputusan tersimpan.',
    rejectTitle: 'Tolak semua butir yang tersisa',
    rejectBody:
      'Butir yang belum diputuskan tidak diterapkan dan daftar ditutup; butir yang sudah disetujui tetap berlaku. Tuliskan alasannya.',
    rejectReason: 'Alasan penolakan',
    rejectHint: 'Minimal 5 huruf, mis. "Berkas Dukcapil salah kirim, menunggu berkas pengganti".',
    rejectConfirm: 'Tolak dan tutup daftar',
    noChanges: 'Tidak ada perubahan dibanding data yang sudah dimuat.',
  },
  suspect: {
    badge: 'Mencurigakan',
    title: 'Berkas ini mencurigakan: mungkin terpotong atau hanya sebagian wilayah',
    intro: 'Periksa berkasnya sebelum memutuskan. Bila ragu, tolak daftar ini dan minta berkas lengkap dari sumbernya.',
    before: { population: 'Penduduk tercatat sebelum impor', jkn: 'Kepesertaan JKN berlaku sebelum impor' } as Record<
      string,
      string
    >,
    rows: 'Baris dalam berkas ini',
    previousRows: 'Baris dalam berkas terakhir',
    ending: {
      population: 'Tidak ada dalam snapshot (akan dicatat pindah keluar)',
      jkn: 'Tidak ada dalam berkas (kepesertaan berakhir)',
    } as Record<string, string>,
    share: 'Bagian yang akan diakhiri',
    threshold: 'Batas kewajaran (diatur administrator server)',
    caption: 'Angka pemeriksaan berkas',
    typedNote: (n: string, what: string) =>
      `Menyetujui ${n} ${what} yang akan diakhiri hanya dapat dilakukan dengan mengetik jumlahnya sebagai konfirmasi.`,
    noun: { population: 'penduduk', jkn: 'kepesertaan JKN' } as Record<string, string>,
  },
  typed: {
    title: 'Konfirmasi: mengakhiri banyak data sekaligus',
    body: (n: string, what: string) =>
      `Persetujuan ini akan mengakhiri ${n} ${what} dari daftar perubahan yang ditandai mencurigakan. Pastikan berkasnya lengkap. Keputusan tidak dapat dibatalkan.`,
    label: (what: string) => `Ketik jumlah ${what} yang akan diakhiri`,
    hint: (n: string) => `Ketik ${n} untuk melanjutkan.`,
    mismatch: 'Jumlah yang diketik belum sama.',
    confirm: (n: string, what: string) => `Setujui dan akhiri ${n} ${what}`,
  },
  yes: 'Ya',
  no: 'Tidak',
};
