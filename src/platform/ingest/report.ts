import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';

export type Severity = 'DITOLAK' | 'PERINGATAN';

export interface ReportLine {
  /** Row number as a spreadsheet shows it (header = 1); null for file-level findings. */
  row: number | null;
  column: string;
  value: string;
  reason: string;
  severity: Severity;
}

function csvCell(v: string): string {
  return /[",\n\r;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The rejected-rows report: one CSV line per finding, written as the import
 * goes so memory stays flat however many rows are bad.
 */
export class ReportWriter {
  private readonly out: fs.WriteStream;
  rejectedRows = 0;
  warnings = 0;

  constructor(readonly filePath: string) {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    this.out = fs.createWriteStream(filePath, { encoding: 'utf8' });
    this.out.write('\uFEFFbaris,kolom,nilai,alasan,tingkat\n');
  }

  async add(line: ReportLine): Promise<void> {
    const text = `${line.row ?? ''},${csvCell(line.column)},${csvCell(line.value.slice(0, 200))},${csvCell(line.reason)},${line.severity}\n`;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  /** Adds the findings of one rejected row (counted once however many columns are wrong). */
  async reject(row: number, problems: { column: string; value: string; reason: string }[]) {
    this.rejectedRows++;
    for (const p of problems) await this.add({ row, ...p, severity: 'DITOLAK' });
  }

  async warn(row: number | null, column: string, value: string, reason: string) {
    this.warnings++;
    await this.add({ row, column, value, reason, severity: 'PERINGATAN' });
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}
