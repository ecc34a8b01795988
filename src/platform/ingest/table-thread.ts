import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, invalid, type ErrorKind } from '../http/errors.js';
import { DEFAULT_READ_LIMITS, READER_HEAP_MB, type ReadLimits } from './limits.js';
import { csvTable, type Table, type TableRow } from './table-reader.js';

type Message =
  | { open: { format: 'csv'; delimiter: ',' | ';'; newline: '\n' | '\r\n'; totalBytes: number } }
  | { open: { format: 'xlsx'; header: string[]; totalBytes: number } }
  | { text: string; bytesRead: number }
  | { batch: PackedBatch; bytesRead: number }
  | { end: true; bytesRead: number }
  | { error: { kind: ErrorKind; code: string; message: string; details?: unknown } | { fault: string } };

/** Rows as the worker sends them (table-worker.ts `pack`). */
export interface PackedBatch {
  text: string;
  meta: Int32Array;
}

function unpack(b: PackedBatch): TableRow[] {
  const cells = b.meta.length === 0 ? [] : b.text.split('\u0000');
  const rows: TableRow[] = new Array(b.meta.length / 2);
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const n = b.meta[2 * i + 1]!;
    rows[i] = { rowNo: b.meta[2 * i]!, values: cells.slice(at, at + n), width: n };
    at += n;
  }
  return rows;
}

/** Under tsx (tests) the worker registers tsx before loading the TypeScript entry; compiled code loads the .js. */
function startWorker(workerData: unknown, heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 };
  const entry = new URL(`./table-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData, resourceLimits });
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const boot = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(fileURLToPath(entry))});`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

const CRASHED =
  'Berkas tidak dapat dibaca dalam batas memori pembaca impor (berkas terlalu besar atau tidak wajar). Server tetap berjalan; tidak ada data yang diterapkan.';

/**
 * Opens a file for an import in a worker thread with its own, capped heap
 * (issue 10): whatever a file does to the reader, running out of memory or
 * crashing ends that thread and fails the import with a message, never the
 * process that answers the desks. The worker reads, decodes and checks the
 * shape limits; a CSV comes back as texts of whole records within those
 * limits, parsed here in one linear pass each (cloning parsed cells across
 * threads cost more than parsing them); an XLSX, which exceljs inflates and
 * parses in the worker, comes back as row batches. The worker stays a
 * couple of messages ahead of the import; the database work stays here.
 */
export function openTable(filePath: string, opts: { limits?: ReadLimits; heapMb?: number } = {}): Promise<Table> {
  const worker = startWorker({ filePath, limits: opts.limits ?? DEFAULT_READ_LIMITS }, opts.heapMb ?? READER_HEAP_MB);
  const queue: Message[] = [];
  let failure: unknown = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', (m: Message) => {
    queue.push(m);
    signal();
  });
  worker.on('error', (err: Error & { code?: string }) => {
    failure ??= err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? invalid('FILE_TOO_COMPLEX', CRASHED) : err;
    signal();
  });
  worker.on('exit', (code) => {
    exited = true;
    if (code !== 0) failure ??= invalid('FILE_TOO_COMPLEX', CRASHED);
    signal();
  });

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await worker.terminate();
  };

  async function next(): Promise<Message> {
    for (;;) {
      const m = queue.shift();
      if (m) {
        if ('error' in m) {
          const e = m.error;
          throw 'fault' in e
            ? new Error(`table reader failed: ${e.fault}`)
            : new AppError(e.kind, e.code, e.message, e.details);
        }
        return m;
      }
      if (failure) throw failure;
      if (exited) throw invalid('FILE_TOO_COMPLEX', CRASHED);
      await new Promise<void>((r) => (wake = r));
    }
  }

  let bytesRead = 0;
  /** What the worker sends after `open`, acknowledged as it is taken so the worker reads on. */
  async function* messages(): AsyncGenerator<Message> {
    try {
      for (;;) {
        const m = await next();
        bytesRead = 'bytesRead' in m ? m.bytesRead : bytesRead;
        if ('end' in m) return;
        worker.postMessage({ ack: true });
        yield m;
      }
    } finally {
      await close();
    }
  }
  async function* texts(): AsyncGenerator<string> {
    for await (const m of messages()) if ('text' in m) yield m.text;
  }
  async function* batches(): AsyncGenerator<TableRow[]> {
    for await (const m of messages()) if ('batch' in m) yield unpack(m.batch);
  }

  return next().then(
    (m) => {
      if (!('open' in m)) throw new Error('table reader: header expected');
      const o = m.open;
      if (o.format === 'csv') {
        return csvTable({
          delimiter: o.delimiter,
          newline: o.newline,
          totalBytes: o.totalBytes,
          texts: texts(),
          bytesRead: () => bytesRead,
          close,
        }).catch(async (err: unknown) => {
          await close();
          throw err;
        });
      }
      return {
        format: o.format,
        header: o.header,
        totalBytes: o.totalBytes,
        batches: batches(),
        bytesRead: () => bytesRead,
        close,
      };
    },
    async (err: unknown) => {
      await close();
      throw err;
    },
  );
}
