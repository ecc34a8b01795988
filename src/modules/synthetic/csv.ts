import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** RFC 4180 quoting: only when a field holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  if (!/[",\r\n]/.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

const CHUNK_CHARS = 128 * 1024;

/**
 * Collects rows into ~128 KB chunks and writes them to a file stream, waiting
 * for 'drain' when the stream's buffer is full: memory stays flat no matter
 * how many rows are written. Rows are kept as flat strings and joined once per
 * chunk, which is much cheaper for V8 than growing one string row by row.
 */
export class CsvWriter {
  private readonly stream: WriteStream;
  private lines: string[] = [];
  private chars = 0;
  private failure: Error | null = null;
  rows = 0;

  /**
   * `textColumns`: the only columns of `writeTrusted` rows that can hold a
   * comma, quote or line break (names, addresses). Every other column of such
   * rows is generated from digits and fixed words.
   */
  constructor(
    path: string,
    header: readonly string[] | null,
    private readonly textColumns: readonly number[] = [],
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
    this.stream.on('error', (err) => {
      this.failure = err;
    });
    if (header) this.lines.push(header.map(csvField).join(','));
  }

  /** Adds a row of any content, quoting every field that needs it. Await the result when it is a promise. */
  write(fields: readonly string[]): Promise<void> | undefined {
    return this.push(fields.map(csvField).join(','));
  }

  /** Adds a generated row, checking only the text columns. Quotes them in place. */
  writeTrusted(fields: string[]): Promise<void> | undefined {
    for (const i of this.textColumns) fields[i] = csvField(fields[i] as string);
    return this.push(fields.join(','));
  }

  private push(line: string): Promise<void> | undefined {
    this.lines.push(line);
    this.rows++;
    this.chars += line.length + 1;
    if (this.chars < CHUNK_CHARS) return undefined;
    return this.flush();
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.lines.length === 0) return;
    const chunk = `${this.lines.join('\n')}\n`;
    this.lines = [];
    this.chars = 0;
    // events.once rejects if the stream emits 'error' before 'drain'.
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes the rest and closes the file; resolves once it is on disk. */
  async close(): Promise<void> {
    await this.flush();
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => {
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
    if (this.failure) throw this.failure;
  }
}
