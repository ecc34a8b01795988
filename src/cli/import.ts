import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { invalid } from '../platform/http/errors.js';
import type { ImportKind } from '../platform/ingest/schemas.js';
import { isRealDate } from '../platform/ingest/values.js';
import { progressPrinter } from './progress.js';
import { totalsLines } from './reconcile.js';
import { globalOpts, report, withSystem } from './shared.js';
import { registerImportFacilities } from './import-facilities.js';

const LABEL: Record<ImportKind, string> = {
  population: 'penduduk (Dukcapil)',
  jkn: 'kepesertaan JKN (BPJS Kesehatan)',
  poverty: 'kesejahteraan sosial (DTKS, Kemensos)',
};

export function registerImport(program: Command) {
  const imp = program.command('import').description('memuat berkas data');
  registerImportFacilities(imp);
  for (const kind of ['population', 'jkn', 'poverty'] as const) {
    imp
      .command(`${kind} <file>`)
      .description(`memuat berkas ${LABEL[kind]} (CSV atau XLSX)`)
      .requiredOption('--as-of <date>', 'tanggal data, YYYY-MM-DD')
      .action(async (file: string, o: { asOf: string }, cmd: Command) => {
        const opts = globalOpts(cmd);
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(o.asOf);
        if (!m || !isRealDate(+m[1]!, +m[2]!, +m[3]!))
          throw invalid('INVALID_DATE', '--as-of harus tanggal yang sah berformat YYYY-MM-DD.');
        const filePath = path.resolve(file);
        if (!fs.existsSync(filePath)) throw invalid('FILE_MISSING', `Berkas ${file} tidak ditemukan.`);
        const r = await runImport(opts, kind, filePath, o.asOf);
        report(opts, { ok: true, kind, ...r }, summaryLines(kind, r));
      });
  }
}

export async function runImport(
  opts: { dataDir?: string; json?: boolean },
  kind: ImportKind,
  filePath: string,
  asOf: string,
) {
  return withSystem(opts, async (sys) => {
    const { done } = await sys.imports.start({
      kind,
      filePath,
      fileName: path.basename(filePath),
      asOf,
      ownsFile: false,
      listener: opts.json ? undefined : progressPrinter(),
    });
    return (await done) as Record<string, unknown> & {
      accepted: number;
      rejected: number;
      warnings: number;
      reportPath: string;
    };
  });
}

function summaryLines(kind: ImportKind, r: Record<string, unknown>): string[] {
  const lines = [
    `Impor ${LABEL[kind]} selesai (tanggal data ${r.asOf}).`,
    `  baris dibaca : ${r.rowsRead}`,
    `  diterima     : ${r.accepted}  (${r.review === 'PENDING' ? 'diusulkan: ' : ''}baru ${r.inserted}, berubah ${r.updated}, tetap ${r.unchanged})`,
    `  ditolak      : ${r.rejected}`,
    `  peringatan   : ${r.warnings}`,
  ];
  if (kind !== 'population') lines.push(`  berakhir     : ${r.ended ?? 0}`, `  NIK tak dikenal: ${r.unknownNik ?? 0}`);
  if (kind === 'population') lines.push(`  tidak lagi tercantum: ${r.absent}`);
  lines.push(`Laporan baris ditolak/peringatan: ${r.reportPath}`);
  // MEM-7: after the first load, a file takes effect only through a reviewed change set.
  if (r.review === 'PENDING') {
    lines.push(
      '',
      ...(r.suspect
        ? [
            `PERINGATAN: berkas ini mencurigakan (mungkin terpotong atau hanya sebagian wilayah). Lihat angkanya: jamkesda reconcile show ${r.changeSetId}; penghentian hanya dapat disetujui dengan --confirm-missing <jumlah>.`,
          ]
        : []),
      `Perubahan belum diterapkan: daftar perubahan #${r.changeSetId} (${r.changeItems} butir) menunggu persetujuan.`,
      ...totalsLines((r.changeTotals ?? {}) as Record<string, number>),
      `Tinjau di menu Rekonsiliasi, atau: jamkesda reconcile show ${r.changeSetId} / approve ${r.changeSetId} / reject ${r.changeSetId} --reason "…"`,
    );
  } else if (r.review === 'APPROVED') {
    lines.push('Tidak ada perubahan dibanding data yang sudah dimuat.');
  }
  return lines;
}
