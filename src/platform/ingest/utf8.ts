import { Transform, type TransformCallback } from 'node:stream';
import { invalid } from '../http/errors.js';

/**
 * Passes UTF-8 through as strings and refuses anything else with a message an
 * officer can act on: UTF-16 exports and Latin-1/Windows-1252 files are the
 * usual culprits. A UTF-8 BOM is dropped.
 */
export class Utf8Guard extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private first = true;
  private lines = 1;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true });
    this.setEncoding('utf8');
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    let buf = chunk;
    if (this.first) {
      this.first = false;
      if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
        return cb(
          invalid('FILE_ENCODING', 'Berkas berkode UTF-16. Simpan ulang sebagai "CSV UTF-8" lalu unggah kembali.'),
        );
      }
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    let text: string;
    try {
      text = this.decoder.decode(buf, { stream: true });
    } catch {
      return cb(
        invalid(
          'FILE_ENCODING',
          `Berkas bukan teks UTF-8 yang sah (sekitar baris ${this.lines + 1}). Simpan ulang sebagai "CSV UTF-8" lalu unggah kembali.`,
        ),
      );
    }
    if (text.includes('\u0000')) {
      return cb(invalid('FILE_ENCODING', 'Berkas memuat karakter biner; ini bukan berkas CSV.'));
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lines++;
    cb(null, text);
  }

  override _flush(cb: TransformCallback) {
    try {
      const rest = this.decoder.decode();
      cb(null, rest);
    } catch {
      cb(invalid('FILE_ENCODING', 'Berkas terpotong di tengah karakter UTF-8 (akhir berkas tidak lengkap).'));
    }
  }
}
