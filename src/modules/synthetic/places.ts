import type { Culture } from './names.js';
import type { Rng } from './random.js';
import type { Village } from './areas.js';

/**
 * Birthplaces and street addresses. Most adults in a Jabodetabek city were
 * born where their family comes from; most children were born in the city.
 */

const w = (s: string): readonly string[] =>
  s
    .trim()
    .split(/\s+/)
    .map((x) => x.replaceAll('_', ' '));

const ORIGINS: Record<Culture, readonly string[]> = {
  JAWA: w(`YOGYAKARTA SURAKARTA SEMARANG KLATEN BOYOLALI WONOGIRI SRAGEN KEBUMEN PURWOREJO MAGELANG PEKALONGAN TEGAL
    BREBES CILACAP BANYUMAS KUDUS PATI SURABAYA MALANG KEDIRI MADIUN NGAWI BLITAR TULUNGAGUNG JEPARA DEMAK
    GROBOGAN PURWOKERTO SUKOHARJO KARANGANYAR`),
  SUNDA: w(`BANDUNG GARUT TASIKMALAYA CIAMIS KUNINGAN SUMEDANG CIANJUR SUKABUMI BOGOR KARAWANG PURWAKARTA SUBANG
    INDRAMAYU CIREBON MAJALENGKA`),
  BETAWI: w(`JAKARTA JAKARTA BEKASI TANGERANG DEPOK BOGOR`),
  BATAK: w(`MEDAN TARUTUNG PEMATANG_SIANTAR BALIGE SIBOLGA PADANG_SIDEMPUAN KABANJAHE TEBING_TINGGI DOLOK_SANGGUL
    PANGURURAN`),
  MINANG: w(`PADANG BUKITTINGGI PAYAKUMBUH SOLOK PARIAMAN BATUSANGKAR PADANG_PANJANG SAWAHLUNTO`),
  TIONGHOA: w(`JAKARTA PONTIANAK SINGKAWANG MEDAN BANDUNG SEMARANG SURABAYA PALEMBANG PANGKAL_PINANG BOGOR`),
  TIMUR: w(`MANADO TOMOHON AMBON KUPANG TONDANO BITUNG TUAL ENDE MAUMERE SORONG`),
  LAIN: w(`PALEMBANG BANDAR_LAMPUNG MAKASSAR PEKANBARU JAMBI PONTIANAK BANJARMASIN SERANG BENGKULU MATARAM
    DENPASAR SAMARINDA BALIKPAPAN ACEH_BESAR`),
};

/**
 * Where a person was born: `local` is the region's own place name. Children
 * under 25 were mostly born here; adults mostly came from elsewhere.
 */
export function birthPlace(rng: Rng, culture: Culture, age: number, local: string): string {
  const pLocal = age < 25 ? 0.72 : culture === 'BETAWI' ? 0.55 : 0.25;
  if (rng.chance(pLocal)) return local;
  if (rng.chance(0.1)) return 'JAKARTA';
  return rng.pick(ORIGINS[culture]);
}

const STREETS = w(`SUDIRMAN AHMAD_YANI DIPONEGORO IMAM_BONJOL PANGERAN_JAYAKARTA KH._NOER_ALI CUT_MEUTIA KARTINI
  HASANUDDIN SULTAN_AGUNG PATTIMURA GATOT_SUBROTO MT._HARYONO JUANDA SILIWANGI CENDRAWASIH MERPATI KENARI RAJAWALI
  MELATI MAWAR ANGGREK KENANGA CEMPAKA FLAMBOYAN DAHLIA TERATAI MANGGA DURIAN RAMBUTAN NANGKA JAMBU DELIMA
  BELIMBING SIRSAK PALEM BERINGIN CEMARA AKASIA MAHONI JATI MERANTI PEMUDA PENDIDIKAN KAMBOJA SEROJA NUSANTARA
  PERJUANGAN KEMERDEKAAN VETERAN BHAYANGKARA PELITA SWADAYA MANUNGGAL HARAPAN_JAYA`);

const ALLEYS = w(`MASJID MUSHOLA BUNTU MAWAR SAWO KELAPA MANGGIS SEPAKAT RUKUN DAMAI BAHAGIA SWADAYA ANGGREK H._ABDULLAH
  H._NAIPIN H._DUL H._MISAN SEKOLAH LANGGAR MELATI KEMUNING NURUL_HUDA AL_IKHLAS`);

