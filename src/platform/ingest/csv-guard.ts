import { Transform, type TransformCallback } from 'node:stream';
import { invalid } from '../http/errors.js';
import { fmt, type ReadLimits } from './limits.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Sits between the UTF-8 guard and papaparse and refuses a file as soon as a
 * record has too many cells, a record is too long or a cell is too long, with
 * the row number. It follows papaparse's quoting (a quote opens a field only
 * as its first character; `""` inside is a quote; a quote followed by a
 * delimiter or line end closes it), so a file papaparse reads is measured the
 * way papaparse splits it.
 *
 * It passes on whole records only (an unfinished record waits, bounded by
 * the record limit, for the next chunk), so every chunk it emits can be
 * parsed on its own, in one synchronous pass (table-reader.ts `csvTable`).
 * With CRLF line ends a record ends only at CR LF, as papaparse splits them.
 * This keeps parsing linear: papaparse's stream mode rescanned the
 * unfinished record on every chunk, so an unbounded record without a line
 * end made it quadratic and blocked the event loop (issue 10).
 */
export class CsvShapeGuard extends Transform {
  private readonly delim: number;
  /** Record number as a spreadsheet shows it (the header is 1). */
  private row = 1;
  /** Characters passed before the current text, and where the current record and cell began (same count). */
  private base = 0;
  private lineStart = 0;
  private fieldStart = 0;
  private cols = 1;
  private quoted = false;
  /** Inside a quoted field, the previous character was a quote whose meaning depends on the next one. */
  private quotePending = false;
  private last = 0;
  /** The unfinished record at the end of the text so far. */
  private carry = '';

  constructor(
    delimiter: string,
    private readonly limits: ReadLimits,
    private readonly crlf = false,
  ) {
    super({ decodeStrings: false, encoding: 'utf8' });
    this.delim = delimiter.charCodeAt(0);
  }

  /*
   * Lengths are differences of positions, checked at each cell and record end
   * and at the end of each text, so the common character (a letter or digit)
   * costs one comparison. A cell or record is caught at most one text (about
   * 1 MB) past its limit.
   */
  override _transform(chunk: string | Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    const { delim, crlf, base } = this;
    const { maxColumns, maxLineChars, maxFieldChars } = this.limits;
    let { row, lineStart, fieldStart, cols, quoted, quotePending } = this;
    const n = text.length;
    let fault: Error | null = null;
    /** Just past the last record end in this text, or -1. */
    let cut = -1;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > QUOTE && c !== delim && !quotePending) continue;
      const at = base + i;
      if (quoted) {
        if (!quotePending) {
          if (c === QUOTE) quotePending = true;
          continue;
        }
        quotePending = false;
        // "" is a quote; a quote before a delimiter or line end closes the cell; before anything else it is stray and the cell goes on.
        if (c !== delim && c !== LF && c !== CR) continue;
        quoted = false;
      }
      if (c === delim) {
        if (at - fieldStart > maxFieldChars) {
          fault = this.tooLongField(row);
          break;
        }
        fieldStart = at + 1;
        if (++cols > maxColumns) {
          fault = invalid(
            'FILE_TOO_MANY_COLUMNS',
            `Baris ${fmt(row)} memiliki lebih dari ${fmt(maxColumns)} kolom (batas ${fmt(maxColumns)}). Periksa pemisah kolom berkas ini; tidak ada data yang diterapkan.`,
            { row, limit: maxColumns },
          );
          break;
        }
      } else if (c === LF) {
        if (at - fieldStart > maxFieldChars) {
          fault = this.tooLongField(row);
          break;
        }
        if (at - lineStart > maxLineChars) {
          fault = this.tooLongLine(row);
          break;
        }
        if (!crlf || (i > 0 ? text.charCodeAt(i - 1) : this.last) === CR) cut = i + 1;
        row++;
        cols = 1;
        fieldStart = lineStart = at + 1;
      } else if (c === QUOTE && at === fieldStart) {
        quoted = true;
      }
    }
    const end = base + n;
    if (!fault && end - fieldStart > maxFieldChars) fault = this.tooLongField(row);
    if (!fault && end - lineStart > maxLineChars) fault = this.tooLongLine(row);
    if (fault) return cb(fault);
    Object.assign(this, {
      row,
      lineStart,
      fieldStart,
      cols,
      quoted,
      quotePending,
      base: end,
      last: n > 0 ? text.charCodeAt(n - 1) : this.last,
    });
    if (cut === -1) {
      this.carry += text;
      return cb();
    }
    const whole = this.carry + text.slice(0, cut);
    this.carry = text.slice(cut);
    cb(null, whole);
  }

  override _flush(cb: TransformCallback) {
    // A quote just before the end closes its field.
    if (this.quoted && !this.quotePending) {
      return cb(
        invalid(
          'FILE_FORMAT',
          'Tanda kutip tidak ditutup: berkas terpotong atau rusak. Tidak ada data yang diterapkan.',
        ),
      );
    }
    cb(null, this.carry || undefined);
  }

  private tooLongLine(row: number) {
    const max = this.limits.maxLineChars;
    return invalid(
      'FILE_LINE_TOO_LONG',
      `Baris ${fmt(row)} lebih panjang dari ${fmt(max)} karakter (batas). Berkas mungkin rusak, tidak memakai pemisah baris, atau memuat tanda kutip yang tidak ditutup; tidak ada data yang diterapkan.`,
      { row, limit: max },
    );
  }

  private tooLongField(row: number) {
    const max = this.limits.maxFieldChars;
    return invalid(
      'FILE_FIELD_TOO_LONG',
      `Baris ${fmt(row)} memuat sel lebih panjang dari ${fmt(max)} karakter (batas). Berkas mungkin rusak atau memuat tanda kutip yang tidak ditutup; tidak ada data yang diterapkan.`,
      { row, limit: max },
    );
  }
}
