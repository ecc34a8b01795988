import ExcelJS from 'exceljs';
import { actionLabel, entityLabel, PREFIX_LABELS, ROLE_LABELS } from './labels.js';
import type { AuditFilters, AuditRow } from './query.js';

/** Details as "key: value · key: value" (nested values as JSON), the same text as on screen. */
export function detailsText(v: Record<string, unknown> | null): string {
  if (!v) return '';
  return Object.entries(v)
    .filter(([, x]) => x !== null && x !== undefined && x !== '')
    .map(([k, x]) => `${k}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`)
    .join(' · ');
}

const jakarta = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** The filtered audit log as a workbook: actions and records in words, their codes in the next column. */
export async function auditWorkbook(rows: AuditRow[], f: AuditFilters & { truncated: boolean }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jamkesda';
  const ws = wb.addWorksheet('Log audit');
  ws.addRow(['Log audit Jamkesda']).font = { bold: true, size: 13 };
  const filters = [
    f.actor && `pengguna ${f.actor}`,
    f.action && `aksi ${f.action.endsWith('.') ? (PREFIX_LABELS[f.action] ?? `${f.action}*`) : actionLabel(f.action)}`,
    f.entityType && `rekaman ${entityLabel(f.entityType)}`,
    f.entityId && `ID ${f.entityId}`,
    f.from && `dari ${f.from}`,
    f.to && `sampai ${f.to}`,
  ].filter(Boolean);
  ws.addRow([
    `Saringan: ${filters.length ? filters.join(', ') : 'tanpa saringan'} · ${rows.length} entri, terbaru di atas (waktu WIB)`,
  ]);
  if (f.truncated)
    ws.addRow([`Hanya ${rows.length} entri terbaru yang dimuat; persempit saringan untuk entri yang lebih lama.`]);
  ws.addRow([]);
  const header = ws.addRow([
    'Waktu (WIB)',
    'Pengguna',
    'Peran',
    'Fasilitas',
    'Aksi',
    'Kode aksi',
    'Rekaman',
    'ID rekaman',
    'Asal (IP)',
    'Rincian',
  ]);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F2EC' } }));
  const headerRow = header.number;
  for (const r of rows) {
    ws.addRow([
      jakarta.format(new Date(r.at)),
      r.actor_username ?? 'sistem',
      r.actor_role ? (ROLE_LABELS[r.actor_role] ?? r.actor_role) : '',
      r.facility_code ?? '',
      actionLabel(r.action),
      r.action,
      entityLabel(r.entity_type) ?? '',
      r.entity_type === 'user' && r.entity_username ? `${r.entity_username} (#${r.entity_id})` : (r.entity_id ?? ''),
      r.ip ?? '',
      detailsText(r.details),
    ]);
  }
  const widths = [20, 18, 14, 14, 44, 28, 22, 22, 16, 60];
  ws.columns.forEach((c, i) => (c.width = widths[i] ?? 16));
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
