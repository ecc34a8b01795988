import { describe, expect, it } from 'vitest';
import { missingColumns, parseFacilityRow } from './registry-row.js';

const good = {
  kode: 'rs-0001',
  nama: ' RSUD  KOTA ',
  jenis: 'RUMAH_SAKIT',
  kelas: 'b',
  kepemilikan: 'PEMERINTAH_DAERAH',
  lokasi: 'DALAM_KOTA',
  rsud: 'Y',
  kode_wilayah: '32.75.01.1001',
  alamat: 'Jl. Pramuka 55',
  telepon: '(021) 880-1234',
};

describe('facility row', () => {
  it('normalises a good hospital row', () => {
    const { record, problems } = parseFacilityRow(good, 2);
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      code: 'RS-0001',
      name: 'RSUD KOTA',
      level: 'PPK2',
      class: 'B',
      isRsud: true,
      villageCode: '3275011001',
    });
  });
  it("reads the generator's KLINIK as a primary clinic at PPK I", () => {
    const { record } = parseFacilityRow({ ...good, jenis: 'KLINIK', kelas: '', rsud: 'N' }, 3);
    expect(record).toMatchObject({ kind: 'KLINIK_PRATAMA', level: 'PPK1', class: null });
  });
  it('names row and column of each problem', () => {
    const { record, problems } = parseFacilityRow(
      { ...good, jenis: 'PUSKESMAS', kelas: 'B', lokasi: 'MARS', telepon: 'abc' },
      7,
    );
    expect(record).toBeNull();
    expect(problems.map((p) => `${p.row}:${p.column}`).sort()).toEqual(['7:kelas', '7:lokasi', '7:rsud', '7:telepon']);
  });
  it('requires a class for hospitals', () => {
    expect(parseFacilityRow({ ...good, kelas: '' }, 4).problems.map((p) => p.column)).toEqual(['kelas']);
  });
  it('lists missing header columns', () => {
    expect(missingColumns(['kode', 'nama', 'jenis'])).toEqual(['kelas', 'kepemilikan', 'lokasi', 'rsud']);
  });
});
