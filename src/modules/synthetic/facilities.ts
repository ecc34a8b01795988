import { FACILITY_COLUMNS, type Location, type Ownership } from '../facilities/index.js';
import type { RegionAreas, Village } from './areas.js';
import { phone, streetAddress } from './places.js';
import { Weighted, type Rng } from './random.js';

/** Column order of facilities.csv: the facilities module's reader owns it. */
export const FACILITY_HEADER = FACILITY_COLUMNS;

/** As the file writes it: 'KLINIK' is the short form the reader maps to KLINIK_PRATAMA. */
export type FacilityKind = 'PUSKESMAS' | 'KLINIK' | 'RUMAH_SAKIT';
export type { Location, Ownership };

export interface Facility {
  kode: string;
  nama: string;
  jenis: FacilityKind;
  kelas: '' | 'A' | 'B' | 'C' | 'D';
  kepemilikan: Ownership;
  lokasi: Location;
  rsud: 'Y' | 'N';
  kodeWilayah: string;
  alamat: string;
  telepon: string;
}

export interface FacilitySet {
  facilities: Facility[];
  /** Puskesmas codes per district index (primary care is registered near home). */
  puskesmasByDistrict: string[][];
  puskesmas: string[];
}

/** Ratios from Kota Bekasi: ~2.6 M people, ~50 puskesmas, ~60 hospitals. */
export const FACILITY_RATIOS = { peoplePerPuskesmas: 50_000, peoplePerHospital: 43_000, peoplePerClinic: 200_000 };

export function facilityCounts(people: number): { puskesmas: number; klinik: number; rumahSakit: number } {
  return {
    puskesmas: Math.max(3, Math.round(people / FACILITY_RATIOS.peoplePerPuskesmas)),
    klinik: Math.max(2, Math.round(people / FACILITY_RATIOS.peoplePerClinic)),
    rumahSakit: Math.max(3, Math.round(people / FACILITY_RATIOS.peoplePerHospital)),
  };
}

const w = (s: string): readonly string[] => s.trim().split(/\s+/);
const BRAND_FIRST = w(`MITRA PERMATA CITRA BHAKTI KASIH SEHAT HARAPAN MEDIKA ANUGERAH HUSADA SENTOSA ANANDA BUNDA
  GRAHA PRIMA SETIA MULIA SARI CEMPAKA KARYA`);
const BRAND_SECOND = w(`HUSADA MEDIKA SEHAT SEJAHTERA KELUARGA BUNDA INSANI ASIH MULIA MANDIRI UTAMA SENTRA
  MEDIKAL PERSADA`);
const PRIVATE_PREFIX = new Weighted(['RS', 'RSU', 'RSIA', 'RS ISLAM', 'RS KRISTEN'], [50, 20, 15, 10, 5]);
const LOCATION = new Weighted<Location>(['DALAM_KOTA', 'PERBATASAN', 'LUAR_KOTA'], [78, 15, 7]);
const OWNER = new Weighted<Ownership>(['SWASTA', 'PEMERINTAH_PUSAT', 'PEMERINTAH_DAERAH'], [78, 12, 10]);
const CLASS = new Weighted<'B' | 'C' | 'D'>(['B', 'C', 'D'], [20, 50, 30]);

function code(prefix: string, region: string, n: number): string {
  return `${prefix}-${region}-${String(n).padStart(3, '0')}`;
}

class Names {
  private readonly used = new Set<string>();
  unique(name: string): string {
    let candidate = name;
    for (let i = 2; this.used.has(candidate); i++) candidate = `${name} ${i}`;
    this.used.add(candidate);
    return candidate;
  }
}

