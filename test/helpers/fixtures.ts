import { encodeNik } from '../../src/modules/population/rules/nik.js';

export const POP_HEADER =
  'nik,no_kk,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,hubungan_keluarga,alamat,rt,rw,kode_wilayah,status_ektp,tanggal_meninggal,tanggal_pindah';
export const JKN_HEADER = 'nik,no_kartu,nama,segmen,kelas,status,tanggal_mulai,tunggakan_bulan,faskes_tk1';

/** A village of Kota Bekasi (Bekasi Timur district) used across tests. */
export const VILLAGE = '3275011001';
export const DISTRICT = '327501';

let serial = 1;
export function nikFor(birthDate: string, sex: 'L' | 'P', region = DISTRICT): string {
  return encodeNik({ regionCode: region, birthDate, sex, serial: serial++ });
}

export interface PersonRow {
  nik?: string;
  noKk: string;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  relation: string;
  ektp?: 'Y' | 'N';
  deathDate?: string;
  movedOutDate?: string;
  village?: string;
}

export function popLine(p: PersonRow & { nik: string }): string {
  const cells = [
    p.nik,
    p.noKk,
    p.name,
    p.sex,
    'BEKASI',
    p.birthDate,
    p.relation,
    'JL. MAWAR NO. 1',
    '001',
    '002',
    p.village ?? VILLAGE,
    p.ektp ?? 'Y',
    p.deathDate ?? '',
    p.movedOutDate ?? '',
  ];
  return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

/** A small family: head, spouse, child (no e-KTP yet); NIKs consistent with birth dates. */
export function family(kk: string, surname: string) {
  const member = (first: string, sex: 'L' | 'P', birthDate: string, relation: string) => ({
    nik: nikFor(birthDate, sex),
    noKk: kk,
    name: `${first} ${surname}`,
    sex,
    birthDate,
    relation,
  });
  return [
    member('BUDI', 'L', '1980-03-15', 'KEPALA KELUARGA'),
    member('SITI', 'P', '1984-07-01', 'ISTRI'),
    { ...member('AYU', 'P', '2012-01-20', 'ANAK'), ektp: 'N' as const },
  ];
}

export function csv(header: string, lines: string[]): string {
  return `${header}\n${lines.join('\n')}\n`;
}
