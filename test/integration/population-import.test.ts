import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithContext, systemContext } from '../../src/platform/http/context.js';
import { POP_HEADER, csv, family, nikFor, popLine } from '../helpers/fixtures.js';
import { importPath, testEnv, writeTemp, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
beforeAll(async () => {
  // Row-level findings in files of a dozen rows, and partial files after the first snapshot: past the file-level
  // limits of issue 10 (20 % rejected, 95 % ending), which reconciliation-guard.test.ts tests.
  t = await testEnv({ IMPORT_MAX_REJECTED_PERCENT: '100', IMPORT_REFUSE_ENDING_PERCENT: '100' });
});
afterAll(async () => {
  await t?.close();
});

const load = (file: string, asOf = '2026-11-01') =>
  importPath<Record<string, number | string>>(t.sys, 'population', file, asOf);

/**
 * The format tests load partial files after the first snapshot: each becomes a
 * change set (MEM-7, see reconciliation.test.ts), rejected here so that the
 * next import may run and the register stays as the first snapshot left it.
 */
async function rejectReview(r: Record<string, number | string>) {
  expect(r.review).toBe('PENDING');
  // A decision is somebody's: here the test acts as the system, as the CLI does.
  await runWithContext(systemContext('test'), () =>
    t.sys.reconciliation.reject(Number(r.changeSetId), 'Berkas uji format, bukan snapshot lengkap'),
  );
}

async function personCount() {
  return (await t.sys.db.query<{ n: number }>('SELECT count(*) AS n FROM person')).rows[0]!.n;
}

const fam1 = family('3275010101100001', 'SANTOSO');
const fam2 = family('3275010101100002', 'WIJAYA');
const tricky = {
  nik: nikFor('1975-05-05', 'L'),
  noKk: '3275010101100003',
  name: `O'BRIEN, "BOY" '; DROP TABLE person; -- <script>alert(1)</script>`,
  sex: 'L' as const,
  birthDate: '1975-05-05',
  relation: 'KEPALA KELUARGA',
};
const noHead = {
  nik: nikFor('1990-02-02', 'P'),
  noKk: '3275010101100004',
  name: 'RINA TANPA KEPALA',
  sex: 'P' as const,
  birthDate: '1990-02-02',
  relation: 'ISTRI',
};
const mismatched = {
  nik: nikFor('1970-01-01', 'L'),
  noKk: '3275010101100005',
  name: 'NIK TIDAK COCOK',
  sex: 'P' as const,
  birthDate: '1971-02-02',
  relation: 'KEPALA KELUARGA',
};
const dup = {
  nik: nikFor('1960-06-06', 'L'),
  noKk: '3275010101100006',
  name: 'GANDA SATU',
  sex: 'L' as const,
  birthDate: '1960-06-06',
  relation: 'KEPALA KELUARGA',
};

describe('population import', () => {
  it('accepts good rows, rejects bad ones with row, column and reason, and warns without rejecting', async () => {
    const lines = [
      ...[...fam1, ...fam2, tricky, noHead, mismatched].map(popLine),
      popLine({ ...dup }),
      popLine({ ...dup, name: 'GANDA DUA' }),
      popLine({ ...fam1[0]!, nik: '327501150380000' }), // 15 digits
      popLine({ ...fam1[0]!, nik: '3275013503800001' }), // day 35
      popLine({ ...fam1[0]!, nik: nikFor('1999-09-09', 'L'), birthDate: '1999-02-30' }), // impossible date
      popLine({ ...fam1[0]!, nik: nikFor('1999-09-09', 'L'), relation: 'TETANGGA' }),
      '3275011503800099,3275010101100001', // truncated row
    ];
    const file = writeTemp(t.dataDir, 'pop1.csv', csv(POP_HEADER, lines));
    const r = await load(file);
    expect(r.rowsRead).toBe(lines.length);
    expect(r.accepted).toBe(9);
    expect(r.rejected).toBe(7);
    expect(r.inserted).toBe(9);
    expect(r.warnings).toBeGreaterThanOrEqual(2);
    const report = fs.readFileSync(String(r.reportPath), 'utf8');
    expect(report).toMatch(/^\uFEFFbaris,kolom,nilai,alasan,tingkat/);
    expect(report).toContain('13,nik,327501150380000,NIK harus 16 digit angka.,DITOLAK');
    expect(report).toMatch(/14,nik,3275013503800001,[^\n]*DITOLAK/);
    expect(report).toMatch(/15,tanggal_lahir,1999-02-30,[^\n]*DITOLAK/);
    expect(report).toMatch(/16,hubungan_keluarga,TETANGGA,[^\n]*DITOLAK/);
    expect(report).toMatch(/11,nik,[^\n]*lebih dari satu baris[^\n]*DITOLAK/);
    expect(report).toMatch(/12,nik,[^\n]*lebih dari satu baris[^\n]*DITOLAK/);
    expect(report).toMatch(/17,nama,,Nama wajib diisi/);
    expect(report).toMatch(/no_kk,3275010101100004,"?Keluarga \(1 anggota\) tanpa KEPALA KELUARGA[^\n]*PERINGATAN/);
    expect(report).toMatch(/NIK_DATA_MISMATCH[^\n]*PERINGATAN/);
    // Names survive byte for byte, SQL and HTML included; nothing was executed.
    const p = await t.sys.db.query<{ name: string }>('SELECT name FROM person WHERE nik = $1', [tricky.nik]);
    expect(p.rows[0]!.name).toBe(tricky.name);
    expect(await personCount()).toBe(9);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = path.join(t.dataDir, 'pop1.csv');
    const before = await t.sys.db.query('SELECT * FROM person ORDER BY nik');
    const r = await load(file);
    expect(r.inserted).toBe(0);
    expect(r.updated).toBe(0);
    expect(r.unchanged).toBe(9);
    expect(r.review).toBe('APPROVED'); // nothing to review
    const after = await t.sys.db.query('SELECT * FROM person ORDER BY nik');
    expect(after.rows).toEqual(before.rows);
  });

  it('reads semicolon CSV with a BOM and DD/MM/YYYY dates, and XLSX', async () => {
    const f3 = family('3275010101100007', 'HARAHAP');
    const semi = `\uFEFF${POP_HEADER.replaceAll(',', ';')}\n${f3
      .map((p) => popLine(p).replaceAll(',', ';').replace(p.birthDate, p.birthDate.split('-').reverse().join('/')))
      .join('\n')}\n`;
    const before = await personCount();
    const r = await load(writeTemp(t.dataDir, 'semi.csv', semi));
    expect(r.accepted).toBe(3);
    expect(r.rejected).toBe(0);
    expect(r.inserted).toBe(3); // proposed as new residents
    await rejectReview(r);
    expect(await personCount()).toBe(before);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(POP_HEADER.toUpperCase().split(','));
    const f4 = family('3275010101100008', 'SIREGAR');
    for (const p of f4) ws.addRow(popLine(p).split(','));
    ws.addRow([
      12345678901234567,
      '3275010101100008',
      'ANGKA RUSAK',
      'L',
      '',
      '1980-01-01',
      'ANAK',
      '',
      '',
      '',
      '3275011001',
      'Y',
    ]);
    const xlsx = path.join(t.dataDir, 'pop.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const x = await load(xlsx);
    expect(x.format).toBe('xlsx');
    expect(x.accepted).toBe(3);
    expect(x.rejected).toBe(1);
    expect(fs.readFileSync(String(x.reportPath), 'utf8')).toContain('#ANGKA_TIDAK_TELITI');
    await rejectReview(x);
  });

  it('refuses files it cannot read as a whole and leaves the data as it was', async () => {
    const before = await personCount();
    const cases: [string, Buffer | string, RegExp][] = [
      ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${POP_HEADER}\n`, 'utf16le')]), /UTF-16/],
      [
        'latin1.csv',
        Buffer.from(`${POP_HEADER}\n${popLine({ ...fam1[0]!, name: 'JOS\u00c9' })}\n`, 'latin1'),
        /bukan teks UTF-8/,
      ],
      ['cut.csv', `${POP_HEADER}\n${popLine(fam1[0]!)}\n3275011503800001,"BROKEN`, /kutip tidak ditutup/i],
      ['cols.csv', 'nik,nama\n3275011503800001,SIAPA\n', /Kolom wajib tidak ada: no_kk, jenis_kelamin/],
      ['empty.csv', '', /kosong/],
      ['binary.csv', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), /biner|UTF-8/],
    ];
    for (const [name, content, message] of cases) {
      await expect(load(writeTemp(t.dataDir, name, content)), name).rejects.toThrow(message);
    }
    expect(await personCount()).toBe(before);
    const failed = await t.sys.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM population_import WHERE status = 'failed'`,
    );
    expect(failed.rows[0]!.n).toBeGreaterThanOrEqual(4);
  });

  it('refuses a snapshot older than the data already loaded', async () => {
    const file = path.join(t.dataDir, 'pop1.csv');
    await expect(load(file, '2025-01-01')).rejects.toThrow(/lebih lama/);
  });

  it('runs one import of a kind at a time', async () => {
    const file = path.join(t.dataDir, 'pop1.csv');
    const first = await t.sys.imports.start({
      kind: 'population',
      filePath: file,
      fileName: 'a.csv',
      asOf: '2026-11-01',
      ownsFile: false,
    });
    await expect(
      t.sys.imports.start({
        kind: 'population',
        filePath: file,
        fileName: 'b.csv',
        asOf: '2026-11-01',
        ownsFile: false,
      }),
    ).rejects.toThrow(/sedang berjalan/);
    await first.done;
  });
});