const ESTATE_FIRST = w(`TAMAN GRIYA BUMI VILLA PONDOK TAMAN_WISMA GRAHA CITRA PURI NUANSA`);
const ESTATE_SECOND = w(`HARAPAN MAS ASRI PERMATA MELATI KENCANA SEJAHTERA INDAH LESTARI JAYA MUTIARA GADING SURYA
  RAFFLESIA NIRWANA HIJAU ALAM SENTOSA CEMPAKA`);
const ESTATE_THIRD = w(`INDAH PERMAI ASRI BARU RAYA MAS REGENCY RESIDENCE`);

const KAMPUNG_FIRST = w('RAWA PULO BABAKAN PEDURENAN SAWAH CIKETING');
const KAMPUNG_SECOND = w('BAMBU KALONG LELE PANJANG TENGAH BARU KRAMAT DUKUH KEMBANG');

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

function houseNo(rng: Rng): string {
  const n = rng.chance(0.85) ? rng.int(1, 60) : rng.int(61, 250);
  return rng.chance(0.06) ? `${n}${rng.pick(['A', 'B', 'C'])}` : String(n);
}

export interface Address {
  alamat: string;
  rt: string;
  rw: string;
}

/** A street address in the village, as written on a KK: "JL. MAWAR NO. 12", "PERUM … BLOK C2 NO. 17". */
export function address(rng: Rng, village: Village): Address {
  // Larger villages have more RW, each with a handful of RT.
  const seed = Number(village.code.slice(-3));
  const rwMax = 6 + (seed % 17);
  const rw = rng.int(1, rwMax);
  const rt = rng.int(1, 4 + ((seed + rw) % 11));
  const kind = rng.next();
  let alamat: string;
  if (kind < 0.35) {
    alamat = `JL. ${rng.pick(STREETS)}${rng.chance(0.15) ? ` ${rng.pick(ROMAN)}` : ''} NO. ${houseNo(rng)}`;
  } else if (kind < 0.6) {
    const alley = `GG. ${rng.pick(ALLEYS)}${rng.chance(0.3) ? ` ${rng.pick(ROMAN)}` : ''}`;
    alamat = rng.chance(0.4) ? `JL. ${rng.pick(STREETS)} ${alley} NO. ${houseNo(rng)}` : `${alley} NO. ${houseNo(rng)}`;
  } else if (kind < 0.85) {
    const estate = `${rng.pick(ESTATE_FIRST)} ${rng.pick(ESTATE_SECOND)}${rng.chance(0.5) ? ` ${rng.pick(ESTATE_THIRD)}` : ''}`;
    const block = `${String.fromCharCode(65 + rng.int(0, 11))}${rng.chance(0.6) ? rng.int(1, 12) : ''}`;
    alamat = `PERUM ${estate} BLOK ${block} NO. ${rng.int(1, 40)}`;
  } else {
    alamat = rng.chance(0.5) ? `KP. ${village.name}` : `KP. ${rng.pick(KAMPUNG_FIRST)} ${rng.pick(KAMPUNG_SECOND)}`;
  }
  return { alamat, rt: String(rt).padStart(3, '0'), rw: String(rw).padStart(3, '0') };
}

/** Telephone area code for a province (falls back to a mobile-style number). */
export function phone(rng: Rng, provinceCode: string, regionCode: string): string {
  const jabodetabek = [
    '3171',
    '3172',
    '3173',
    '3174',
    '3175',
    '3201',
    '3216',
    '3271',
    '3275',
    '3276',
    '3603',
    '3671',
    '3674',
  ];
  const area = jabodetabek.includes(regionCode)
    ? '021'
    : (
        {
          '32': '022',
          '33': '024',
          '34': '0274',
          '35': '031',
          '36': '0254',
          '12': '061',
          '13': '0751',
          '73': '0411',
        } as Record<string, string>
      )[provinceCode];
  if (!area) return `08${rng.int(11, 59)}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
  const length = area === '021' ? 8 : 7;
  return `(${area}) ${rng.int(2, 8)}${String(rng.int(0, 10 ** (length - 1) - 1)).padStart(length - 1, '0')}`;
}

/** A main-road address for a facility: "JL. RAYA MERPATI NO. 27". */
export function streetAddress(rng: Rng): string {
  return `JL. ${rng.chance(0.5) ? 'RAYA ' : ''}${rng.pick(STREETS)} NO. ${rng.int(1, 200)}`;
}
