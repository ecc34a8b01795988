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
 * Besides bounding memory, this keeps parsing linear: papaparse rescans the
 * unfinished record on every chunk, so an unbounded record without a line end
 * made it quadratic and blocked the event loop (issue 10).
 */
export class CsvShapeGuard extends Transform {
  private readonly delim: number;
  /** Record number as a spreadsheet shows it (the header is 1). */
  private row = 1;
  private lineLen = 0;
  private fieldLen = 0;
  private cols = 1;
  private quoted = false;
  /** Inside a quoted field, the previous character was a quote whose meaning depends on the next one. */
  private quotePending = false;

  constructor(
    delimiter: string,
    private readonly limits: ReadLimits,
  ) {
    super({ decodeStrings: false, encoding: 'utf8' });
    this.delim = delimiter.charCodeAt(0);
  }

  override _transform(chunk: string | Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    const { delim } = this;
    const { maxColumns, maxLineChars, maxFieldChars } = this.limits;
    let { row, lineLen, fieldLen, cols, quoted, quotePending } = this;
    const n = text.length;
    let fault: Error | null = null;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      lineLen++;
      if (quoted) {
        if (quotePending) {
          quotePending = false;
          if (c === QUOTE) {
            fieldLen++;
            continue;
          }
          if (c === delim || c === LF || c === CR) quoted = false;
          // any other character: a stray quote inside the field; papaparse keeps looking for the closing one
        } else if (c === QUOTE) {
          quotePending = true;
          continue;
        }
        if (quoted) {
          if (++fieldLen > maxFieldChars) {
            fault = this.tooLongField(row);
            break;
          }
          continue;
        }
      }
      if (c === delim) {
        fieldLen = 0;
        if (++cols > maxColumns) {
          fault = invalid(
            'FILE_TOO_MANY_COLUMNS',
            `Baris ${fmt(row)} memiliki lebih dari ${fmt(maxColumns)} kolom (batas ${fmt(maxColumns)}). Periksa pemisah kolom berkas ini; tidak ada data yang diterapkan.`,
            { row, limit: maxColumns },
          );
          break;
        }
      } else if (c === LF) {
        row++;
        lineLen = 0;
        fieldLen = 0;
        cols = 1;
      } else if (c === QUOTE && fieldLen === 0) {
        quoted = true;
      } else if (++fieldLen > maxFieldChars) {
        fault = this.tooLongField(row);
        break;
      }
      if (lineLen > maxLineChars) {
        fault = invalid(
          'FILE_LINE_TOO_LONG',
          `Baris ${fmt(row)} lebih panjang dari ${fmt(maxLineChars)} karakter (batas). Berkas mungkin rusak, tidak memakai pemisah baris, atau memuat tanda kutip yang tidak ditutup; tidak ada data yang diterapkan.`,
          { row, limit: maxLineChars },
        );
        break;
      }
    }
    if (fault) return cb(fault);
    Object.assign(this, { row, lineLen, fieldLen, cols, quoted, quotePending });
    cb(null, text);
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
