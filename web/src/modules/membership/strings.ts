/** Text of the membership pages: eligibility check and JKN import. */
export const s = {
  povertyImport: {
    title: 'Impor data DTKS',
    description:
      'Data Terpadu Kesejahteraan Sosial (Kemensos) per NIK pada satu tanggal. Dipakai bila program hanya menjamin penduduk miskin: yang dijamin adalah penduduk berstatus AKTIF pada desil 1–4.',
    columns:
      'Kolom: nik, desil (1–10), status (AKTIF/NONAKTIF, boleh kosong = AKTIF), tanggal_penetapan (boleh kosong).',
  },
  jknImport: {
    title: 'Impor data JKN',
    description:
      'Data kepesertaan JKN penduduk dari BPJS Kesehatan pada satu tanggal. Peserta PBI (iuran dibayar pemerintah) tidak dijamin Jamkesda selama aktif; peserta JKN aktif lainnya tetap dijamin dengan JKN sebagai penjamin pertama.',
    columns:
      'Kolom: nik, no_kartu, nama, segmen (PBI_APBN, PBI_APBD, PBPU_PEMDA, PPU, PBPU, BP), kelas, status (AKTIF/NONAKTIF), tanggal_mulai, tunggakan_bulan, faskes_tk1.',
  },
  check: {
    title: 'Cek kepesertaan',
    description:
      'Apakah NIK ini dijamin Jamkesda pada tanggal layanan, dan atas dasar apa? Setiap pengecekan dicatat dalam log audit.',
    nik: 'NIK',
    nikHint: '16 digit angka sesuai KTP atau KK. Spasi dan titik boleh.',
    date: 'Tanggal layanan',
    submit: 'Cek',
    nikEmpty: 'Isi NIK yang akan dicek.',
    nikNotDigits: 'NIK hanya berisi angka.',
    nikLength: (n: number) => `NIK harus 16 digit angka (saat ini ${n} digit).`,
    nikSerial: 'Empat digit terakhir NIK (nomor urut) tidak boleh 0000.',
    dateRequired: 'Pilih tanggal layanan.',
    checking: 'Memeriksa kepesertaan…',
    eligible: 'DIJAMIN',
    notEligible: 'TIDAK DIJAMIN',
    announce: (verdict: string, name: string, basis: string) => `Hasil: ${verdict}. ${name}. ${basis}`,
    basis: 'Dasar penjaminan',
    noBasis: 'Tidak ada dasar penjaminan',
    onDate: (d: string) => `pada ${d}`,
    person: 'Penduduk',
    unknownPerson: 'NIK tidak ditemukan dalam data kependudukan.',
    card: 'Kartu Sehat (KS-NIK)',
    jkn: 'JKN',
    noJkn: 'Tidak terdaftar sebagai peserta JKN.',
    reasons: 'Alasan dan catatan',
    noReasons: 'Tidak ada catatan.',
    rule: 'Aturan yang memutuskan',
    openPerson: 'Lihat data penduduk',
    f: {
      name: 'Nama',
      nik: 'NIK',
      sex: 'Jenis kelamin',
      birthDate: 'Tanggal lahir',
      family: 'Nomor KK',
      cardNumber: 'Nomor kartu',
      cardStatus: 'Status kartu',
      segment: 'Segmen',
      status: 'Status',
      jknCard: 'Nomor kartu JKN',
    },
  },
};