export function planFacilities(rng: Rng, areas: RegionAreas, people: number): FacilitySet {
  const counts = facilityCounts(people);
  const names = new Names();
  const facilities: Facility[] = [];
  const byDistrict: string[][] = areas.districts.map(() => []);
  const villagesOf: Village[][] = areas.districts.map(() => []);
  for (const v of areas.villages) villagesOf[v.district]?.push(v);
  const districtBySize = new Weighted(
    areas.districts.map((_, i) => i),
    villagesOf.map((vs) => vs.length),
  );
  const usedVillages = new Set<string>();
  const tel = () => phone(rng, areas.provinceCode, areas.code);
  const outside = (): { village: Village; place: string } => {
    if (areas.neighbourVillages.length === 0) return { village: rng.pick(areas.villages), place: areas.placeName };
    const village = rng.pick(areas.neighbourVillages);
    return { village, place: areas.neighbourDistricts[village.district]?.name ?? areas.placeName };
  };

  // Puskesmas: one per district first, then where the villages are; named after their kelurahan.
  for (let i = 0; i < counts.puskesmas; i++) {
    const district = i < areas.districts.length ? i : districtBySize.draw(rng);
    const candidates = villagesOf[district] ?? [];
    let village = rng.pick(candidates);
    for (let t = 0; t < 8 && usedVillages.has(village.code); t++) village = rng.pick(candidates);
    usedVillages.add(village.code);
    const kode = code('PKM', areas.code, i + 1);
    byDistrict[district]?.push(kode);
    facilities.push({
      kode,
      nama: names.unique(`PUSKESMAS ${village.name}`),
      jenis: 'PUSKESMAS',
      kelas: '',
      kepemilikan: 'PEMERINTAH_DAERAH',
      lokasi: 'DALAM_KOTA',
      rsud: 'N',
      kodeWilayah: village.code,
      alamat: streetAddress(rng),
      telepon: tel(),
    });
  }

  // Primary clinics with beds (klinik pratama rawat inap).
  for (let i = 0; i < counts.klinik; i++) {
    const village = rng.pick(areas.villages);
    const government = rng.chance(0.2);
    facilities.push({
      kode: code('KLN', areas.code, i + 1),
      nama: names.unique(
        government
          ? `KLINIK PRATAMA ${rng.pick(['POLRES', 'KODIM', 'LANUD', 'BIDDOKKES'])} ${areas.placeName}`
          : `KLINIK PRATAMA ${rng.pick(BRAND_FIRST)} ${rng.pick(BRAND_SECOND)}`,
      ),
      jenis: 'KLINIK',
      kelas: '',
      kepemilikan: government ? 'PEMERINTAH_PUSAT' : 'SWASTA',
      lokasi: 'DALAM_KOTA',
      rsud: 'N',
      kodeWilayah: village.code,
      alamat: streetAddress(rng),
      telepon: tel(),
    });
  }

  // Hospitals: the city's own RSUD first, then a mix, mostly private and in the city.
  for (let i = 0; i < counts.rumahSakit; i++) {
    const kode = code('RS', areas.code, i + 1);
    if (i === 0) {
      facilities.push({
        kode,
        nama: names.unique(`RSUD ${areas.name}`),
        jenis: 'RUMAH_SAKIT',
        kelas: 'B',
        kepemilikan: 'PEMERINTAH_DAERAH',
        lokasi: 'DALAM_KOTA',
        rsud: 'Y',
        kodeWilayah: rng.pick(areas.villages).code,
        alamat: streetAddress(rng),
        telepon: tel(),
      });
      continue;
    }
    // One national referral hospital outside the region once the region is large enough to refer there.
    const topReferral = i === 1 && counts.rumahSakit >= 5;
    const lokasi: Location = topReferral ? 'LUAR_KOTA' : LOCATION.draw(rng);
    const owner: Ownership = topReferral ? 'PEMERINTAH_PUSAT' : OWNER.draw(rng);
    const site = lokasi === 'DALAM_KOTA' ? null : outside();
    const village = site?.village ?? rng.pick(areas.villages);
    const place = site?.place ?? areas.districts[village.district]?.name ?? areas.placeName;
    let nama: string;
    if (topReferral) nama = `RSUP ${place}`;
    else if (owner === 'PEMERINTAH_PUSAT')
      nama = `${rng.pick(['RS BHAYANGKARA', 'RS TK. III', 'RSAU', 'RSAL'])} ${place}`;
    else if (owner === 'PEMERINTAH_DAERAH') nama = `RSUD ${place}`;
    else nama = `${PRIVATE_PREFIX.draw(rng)} ${rng.pick(BRAND_FIRST)} ${rng.pick(BRAND_SECOND)} ${place}`;
    facilities.push({
      kode,
      nama: names.unique(nama),
      jenis: 'RUMAH_SAKIT',
      kelas: topReferral ? 'A' : CLASS.draw(rng),
      kepemilikan: owner,
      lokasi,
      rsud: 'N',
      kodeWilayah: village.code,
      alamat: streetAddress(rng),
      telepon: tel(),
    });
  }

  return {
    facilities,
    puskesmasByDistrict: byDistrict,
    puskesmas: facilities.filter((f) => f.jenis === 'PUSKESMAS').map((f) => f.kode),
  };
}

export function facilityFields(f: Facility): string[] {
  return [f.kode, f.nama, f.jenis, f.kelas, f.kepemilikan, f.lokasi, f.rsud, f.kodeWilayah, f.alamat, f.telepon];
}
