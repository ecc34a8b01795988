/** PostgreSQL COPY text format: tab-separated, \N for null, backslash escapes. */
export function copyField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  if (!/[\\\t\n\r]/.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export function copyLine(fields: readonly (string | number | boolean | null | undefined)[]): string {
  let s = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) s += '\t';
    s += copyField(fields[i]);
  }
  return `${s}\n`;
}

/** Groups COPY lines into chunks of about `size` characters so each write carries many rows. */
export async function* chunked(lines: AsyncIterable<string>, size = 256 * 1024): AsyncGenerator<string> {
  let buf = '';
  for await (const line of lines) {
    buf += line;
    if (buf.length >= size) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
