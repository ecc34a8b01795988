import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../http/errors.js';
import type { ReadLimits } from './limits.js';
import { openSource, type TableRow } from './table-reader.js';
import type { PackedBatch } from './table-thread.js';

/**
 * Worker-thread entry (table-thread.ts): reads one file and posts, at most
 * AHEAD messages ahead of what the import has taken, either (CSV) the texts
 * of whole records that passed the shape limits, which the import's thread
 * parses in one cheap pass each, or (XLSX, parsed here by exceljs) its header
 * and row batches. Messages out: { open }, { text } or { batch }, { end }, or
 * { error } (an AppError's fields, or a fault's text).
 */

const port = parentPort;
if (!port) throw new Error('table-worker.ts must run in a worker thread');
const { filePath, limits } = workerData as { filePath: string; limits: ReadLimits };
const AHEAD = 4;

let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', (m: { ack?: true }) => {
  if (m.ack) {
    inFlight--;
    const w = wake;
    wake = null;
    w?.();
  }
});

/**
 * An XLSX batch as one string of cells joined by NUL plus [rowNo, width] pairs:
 * cloning one string and one typed array costs a fraction of cloning an
 * object and an array per row. NUL cannot occur in a cell (the UTF-8 guard
 * refuses it in CSV; XML cannot carry it).
 */
function pack(rows: TableRow[]): PackedBatch {
  const cells: string[] = [];
  const meta = new Int32Array(rows.length * 2);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    meta[2 * i] = r.rowNo;
    meta[2 * i + 1] = r.values.length;
    for (const v of r.values) cells.push(v);
  }
  return { text: cells.join('\u0000'), meta };
}

async function main() {
  const source = await openSource(filePath, limits);
  const credit = async () => {
    inFlight++;
    while (inFlight >= AHEAD) await new Promise<void>((r) => (wake = r));
  };
  if (source.kind === 'csv') {
    const { delimiter, newline, totalBytes } = source.csv;
    port!.postMessage({ open: { format: 'csv', delimiter, newline, totalBytes } });
    for await (const text of source.csv.texts) {
      port!.postMessage({ text, bytesRead: source.csv.bytesRead() });
      await credit();
    }
    port!.postMessage({ end: true, bytesRead: source.csv.bytesRead() });
    return;
  }
  const table = source.table;
  port!.postMessage({ open: { format: table.format, header: table.header, totalBytes: table.totalBytes } });
  for await (const batch of table.batches) {
    port!.postMessage({ batch: pack(batch), bytesRead: table.bytesRead() });
    await credit();
  }
  port!.postMessage({ end: true, bytesRead: table.bytesRead() });
}

main().catch((err: unknown) => {
  const error =
    err instanceof AppError
      ? { kind: err.kind, code: err.code, message: err.message, details: err.details }
      : { fault: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  port.postMessage({ error });
});
