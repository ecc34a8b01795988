import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits.js';
import { openTable, readTable, type Table } from './table-reader.js';

// Attack files are generated here, in a temporary folder, never committed (issue 10).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

async function readAll(t: Table): Promise<string[][]> {
  const out: string[][] = [];
  for await (const b of t.batches) for (const r of b) out.push(r.values);
  return out;
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** The smallest zip an XLSX reader takes apart: stored names, deflated data, a central directory. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = zlib.deflateRawSync(e.data, { level: 9 });
    const crc = zlib.crc32 ? zlib.crc32(e.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(packed.length, 20);
    c.writeUInt32LE(e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function sheetWithCell(text: string): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>nik</t></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`,
  );
}

describe('CSV shape limits (issue 10)', () => {
  it('refuses a header of 1,000,000 columns quickly, before any row is built, with the main heap flat', async () => {
    // The probe's 8 MB file: the old reader padded each of these rows to a million cells and the process died.
    const header = Array.from({ length: 1_000_000 }, (_, i) => `k${i % 10}`).join(',');
    const p = file('wide.csv', `${header}\n${'1,2,3\n'.repeat(2000)}`);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const err = await refusal(openTable(p));
    expect(err.code).toBe('FILE_TOO_MANY_COLUMNS');
    expect(err.message).toBe(
      `Baris 1 memiliki lebih dari 500 kolom (batas 500). Periksa pemisah kolom berkas ini; tidak ada data yang diterapkan.`,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a 150 MB line without a line end after reading about the limit, not the file, without stalling this thread', async () => {
    // The old reader rescanned the unfinished line on every 1 MB chunk: 200 MB took 94 s with 5 s stalls of the event loop.
    const p = file('one-line.csv', Buffer.alloc(150 * 1024 * 1024, 'a'));
    let last = Date.now();
    let stall = 0;
    const tick = setInterval(() => {
      stall = Math.max(stall, Date.now() - last);
      last = Date.now();
    }, 10);
    const started = Date.now();
    const err = await refusal(openTable(p));
    clearInterval(tick);
    expect(stall).toBeLessThan(500);
    expect(err.code).toBe('FILE_FIELD_TOO_LONG');
    expect(err.message).toMatch(/^Baris 1 memuat sel lebih panjang dari 32\.768 karakter \(batas\)/);
    expect(Date.now() - started).toBeLessThan(15_000);
    // Cells within their limit on a line past its own: 400 cells of 3,000 characters.
    const cells = file('long-line.csv', `${Array.from({ length: 400 }, () => 'b'.repeat(3000)).join(',')}\n`);
    const line = await refusal(openTable(cells));
    expect(line.code).toBe('FILE_LINE_TOO_LONG');
    expect(line.message).toMatch(/^Baris 1 lebih panjang dari 1\.048\.576 karakter \(batas\)/);
  });

  it('names the row of an over-long cell, and of an unclosed quote that swallows the rest of the file', async () => {
    const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, maxFieldChars: 10, maxLineChars: 100 };
    const long = file('long-cell.csv', 'nik,nama\n1,BUDI\n2,ABCDEFGHIJK\n');
    const e1 = await refusal(readTable(long, limits).then(readAll));
    expect(e1.code).toBe('FILE_FIELD_TOO_LONG');
    expect(e1.message).toMatch(/^Baris 3 memuat sel lebih panjang dari 10 karakter/);
    const unclosed = file('unclosed.csv', `nik,nama\n1,"BUDI\n${'2,SITI\n'.repeat(10)}`);
    const e2 = await refusal(readTable(unclosed, limits).then(readAll));
    expect(e2.code).toBe('FILE_FIELD_TOO_LONG');
    expect(e2.message).toMatch(/^Baris 2 /);
  });

  it('measures a file the way papaparse splits it: quotes, escaped quotes, stray quotes and embedded line ends pass', async () => {
    const text =
      'nik,nama,alamat\r\n1,"SITI, AMINAH","JL. ""MAWAR""\nNO. 5"\r\n2,BUDI 5" DISK,GG. H\'O\r\n3,"A""",\r\n';
    const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, maxColumns: 3, maxFieldChars: 25, maxLineChars: 40 };
    const rows = await readAll(await readTable(file('quoted.csv', text), limits));
    const papa = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data.slice(1);
    expect(rows).toEqual(papa);
    // One more cell than allowed on row 3 is refused with that row.
    const wide = await refusal(readTable(file('four.csv', 'a,b,c\n1,2,3\n1,2,3,4\n'), limits).then(readAll));
    expect(wide.code).toBe('FILE_TOO_MANY_COLUMNS');
    expect(wide.message).toMatch(/^Baris 3 /);
  });

  it('reads a multi-megabyte file across chunk ends exactly as papaparse reads it whole (LF and CRLF, quoted line ends, bare LF in a CRLF file)', async () => {
    for (const newline of ['\n', '\r\n'] as const) {
      const lines = ['nik,nama,alamat,catatan'];
      for (let i = 0; i < 60_000; i++) {
        const note = i % 7 === 0 ? `"baris ${i}\nlanjut, ""kutip"""` : i % 11 === 0 ? '' : `catatan ${i}`;
        // A bare LF inside an unquoted cell is part of the cell when lines end in CR LF.
        const addr = newline === '\r\n' && i % 13 === 0 ? `JL. A\nNO. ${i}` : `JL. MAWAR NO. ${i}`;
        lines.push(`${String(i).padStart(16, '0')},NAMA ${i} ${'X'.repeat(i % 40)},${addr},${note}`);
        if (i % 5000 === 0) lines.push('');
      }
      const text = lines.join(newline) + newline;
      const rows: { rowNo: number; values: string[] }[] = [];
      const t = await openTable(file(`big-${newline.length}.csv`, text));
      for await (const b of t.batches) for (const r of b) rows.push({ rowNo: r.rowNo, values: r.values });
      const papa = Papa.parse<string[]>(text, { delimiter: ',', newline }).data;
      const expected = papa
        .map((values, i) => ({ rowNo: i + 1, values }))
        .filter((r, i) => i > 0 && !(r.values.length === 1 && r.values[0] === ''));
      expect(text.length).toBeGreaterThan(3 * 1024 * 1024);
      expect(rows).toEqual(expected);
    }
  });

  it('does not pad short rows to the header width', async () => {
    const t = await readTable(file('short.csv', 'a,b,c,d\n1\n'));
    const [row] = await readAll(t);
    expect(row).toEqual(['1']);
  });
});

