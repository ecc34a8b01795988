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

/** A small family: head, spouse, child; NIKs consistent with birth dates. */
export function family(kk: string, surname: string) {
  const head = {
    nik: nikFor('1980-03-15', 'L'),
    noKk: kk,
    name: `BUDI ${surname}`,
    sex: 'L' as const,
    birthDate: '1980-03-15',
    relation: 'KEPALA KELUARGA',
  };
  const wife = {
    nik: nikFor('1984-07-01', 'P'),
    noKk: kk,
    name: `SITI ${surname}`,
    sex: 'P' as const,
    birthDate: '1984-07-01',
    relation: 'ISTRI',
  };
  const child = {
    nik: nikFor('2012-01-20', 'P'),
    noKk: kk,
    name: `AYU ${surname}`,
    sex: 'P' as const,
    birthDate: '2012-01-20',
    relation: 'ANAK',
    ektp: 'N' as const,
  };
  return [head, wife, child];
}

export function csv(header: string, lines: string[]): string {
  return `${header}\n${lines.join('\n')}\n`;
}
