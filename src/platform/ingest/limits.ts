/**
 * Limits on the shape of an uploaded file, checked while it streams and before
 * any row is built. Real Dukcapil, BPJS and DTKS exports have 10–30 columns
 * and lines of a few hundred characters; these bounds are far above that and
 * far below what could exhaust memory or stall the parser (issue 10).
 * Documented in this folder's README.
 */
export interface ReadLimits {
  /** Cells in one row (header included). */
  maxColumns: number;
  /** Characters in one CSV record (a quoted field may span physical lines). */
  maxLineChars: number;
  /** Characters in one cell, CSV or XLSX. */
  maxFieldChars: number;
  /** Bytes the XLSX zip may inflate to, all entries together. */
  xlsxMaxUncompressedBytes: number;
  /** Inflated bytes per byte of the file on disk (a spreadsheet compresses 5–20×). */
  xlsxMaxRatio: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxColumns: 500,
  maxLineChars: 1024 * 1024,
  maxFieldChars: 32 * 1024,
  xlsxMaxUncompressedBytes: 1024 * 1024 * 1024,
  xlsxMaxRatio: 200,
};

/** Heap of the thread that reads one file (table-worker.ts): far more than a batch needs, far less than the server has. */
export const READER_HEAP_MB = 384;

export function fmt(n: number): string {
  return n.toLocaleString('id-ID');
}
