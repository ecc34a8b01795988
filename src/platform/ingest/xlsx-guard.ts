import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { invalid } from '../http/errors.js';
import { fmt, type ReadLimits } from './limits.js';

/** The zip reader exceljs streams with, so this pass sees the entries exactly as exceljs will; loaded on first use. */
function unzipper() {
  const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
  return fromExceljs('unzipper') as { Parse(opts: { forceStream: boolean }): NodeJS.ReadWriteStream };
}

const LT = 0x3c;
/** Bytes one character can take in sheet XML (an escaped `&quot;` is six). */
const BYTES_PER_CHAR = 6;

/**
 * Refuses a zip bomb before exceljs inflates anything into memory (issue 10:
 * a 409 KB file with one 400 MB cell). Streams every entry once, counting the
 * bytes actually inflated (declared sizes are not trusted), and stops at the
 * first limit crossed: total inflated size, inflated bytes per byte of the
 * file, or a run of text between two XML tags longer than any cell may be.
 * Memory stays at one inflated chunk.
 */
export async function checkXlsxBomb(filePath: string, fileBytes: number, limits: ReadLimits): Promise<void> {
  const byRatio = limits.xlsxMaxRatio * fileBytes;
  const maxInflated = Math.min(limits.xlsxMaxUncompressedBytes, byRatio);
  const maxRun = limits.maxFieldChars * BYTES_PER_CHAR + 1024;
  const file = fs.createReadStream(filePath);
  const zip = unzipper().Parse({ forceStream: true });
  file.on('error', (e) => (zip as unknown as Readable).destroy(e));
  file.pipe(zip);
  let inflated = 0;
  try {
    for await (const entry of zip as unknown as AsyncIterable<Readable & { path: string }>) {
      const xml = /\.(xml|rels)$/i.test(entry.path);
      let run = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > maxInflated) {
          throw maxInflated === byRatio && byRatio < limits.xlsxMaxUncompressedBytes
            ? invalid(
                'FILE_XLSX_RATIO',
                `Berkas XLSX mengembang lebih dari ${fmt(limits.xlsxMaxRatio)} kali ukurannya saat dibuka (batas); berkas ini tidak wajar untuk tabel data dan ditolak. Tidak ada data yang diterapkan.`,
                { limit: limits.xlsxMaxRatio },
              )
            : invalid(
                'FILE_XLSX_TOO_LARGE',
                `Isi berkas XLSX melebihi ${fmt(Math.round(limits.xlsxMaxUncompressedBytes / 1024 / 1024))} MB setelah dibuka (batas). Pecah berkas atau kirim sebagai CSV. Tidak ada data yang diterapkan.`,
                { limit: limits.xlsxMaxUncompressedBytes },
              );
        }
        if (!xml) continue;
        // The longest stretch without a tag bounds every cell's text.
        let from = 0;
        for (let lt = chunk.indexOf(LT); lt !== -1; lt = chunk.indexOf(LT, from)) {
          if (run + (lt - from) > maxRun) throw xlsxCellTooLong(null, limits);
          run = 0;
          from = lt + 1;
        }
        run += chunk.length - from;
        if (run > maxRun) throw xlsxCellTooLong(null, limits);
      }
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'AppError') throw err;
    throw invalid('FILE_FORMAT', 'Berkas XLSX rusak atau bukan berkas Excel yang sah.');
  } finally {
    file.destroy();
    (zip as unknown as Readable).destroy();
  }
}

export function xlsxCellTooLong(row: number | null, limits: ReadLimits) {
  const where = row === null ? 'Berkas XLSX memuat sel' : `Baris ${fmt(row)} memuat sel`;
  return invalid(
    'FILE_FIELD_TOO_LONG',
    `${where} lebih panjang dari ${fmt(limits.maxFieldChars)} karakter (batas). Berkas ini tidak wajar untuk tabel data dan ditolak; tidak ada data yang diterapkan.`,
    { row, limit: limits.maxFieldChars },
  );
}
