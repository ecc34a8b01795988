import fs from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type ExcelJS from 'exceljs';
import { invalid } from '../http/errors.js';
import { Utf8Guard } from './utf8.js';
import { CsvShapeGuard } from './csv-guard.js';
import { DEFAULT_READ_LIMITS, fmt, type ReadLimits } from './limits.js';
import { checkXlsxBomb, xlsxCellTooLong } from './xlsx-guard.js';

export interface TableRow {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  rowNo: number;
  /** Cell texts in header order; may be shorter than the header (read missing cells as ''). */
  values: string[];
  /** Cells the row actually had (a short row is a truncated or broken line). */
  width: number;
}

export interface Table {
  format: 'csv' | 'xlsx';
  /** Column names, trimmed and lower-cased. */
  header: string[];
  /** Rows in batches (one per chunk read), so callers pay no promise per row. */
  batches: AsyncIterable<TableRow[]>;
  totalBytes: number;
  bytesRead(): number;
  /** Stops reading and frees the file (and the reading thread, see table-thread.ts). Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens a CSV (comma or semicolon, detected) or XLSX file (first sheet) as a
 * stream of rows, in this thread. Memory stays flat: nothing holds more than
 * one chunk, and the shape limits (limits.ts) are checked while the file
 * streams, before any row is built. Imports use `openTable` (table-thread.ts),
 * which runs this in a worker thread.
 */
export async function readTable(filePath: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Table> {
  const source = await openSource(filePath, limits);
  return source.kind === 'csv' ? csvTable(source.csv) : source.table;
}

/**
 * The reading half: a CSV as checked texts of whole records, an XLSX as rows
 * (exceljs parses inside; the zip is checked first). The reading thread runs
 * this; the import's thread parses the CSV texts (csvTable).
 */
export async function openSource(
  filePath: string,
  limits: ReadLimits,
): Promise<{ kind: 'csv'; csv: CsvTexts } | { kind: 'xlsx'; table: Table }> {
  const totalBytes = fs.statSync(filePath).size;
  if (totalBytes === 0) throw invalid('FILE_EMPTY', 'Berkas kosong.');
  const head = await readHead(filePath, 4);
  if (isZip(head)) return { kind: 'xlsx', table: await openXlsx(filePath, totalBytes, limits) };
  return { kind: 'csv', csv: await openCsvTexts(filePath, limits) };
}

export { openTable } from './table-thread.js';

export function isZip(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');
}

async function readHead(filePath: string, n: number): Promise<Buffer> {
  const fh = await fs.promises.open(filePath, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The delimiter that splits the header line into more cells, outside quotes. */
export function detectDelimiter(firstLine: string): ',' | ';' {
  let comma = 0;
  let semi = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') comma++;
    else if (!quoted && ch === ';') semi++;
  }
  return semi > comma ? ';' : ',';
}

/** A CSV file as texts of whole records, checked against the shape limits (csv-guard.ts). */
export interface CsvTexts {
  delimiter: ',' | ';';
  newline: '\n' | '\r\n';
  totalBytes: number;
  texts: AsyncIterable<string>;
  bytesRead(): number;
  close(): Promise<void>;
}

/** Opens a CSV file as texts of whole records: the part that reads and checks, and may run in the reading thread. */
export async function openCsvTexts(filePath: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<CsvTexts> {
  const totalBytes = fs.statSync(filePath).size;
  const headText = (await readHead(filePath, 64 * 1024)).toString('utf8');
  const firstLine = headText.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  // As papaparse guesses it: CR LF when the first line ends so.
  const newline = headText.charAt(firstLine.length) === '\r' ? '\r\n' : '\n';
  let read = 0;
  const source = fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 });
  source.on('data', (c) => (read += c.length));
  const utf8 = new Utf8Guard();
  const shape = new CsvShapeGuard(delimiter, limits, newline === '\r\n');
  source.on('error', (e) => utf8.destroy(e));
  utf8.on('error', (e) => shape.destroy(e));
  // A refused file is not read further: the guards fail, the file closes.
  shape.on('error', () => source.destroy());
  source.pipe(utf8).pipe(shape);
  return {
    delimiter,
    newline,
    totalBytes,
    texts: shape as AsyncIterable<string>,
    bytesRead: () => read,
    close: async () => {
      for (const s of [source, utf8, shape]) s.destroy();
    },
  };
}

const UNCLOSED_QUOTE = 'Tanda kutip tidak ditutup: berkas terpotong atau rusak. Tidak ada data yang diterapkan.';

/**
 * Parses texts of whole records (openCsvTexts) into the header and batches
 * of rows, one batch per text. papaparse's stream mode, which measured faster
 * than parsing each text as a string; since every text ends at a record end,
 * it never rescans an unfinished record.
 */
export async function csvTable(src: CsvTexts): Promise<Table> {
  const records = papaBatches(Readable.from(src.texts, { objectMode: false }), src.delimiter, src.newline);
  let rowNo = 0;
  let pending: string[][] = [];
  let offset = 0;
  let headerCells: string[] | null = null;
  while (!headerCells) {
    if (offset >= pending.length) {
      const n = await records.next();
      if (n.done) throw invalid('FILE_EMPTY', 'Berkas tidak memuat baris judul kolom.');
      pending = n.value;
      offset = 0;
      continue;
    }
    const cells = pending[offset++]!;
    rowNo++;
    if (!isBlank(cells)) headerCells = cells;
  }
  const header = headerCells.map(normalizeHeader);

  // Short rows are not padded to the header's width: readers take a missing cell as ''.
  function toRows(batch: string[][], from: number): TableRow[] {
    const out: TableRow[] = [];
    for (let i = from; i < batch.length; i++) {
      const cells = batch[i]!;
      rowNo++;
      if (isBlank(cells)) continue;
      out.push({ rowNo, values: cells, width: cells.length });
    }
    return out;
  }

  async function* batches(): AsyncGenerator<TableRow[]> {
    if (offset < pending.length) yield toRows(pending, offset);
    for (;;) {
      const n = await records.next();
      if (n.done) return;
      yield toRows(n.value, 0);
    }
  }
  return {
    format: 'csv',
    header,
    batches: batches(),
    totalBytes: src.totalBytes,
    bytesRead: src.bytesRead,
    close: src.close,
  };
}

function isBlank(cells: string[]): boolean {
  return cells.length === 1 && cells[0]!.trim() === '';
}

/** papaparse over a Node stream as an async sequence of record batches, one per chunk read, with backpressure. */
async function* papaBatches(
  input: NodeJS.ReadableStream,
  delimiter: string,
  newline: CsvTexts['newline'],
): AsyncGenerator<string[][]> {
  const queue: string[][][] = [];
  let finished = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  Papa.parse<string[], NodeJS.ReadableStream>(input, {
    delimiter,
    newline,
    chunk: (results: Papa.ParseResult<string[]>, p: Papa.Parser) => {
      parser = p;
      if (results.errors.some((e) => e.code === 'MissingQuotes')) {
        failure = invalid('FILE_FORMAT', UNCLOSED_QUOTE);
        p.abort();
      } else {
        queue.push(results.data);
        p.pause();
      }
      signal();
    },
    complete: () => {
      finished = true;
      signal();
    },
    error: (err: unknown) => {
      failure = err;
      signal();
    },
  });
  for (;;) {
    if (queue.length > 0) {
      yield queue.shift()!;
      if (queue.length === 0 && !finished && !failure) (parser as Papa.Parser | null)?.resume();
      continue;
    }
    if (failure) throw failure;
    if (finished) return;
    await new Promise<void>((r) => (wake = r));
  }
}

async function openXlsx(filePath: string, totalBytes: number, limits: ReadLimits): Promise<Table> {
  // A zip bomb is refused before exceljs inflates anything into memory: this pass counts inflated bytes as they stream.
  // Loaded on first use: a reading thread for a CSV then starts without exceljs.
  const { default: Excel } = await import('exceljs');
  await checkXlsxBomb(filePath, totalBytes, limits);
  let read = 0;
  const source = fs.createReadStream(filePath);
  source.on('data', (c) => (read += c.length));
  const reader = new Excel.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const sheets = (reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>)[Symbol.asyncIterator]();
  let sheet: IteratorResult<AsyncIterable<ExcelJS.Row>>;
  try {
    sheet = await sheets.next();
  } catch {
    throw invalid('FILE_FORMAT', 'Berkas XLSX rusak atau bukan berkas Excel yang sah.');
  }
  if (sheet.done) throw invalid('FILE_EMPTY', 'Berkas XLSX tidak memiliki lembar kerja.');
  const rowIt = sheet.value[Symbol.asyncIterator]();
  const firstRow = await rowIt.next();
  if (firstRow.done) throw invalid('FILE_EMPTY', 'Lembar pertama tidak memuat baris judul kolom.');
  const headerCells = cellsOf(firstRow.value, limits);
  const header = headerCells.map(normalizeHeader);
  const close = async () => {
    source.destroy();
  };

  async function* batches(): AsyncGenerator<TableRow[]> {
    let batch: TableRow[] = [];
    for (;;) {
      const r = await rowIt.next();
      if (r.done) break;
      const cells = cellsOf(r.value, limits);
      if (cells.every((c) => c === '')) continue;
      batch.push({ rowNo: r.value.number, values: cells, width: cells.length });
      if (batch.length >= 2000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  return { format: 'xlsx', header, batches: batches(), totalBytes, bytesRead: () => read, close };
}

function cellsOf(row: ExcelJS.Row, limits: ReadLimits): string[] {
  const values = row.values as unknown[];
  if (values.length - 1 > limits.maxColumns) {
    throw invalid(
      'FILE_TOO_MANY_COLUMNS',
      `Baris ${fmt(row.number)} memiliki lebih dari ${fmt(limits.maxColumns)} kolom (batas ${fmt(limits.maxColumns)}); tidak ada data yang diterapkan.`,
      { row: row.number, limit: limits.maxColumns },
    );
  }
  const out: string[] = [];
  for (let i = 1; i < values.length; i++) {
    const text = cellText(values[i]);
    if (text.length > limits.maxFieldChars) throw xlsxCellTooLong(row.number, limits);
    out.push(text);
  }
  return out;
}

/** Cell text as an officer typed it; numbers too long for a double are flagged rather than silently rounded. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) return `#ANGKA_TIDAK_TELITI:${v}`;
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'Y' : 'N';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: string; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return cellText(o.result);
    if (o.error) return '';
  }
  return String(v);
}
