import type { Db } from '../../platform/db/index.js';
import { encodeNik } from '../population/index.js';
import type { RecommendationService } from './service.js';

const SPECIAL = [
  {
    name: 'JOKO PRASETYO',
    birthDate: '1988-04-12',
    sex: 'L' as const,
    category: 'WARGA_BINAAN_LAPAS',
    institution: 'Lembaga Pemasyarakatan Kelas IIA',
    reason: 'Warga binaan yang memerlukan pemeriksaan lanjutan di rumah sakit; tidak memiliki jaminan kesehatan lain.',
  },
  {
    name: 'MARYATI',
    birthDate: '1951-09-30',
    sex: 'P' as const,
    category: 'PENGHUNI_PANTI',
    institution: 'Panti Sosial Tresna Werdha',
    reason: 'Lanjut usia penghuni panti tanpa keluarga; memerlukan kontrol rutin penyakit kronis.',
  },
  {
    name: 'UJANG',
    birthDate: '1979-01-05',
    sex: 'L' as const,
    category: 'ORANG_TERLANTAR',
    institution: 'Rumah Singgah Dinas Sosial',
    reason: 'Ditemukan terlantar dan sakit oleh petugas; dalam penampungan sementara sambil penelusuran keluarga.',
  },
];

/**
 * A few letters for the demo region: residents declared unable to pay and
 * three special-group persons outside the population data (NIKs of the
 * region's first district), one of them revoked. Runs as the caller's actor;
 * NIKs that already hold a letter are left alone, so running it again adds
 * only what is missing.
 */
export async function seedDemoRecommendations(
  db: Db,
  svc: RecommendationService,
  opts: { residents?: number } = {},
): Promise<{ numbers: string[] }> {
  const numbers: string[] = [];
  const residents = await db.query<{ nik: string }>(
    `SELECT p.nik FROM person p
     WHERE p.death_date IS NULL AND p.moved_out_date IS NULL AND p.birth_date < current_date - 18 * 365
       AND NOT EXISTS (SELECT 1 FROM recommendation r WHERE r.nik = p.nik)
     ORDER BY p.nik LIMIT $1`,
    [opts.residents ?? 4],
  );
  for (const { nik } of residents.rows) {
    const l = await svc.create({
      nik,
      category: 'TIDAK_MAMPU',
      reason: 'Hasil kunjungan rumah pekerja sosial: keluarga tidak mampu membiayai perawatan di rumah sakit.',
    });
    numbers.push(l.number);
  }

  const district =
    (await db.query<{ d: string }>('SELECT left(village_code, 6) AS d FROM person ORDER BY nik LIMIT 1')).rows[0]?.d ??
    '327501';
  for (const [i, p] of SPECIAL.entries()) {
    const nik = encodeNik({ regionCode: district, birthDate: p.birthDate, sex: p.sex, serial: 9901 + i });
    const taken = await db.query(
      'SELECT 1 FROM recommendation WHERE nik = $1 UNION ALL SELECT 1 FROM person WHERE nik = $1',
      [nik],
    );
    if (taken.rows.length) continue;
    const l = await svc.create({
      nik,
      category: p.category,
      institution: p.institution,
      reason: p.reason,
      person: { name: p.name, birthDate: p.birthDate, sex: p.sex },
    });
    numbers.push(l.number);
    if (p.category === 'ORANG_TERLANTAR')
      await svc.revoke(l.id, { reason: 'Keluarga ditemukan dan yang bersangkutan kembali ke daerah asal.' });
  }
  return { numbers };
}
