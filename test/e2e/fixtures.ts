/**
 * Small, hand-made Dukcapil and BPJS files for the end-to-end slice: a few
 * real-looking families plus rows that must be rejected, each with a known
 * row number so the test can read the rejected-rows report.
 */
import { JKN_HEADER, POP_HEADER, popLine, type PersonRow } from '../helpers/fixtures.js';

const REGION = '327501';

/** NIK = region(6) + DDMMYY (DD + 40 for women) + serial(4), SPEC MEM-2 — written out here, independently of the product's encoder. */
export function nik(birthDate: string, sex: 'L' | 'P', serial: number, region = REGION): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 'P' ? 40 : 0);
  return `${region}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(serial).padStart(4, '0')}`;
}

type Row = PersonRow & { nik: string };

const KK_SANTOSO = '3275010101200001';
const KK_FAUZI = '3275010101200002';
const KK_BAD = '3275010101200003';

export const people = {
  /** Resident, alive, e-KTP recorded: eligible. */
  budi: {
    nik: nik('1980-03-15', 'L', 1),
    noKk: KK_SANTOSO,
    name: 'BUDI SANTOSO',
    sex: 'L',
    birthDate: '1980-03-15',
    relation: 'KEPALA KELUARGA',
  },
  siti: {
    nik: nik('1984-07-01', 'P', 2),
    noKk: KK_SANTOSO,
    name: 'SITI AMINAH',
    sex: 'P',
    birthDate: '1984-07-01',
    relation: 'ISTRI',
  },
  ayu: {
    nik: nik('2012-01-20', 'P', 3),
    noKk: KK_SANTOSO,
    name: 'AYU LESTARI',
    sex: 'P',
    birthDate: '2012-01-20',
    relation: 'ANAK',
    ektp: 'N',
  },
  /** Will be marked PBI_APBN AKTIF in the JKN file: not a Jamkesda member. */
  ahmad: {
    nik: nik('1975-05-10', 'L', 4),
    noKk: KK_FAUZI,
    name: 'AHMAD FAUZI',
    sex: 'L',
    birthDate: '1975-05-10',
    relation: 'KEPALA KELUARGA',
  },
  dewi: {
    nik: nik('1978-09-09', 'P', 5),
    noKk: KK_FAUZI,
    name: 'DEWI KARTIKA',
    sex: 'P',
    birthDate: '1978-09-09',
    relation: 'ISTRI',
  },
  /** Died last year. */
  sri: {
    nik: nik('1940-02-02', 'P', 6),
    noKk: KK_FAUZI,
    name: 'SRI WAHYUNI',
    sex: 'P',
    birthDate: '1940-02-02',
    relation: 'ORANG TUA',
    deathDate: '2025-08-17',
  },
} satisfies Record<string, Row>;

const valid: Row[] = Object.values(people);
const duplicated = nik('1990-10-10', 'L', 9);

/** Bad rows with what the report must say about them (row numbers as a spreadsheet shows them). */
export const badRows: { row: number; nikCell: string; reason: RegExp }[] = [];

function build(): string {
  const lines: string[] = [POP_HEADER, ...valid.map(popLine)];
  const bad: { r: Row; reason: RegExp }[] = [
    {
      r: {
        nik: '327501150380000',
        noKk: KK_BAD,
        name: 'NIK PENDEK',
        sex: 'L',
        birthDate: '1980-03-15',
        relation: 'KEPALA KELUARGA',
      },
      reason: /16/,
    },
    {
      r: {
        nik: nik('2001-02-28', 'L', 7),
        noKk: KK_BAD,
        name: 'TANGGAL MUSTAHIL',
        sex: 'L',
        birthDate: '2001-02-30',
        relation: 'ANAK',
      },
      reason: /tanggal/i,
    },
    {
      r: { nik: duplicated, noKk: KK_BAD, name: 'KEMBAR SATU', sex: 'L', birthDate: '1990-10-10', relation: 'ANAK' },
      reason: /lebih dari satu/i,
    },
    {
      r: { nik: duplicated, noKk: KK_BAD, name: 'KEMBAR DUA', sex: 'L', birthDate: '1990-10-10', relation: 'ANAK' },
      reason: /lebih dari satu/i,
    },
  ];
  for (const b of bad) {
    lines.push(popLine(b.r));
    badRows.push({ row: lines.length, nikCell: b.r.nik, reason: b.reason });
  }
  return `${lines.join('\n')}\n`;
}

export const populationCsv = build();
export const populationCounts = {
  rowsRead: valid.length + badRows.length,
  accepted: valid.length,
  rejected: badRows.length,
};

export const jknCsv = [
  JKN_HEADER,
  `${people.ahmad.nik},0001234567801,${people.ahmad.name},PBI_APBN,3,AKTIF,2020-01-01,,`,
  `${people.siti.nik},0001234567802,${people.siti.name},PPU,1,AKTIF,2019-04-01,0,`,
].join('\n');
