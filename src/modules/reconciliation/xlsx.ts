import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { KIND_LABEL, STATUS_LABEL, type ChangeSetStatus, type ItemKind } from './labels.js';
import { describeChange } from './rules/kinds.js';
import type { ItemFilter, ItemRow } from './repo.js';
import type { GuardFigures } from './rules/guard.js';

const DECISION_LABEL: Record<string, string> = {
  PENDING: 'Menunggu',
  APPROVED: 'Disetujui',
  DECLINED: 'Tidak disetujui',
  STALE: 'Tidak diterapkan (data sudah berubah)',
};

interface Header {
  id: number;
  kind: 'population' | 'jkn';
  fileName: string | null;
  asOf: string;
  previousAsOf: string | null;
  status: string;
  totals: Record<string, number>;
  itemCount: number;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  pendingCount: number;
  suspect: boolean;
  guard: GuardFigures | null;
  filter: ItemFilter;
}

type Names = (code: string | null) => Promise<{ districtName: string | null; villageName: string | null }>;

/**
 * Writes the change set report with exceljs's streaming writer: a summary
 * sheet, then one row per item, committed as it goes so memory stays flat
 * however large the set.
 */
export async function writeChangeSetXlsx(out: Writable, h: Header, chunks: AsyncIterable<ItemRow[]>, names: Names) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Jamkesda';
  wb.created = new Date();

  const summary = wb.addWorksheet('Ringkasan');
  summary.columns = [{ width: 34 }, { width: 60 }, { width: 18 }];
  const info: [string, string | number][] = [
    ['Daftar perubahan', `#${h.id}`],
    ['Data', h.kind === 'jkn' ? 'Kepesertaan JKN (BPJS Kesehatan)' : 'Kependudukan (Dukcapil)'],
    ['Berkas', h.fileName ?? ''],
    ['Tanggal data', h.asOf],
    ['Dibandingkan dengan data per', h.previousAsOf ?? ''],
    ['Status', STATUS_LABEL[h.status as ChangeSetStatus] ?? h.status],
    ['Diputuskan oleh', h.decidedBy ?? ''],
    ['Waktu keputusan', h.decidedAt ? new Date(h.decidedAt).toISOString() : ''],
    ['Catatan keputusan', h.decisionNote ?? ''],
    ['Saringan jenis', h.filter.kind ? (KIND_LABEL[h.filter.kind as ItemKind] ?? h.filter.kind) : 'Semua'],
    ['Saringan wilayah', h.filter.area ?? 'Semua'],
    ['Jumlah butir (seluruh daftar)', h.itemCount],
    ['Belum diputuskan', h.pendingCount],
  ];
  for (const row of info) summary.addRow(row).commit();
  if (h.suspect && h.guard) {
    // The alarm travels with the report: whoever opens the file sees why the set was flagged.
    const g = h.guard;
    summary.addRow([]).commit();
    const alarm = summary.addRow(['PERINGATAN', 'Berkas mencurigakan: mungkin terpotong atau hanya sebagian wilayah']);
    alarm.font = { bold: true, color: { argb: 'FFC92A2A' } };
    alarm.commit();
    const rows: [string, string | number][] = [
      [g.kind === 'jkn' ? 'Kepesertaan JKN berlaku sebelum impor' : 'Penduduk tercatat sebelum impor', g.before],
      ['Baris dalam berkas ini', g.rows],
      ['Baris dalam berkas terakhir', g.previousRows ?? ''],
      [g.kind === 'jkn' ? 'Kepesertaan yang berakhir' : 'Tidak ada dalam snapshot', g.ending],
      ['Bagian yang akan diakhiri (%)', g.endingPercent],
      ['Batas kewajaran (%)', g.suspectPercent],
      ...g.reasons.map((r): [string, string] => ['Alasan', r]),
    ];
    for (const row of rows) summary.addRow(row).commit();
  }
  summary.addRow([]).commit();
  // Kinds in words, the code in a column of its own (issue 10: no raw codes as the only name).
  const th = summary.addRow(['Jenis perubahan', 'Jumlah butir', 'Kode']);
  th.font = { bold: true };
  th.commit();
  for (const [kind, n] of Object.entries(h.totals))
    summary.addRow([KIND_LABEL[kind as ItemKind] ?? kind, n, kind]).commit();
  summary.commit();

  const ws = wb.addWorksheet('Perubahan', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'No. butir', width: 10 },
    { header: 'NIK', width: 19 },
    { header: 'Nama', width: 28 },
    { header: 'Jenis perubahan', width: 22 },
    { header: 'Kode', width: 14 },
    { header: 'Kecamatan', width: 20 },
    { header: 'Kelurahan/Desa', width: 22 },
    { header: 'Baris berkas', width: 12 },
    { header: 'Tanggal berlaku', width: 14 },
    { header: 'Sebelum → sesudah', width: 70 },
    { header: 'Keputusan', width: 18 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const cache = new Map<string, { districtName: string | null; villageName: string | null }>();
  for await (const rows of chunks) {
    for (const r of rows) {
      const key = r.village_code ?? '';
      let n = cache.get(key);
      if (!n) {
        n = await names(r.village_code);
        cache.set(key, n);
      }
      ws.addRow([
        Number(r.id),
        r.nik,
        r.name ?? '',
        KIND_LABEL[r.kind as ItemKind] ?? r.kind,
        r.kind,
        n.districtName ?? '',
        n.villageName ?? r.village_code ?? '',
        r.line_no === null ? '' : Number(r.line_no),
        r.effective_date,
        describeChange(r.before, r.after).join('; '),
        DECISION_LABEL[r.decision] ?? r.decision,
      ]).commit();
    }
  }
  ws.commit();
  await wb.commit();
}
