import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CARDS_PER_SHEET, pdfPageCount, renderCardsPdf, titleCase, type PrintableCard } from './pdf.js';

const card = (i: number, members = 4): PrintableCard => ({
  number: `KS-3275-${String(i).padStart(7, '0')}`,
  noKk: '3275010101900201',
  issuedOn: '2026-11-22',
  headName: 'BUDI SANTOSO',
  address: 'JL. MAWAR NO. 1',
  rt: '001',
  rw: '002',
  villageName: 'Bekasijaya',
  districtName: 'Bekasi Timur',
  regencyName: 'KOTA BEKASI',
  verifyUrl: 'https://jamkesda.example/verifikasi/kartu/7K2M9QXH4T8D',
  verifyCode: '7K2M9QXH4T8D',
  members: Array.from({ length: members }, (_, k) => ({
    nik: `32750115038000${String(k + 1).padStart(2, '0')}`,
    name: `ANGGOTA ${k + 1}`,
    relation: k === 0 ? 'KEPALA KELUARGA' : 'ANAK',
    included: k % 3 !== 2,
  })),
});

describe('renderCardsPdf', () => {
  it('makes a front and a back page per card in the card layout', async () => {
    const bytes = await renderCardsPdf([card(1), card(2, 14), card(3, 1)], 'CARD', 'Uji');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBe(6);
  });

  it('puts eight cards on an A4 sheet, a sheet of fronts then a sheet of backs', async () => {
    expect(CARDS_PER_SHEET).toBe(8);
    const cards = Array.from({ length: 9 }, (_, i) => card(i + 1));
    expect(pdfPageCount(await renderCardsPdf(cards, 'A4', 'Uji'))).toBe(4);
    expect(pdfPageCount(await renderCardsPdf(cards.slice(0, 8), 'A4', 'Uji'))).toBe(2);
  });

  it('never lets a very large family spill onto an extra page', async () => {
    expect(pdfPageCount(await renderCardsPdf([card(1, 30)], 'CARD', 'Uji'))).toBe(2);
  });
});

/** The text drawn in a PDF: every content stream inflated, each TJ's hex strings decoded (kerning dropped). */
function textOf(bytes: Buffer): string {
  const s = bytes.toString('latin1');
  const lines: string[] = [];
  for (const m of s.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let body: string;
    try {
      body = zlib.inflateSync(bytes.subarray(start, s.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // an image or font stream
    }
    for (const tj of body.matchAll(/\[([^\]]*)\] TJ/g)) {
      lines.push(
        [...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''),
      );
    }
  }
  return lines.join('\n');
}

describe('members marked by their coverage on the issue date (decision 0020)', () => {
  const family = (members: PrintableCard['members']): PrintableCard => ({ ...card(1), members });
  const head = {
    nik: '3275011503800001',
    name: 'BUDI SANTOSO',
    relation: 'KEPALA KELUARGA',
    included: true,
    coverage: 'COVERED' as const,
  };
  const wife = {
    nik: '3275015507840002',
    name: 'SITI AMINAH',
    relation: 'ISTRI',
    included: false,
    coverage: 'PBI_JKN' as const,
  };
  const son = {
    nik: '3275010505000003',
    name: 'RIZKY',
    relation: 'ANAK',
    included: false,
    coverage: 'COVERED' as const,
  };

  it('marks a JKN-PBI member "dijamin JKN-PBI" and explains it, apart from a member pending e-KTP', async () => {
    const text = textOf(await renderCardsPdf([family([head, wife, son])], 'CARD', 'Uji'));
    expect(text).toContain('dijamin JKN-PBI');
    expect(text).toContain('menunggu perekaman e-KTP');
    expect(text).toMatch(/Dijamin JKN-PBI: ditanggung BPJS Kesehatan, bukan kartu ini\./);
    // Exactly one member of each kind is marked.
    expect(text.match(/^dijamin JKN-PBI$/gm)).toHaveLength(1);
    expect(text.match(/^menunggu perekaman e-KTP$/gm)).toHaveLength(1);
  });

  it('marks them with two stars in the two-column list of a large family', async () => {
    const many = Array.from({ length: 9 }, (_, k) => ({
      ...head,
      nik: `32750115038000${String(k + 10)}`,
      name: `ANGGOTA ${k + 1}`,
      relation: 'ANAK',
    }));
    const text = textOf(await renderCardsPdf([family([...many, wife])], 'CARD', 'Uji'));
    expect(text).toContain('SITI AMINAH **');
    expect(text).toContain('** dijamin JKN-PBI');
  });

  it('says nothing of PBI when nobody on the card is', async () => {
    const text = textOf(await renderCardsPdf([family([head])], 'CARD', 'Uji'));
    expect(text).not.toContain('JKN-PBI');
    expect(text).toContain('Bukti kepesertaan Jamkesda');
  });
});

describe('titleCase', () => {
  it('writes area names as a letterhead does', () => {
    expect(titleCase('KOTA BEKASI')).toBe('Kota Bekasi');
    expect(titleCase('KABUPATEN BANDUNG BARAT')).toBe('Kabupaten Bandung Barat');
  });
});
