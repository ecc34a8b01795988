import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { csvCell } from '../csv.js';

export type Severity = 'DITOLAK' | 'PERINGATAN';

/**
 * The rejected-rows report: one CSV line per finding. Findings are buffered
 * while a batch of rows is checked and written out by `flush` between
 * batches, so memory stays flat however many rows are bad.
 */
export class ReportWriter {
  private readonly out: fs.WriteStream;
  private buffer = '';
  rejectedRows = 0;
  warnings = 0;

  constructor(readonly filePath: string) {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    this.out = fs.createWriteStream(filePath, { encoding: 'utf8' });
    this.buffer = '\uFEFFbaris,kolom,nilai,alasan,tingkat\n';
  }

  private add(row: number | null, column: string, value: string, reason: string, severity: Severity) {
    this.buffer += `${row ?? ''},${csvCell(column)},${csvCell(value.slice(0, 200))},${csvCell(reason)},${severity}\n`;
  }

  /** Records one rejected row (counted once however many of its columns are wrong). */
  reject(row: number, problems: readonly { column: string; value: string; reason: string }[]) {
    this.rejectedRows++;
    for (const p of problems) this.add(row, p.column, p.value, p.reason, 'DITOLAK');
  }

  warn(row: number | null, column: string, value: string, reason: string) {
    this.warnings++;
    this.add(row, column, value, reason, 'PERINGATAN');
  }

  async flush(): Promise<void> {
    if (!this.buffer) return;
    const text = this.buffer;
    this.buffer = '';
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}
