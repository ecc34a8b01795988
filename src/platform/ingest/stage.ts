import type { Queryable } from '../db/index.js';
import { invalid } from '../http/errors.js';
import type { Progress } from '../jobs/jobs.js';
import type { ReportWriter } from './report.js';
import { openTable, type Table } from './table-reader.js';

/** What a module's row rule returns: the record when the row is accepted, and its findings. */
export interface RowCheck<R> {
  record: R | null;
  errors: { column: string; value: string; reason: string }[];
  warnings: { column: string; value: string; reason: string }[];
}

export interface StageSpec<C extends string, R> {
  filePath: string;
  requiredColumns: readonly C[];
  optionalColumns: readonly C[];
  check: (get: (c: C) => string) => RowCheck<R>;
  /** One COPY text line for an accepted record. */
  copyLine: (rowNo: number, record: R) => string;
  copySql: string;
  report: ReportWriter;
  progress: Progress;
}

export interface StageResult {
  format: 'csv' | 'xlsx';
  rowsRead: number;
  staged: number;
}

/**
 * Reads a file row by row, checks each row with the module's pure rule, writes
 * accepted rows into the module's stage table through COPY and findings into
 * the report. A file-level fault (encoding, unreadable CSV, missing columns)
 * throws before anything leaves the stage table.
 */
export async function stageTable<C extends string, R>(q: Queryable, spec: StageSpec<C, R>): Promise<StageResult> {
  const table = await openTable(spec.filePath);
  // The reading thread ends however staging ends (a missing column, a refused row, a failed COPY).
  try {
    return await stageOpened(q, spec, table);
  } finally {
    await table.close();
  }
}

async function stageOpened<C extends string, R>(
  q: Queryable,
  spec: StageSpec<C, R>,
  table: Table,
): Promise<StageResult> {
  const index = new Map<string, number>();
  table.header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  const missing = spec.requiredColumns.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw invalid(
      'MISSING_COLUMNS',
      `Kolom wajib tidak ada: ${missing.join(', ')}. Kolom yang ditemukan: ${table.header.join(', ') || '(tidak ada)'}.`,
      { missing },
    );
  }
  const positions = new Map<C, number>();
  for (const c of [...spec.requiredColumns, ...spec.optionalColumns]) {
    const i = index.get(c);
    if (i !== undefined) positions.set(c, i);
  }

  spec.progress.phase('Membaca dan memeriksa baris', table.totalBytes);
  let rowsRead = 0;
  let staged = 0;
  const width = table.header.length;

  // Column positions as a plain object and one accessor for all rows: no closure or map lookup per cell.
  const at = Object.fromEntries(positions) as Record<C, number | undefined>;
  let values: string[] = [];
  const get = (c: C) => {
    const i = at[c];
    return i === undefined ? '' : (values[i] ?? '');
  };

  // One COPY chunk per batch read: the rule runs synchronously over the batch, findings are buffered.
  async function* chunks(): AsyncGenerator<string> {
    for await (const batch of table.batches) {
      const lines: string[] = [];
      for (const row of batch) {
        rowsRead++;
        values = row.values;
        const outcome = spec.check(get);
        if (row.width < width && outcome.record) {
          outcome.warnings.push({
            column: '',
            value: '',
            reason: `Baris hanya memiliki ${row.width} dari ${width} kolom.`,
          });
        }
        if (outcome.record) {
          staged++;
          lines.push(spec.copyLine(row.rowNo, outcome.record));
        } else {
          spec.report.reject(row.rowNo, outcome.errors);
        }
        for (const w of outcome.warnings) spec.report.warn(row.rowNo, w.column, w.value, w.reason);
      }
      await spec.report.flush();
      spec.progress.advance(table.bytesRead());
      if (lines.length > 0) yield lines.join('');
    }
    spec.progress.advance(table.totalBytes);
  }

  await q.copyFrom(spec.copySql, chunks());
  return { format: table.format, rowsRead, staged };
}