describe('XLSX zip bomb (issue 10)', () => {
  it('refuses a tiny file that inflates a thousandfold, while streaming, before exceljs reads it', async () => {
    // 60 MB of short, identical cells deflate to about 60 KB; no cell is long, only the whole is.
    const cells = '<row><c t="inlineStr"><is><t>A</t></is></c></row>'.repeat((60 * 1024 * 1024) / 50);
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: sheetWithCell(cells) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const p = file('bomb.xlsx', bomb);
    const heapBefore = process.memoryUsage().heapUsed;
    const err = await refusal(openTable(p));
    expect(err.code).toBe('FILE_XLSX_RATIO');
    expect(err.message).toMatch(/mengembang lebih dari 200 kali/);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses the probe's one huge cell, a cell longer than the limit even when it does not compress, and a file over the inflated-size limit", async () => {
    const huge = file(
      'huge-cell.xlsx',
      zip([{ name: 'xl/worksheets/sheet1.xml', data: sheetWithCell('A'.repeat(60 * 1024 * 1024)) }]),
    );
    expect((await refusal(openTable(huge))).code).toBe('FILE_FIELD_TOO_LONG');
    const random = Buffer.from(
      Array.from({ length: 300_000 }, (_, i) => 65 + ((i * 7919) % 26) + ((i >> 3) % 2) * 32),
    ).toString('latin1');
    const p = file('long-cell.xlsx', zip([{ name: 'xl/worksheets/sheet1.xml', data: sheetWithCell(random) }]));
    const e1 = await refusal(openTable(p, { limits: { ...DEFAULT_READ_LIMITS, maxFieldChars: 10_000 } }));
    expect(e1.code).toBe('FILE_FIELD_TOO_LONG');
    const e2 = await refusal(openTable(p, { limits: { ...DEFAULT_READ_LIMITS, xlsxMaxUncompressedBytes: 100_000 } }));
    expect(e2.code).toBe('FILE_XLSX_TOO_LARGE');
  });
});

describe('an ordinary workbook', () => {
  it('passes the bomb check and reads through the worker', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Penduduk');
    ws.addRow(['NIK', 'Nama', 'Alamat']);
    for (let i = 0; i < 3000; i++)
      ws.addRow([
        `32750101017${String(i).padStart(5, '0')}`,
        'SITI AMINAH',
        'JL. MAWAR NO. 5, RT 001 / RW 002 '.repeat(20),
      ]);
    const p = path.join(dir, 'biasa.xlsx');
    await wb.xlsx.writeFile(p);
    const t = await openTable(p);
    expect(t.format).toBe('xlsx');
    expect(t.header).toEqual(['nik', 'nama', 'alamat']);
    const rows = await readAll(t);
    expect(rows).toHaveLength(3000);
    expect(rows[2999]![0]).toBe('3275010101702999');
  });
});

describe('the reading thread (issue 10)', () => {
  it('turns running out of memory while reading into a refusal, and this process carries on', async () => {
    // A heap far too small for the parser: the worker dies, the import gets a message.
    const p = file('ok.csv', `nik,nama\n${'3275010101700001,BUDI SANTOSO\n'.repeat(200_000)}`);
    const err = await refusal(openTable(p, { heapMb: 4 }).then(readAll));
    expect(err.code).toBe('FILE_TOO_COMPLEX');
    const rows = await readAll(await openTable(p));
    expect(rows).toHaveLength(200_000);
    expect(rows[0]).toEqual(['3275010101700001', 'BUDI SANTOSO']);
  });
});
