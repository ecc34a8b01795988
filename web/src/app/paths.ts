/** Every page's address in one place, so links and routes never drift apart. */
export const paths = {
  home: '/',
  login: '/masuk',
  selfCheck: '/cek-mandiri',
  changePassword: '/ganti-kata-sandi',
  eligibility: '/cek-kepesertaan',
  persons: '/penduduk',
  person: (nik: string) => `/penduduk/${nik}`,
  importPopulation: '/impor/penduduk',
  importJkn: '/impor/jkn',
  importPoverty: '/impor/dtks',
  users: '/pengguna',
  tokens: '/token-api',
  audit: '/log-audit',
  calendar: '/hari-libur',
  settings: '/pengaturan-program',
} as const;
