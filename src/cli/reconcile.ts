import type { Command } from 'commander';
import { invalid } from '../platform/http/errors.js';
import { KIND_LABEL, type ItemKind } from '../modules/reconciliation/rules/kinds.js';
import { globalOpts, report, withSystem } from './shared.js';

const STATUS: Record<string, string> = {
  PENDING: 'menunggu persetujuan',
  APPROVED: 'disetujui',
  PARTIALLY_APPROVED: 'disetujui sebagian',
  REJECTED: 'ditolak',
};
const KIND: Record<string, string> = { population: 'penduduk', jkn: 'JKN' };

function idArg(raw: string): number {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw invalid('INVALID_ID', `"${raw}" bukan nomor daftar perubahan.`);
  return n;
}

export function totalsLines(totals: Record<string, number>): string[] {
  return Object.entries(totals).map(([k, n]) => `  ${(KIND_LABEL[k as ItemKind] ?? k).padEnd(26)} ${n}  (${k})`);
}

/** `jamkesda reconcile …` — the MEM-7 review from a terminal, thin over the reconciliation service. */
export function registerReconcile(program: Command) {
  const rec = program.command('reconcile').description('meninjau daftar perubahan hasil impor data penduduk dan JKN');

  rec
    .command('list')
    .description('daftar perubahan, terbaru di atas')
    .option('--pending', 'hanya yang menunggu persetujuan')
    .action(async (o: { pending?: boolean }, cmd: Command) => {
      const opts = globalOpts(cmd);
      const r = await withSystem(opts, (sys) => sys.reconciliation.list({ status: o.pending ? 'PENDING' : undefined }));
      const lines = r.items.length
        ? r.items.map((c) => `#${c.id}  ${KIND[c.kind]!.padEnd(8)} data per ${c.asOf}  ${String(c.itemCount).padStart(8)} butir  ${STATUS[c.status]}`)
        : ['Belum ada daftar perubahan.'];
      report(opts, { ok: true, ...r }, lines);
    });

  rec
    .command('show <id>')
    .description('jumlah butir per jenis dan per wilayah')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const opts = globalOpts(cmd);
      const c = await withSystem(opts, (sys) => sys.reconciliation.get(idArg(id)));
      const lines = [
        `Daftar perubahan #${c.id} — data ${KIND[c.kind]} per ${c.asOf} (dibandingkan dengan data per ${c.previousAsOf ?? '-'}), berkas ${c.fileName ?? '-'}`,
        `Status: ${STATUS[c.status]}${c.decidedBy ? ` oleh ${c.decidedBy}` : ''}${c.decisionNote ? ` — ${c.decisionNote}` : ''}`,
        `Jumlah butir: ${c.itemCount}`,
        ...totalsLines(c.totals),
        'Per kelurahan/desa:',
        ...c.byVillage.map((v) => `  ${v.villageCode ?? '(tidak diketahui)'}  ${(v.districtName ?? '').padEnd(18)} ${(v.villageName ?? '').padEnd(22)} ${v.total}`),
      ];
      report(opts, { ok: true, ...c }, lines);
    });

  rec
    .command('approve <id>')
    .description('menyetujui seluruh daftar, atau hanya jenis tertentu (sisanya tidak disetujui)')
    .option('--kinds <kinds>', 'jenis yang disetujui, dipisah koma, mis. DEATH,BIRTH')
    .option('--note <text>', 'catatan keputusan')
    .action(async (id: string, o: { kinds?: string; note?: string }, cmd: Command) => {
      const opts = globalOpts(cmd);
      const kinds = o.kinds ? o.kinds.split(',').map((k) => k.trim().toUpperCase()).filter(Boolean) : [];
      const r = await withSystem(opts, (sys) => sys.reconciliation.approve(idArg(id), { kinds, note: o.note }));
      report(opts, { ok: true, ...r }, [
        `Daftar perubahan #${r.id} ${STATUS[r.status]}: ${r.approved} butir diterapkan, ${r.declined} tidak disetujui` +
          `${r.stale ? `, ${r.stale} tidak diterapkan karena datanya sudah berubah` : ''}.`,
        `Riwayat kepesertaan tercatat: ${r.membershipChanges} perubahan.`,
      ]);
    });

  rec
    .command('reject <id>')
    .description('menolak seluruh daftar perubahan; data tidak berubah')
    .requiredOption('--reason <text>', 'alasan penolakan')
    .action(async (id: string, o: { reason: string }, cmd: Command) => {
      const opts = globalOpts(cmd);
      const r = await withSystem(opts, (sys) => sys.reconciliation.reject(idArg(id), o.reason));
      report(opts, { ok: true, ...r }, [`Daftar perubahan #${r.id} ditolak; ${r.declined} butir tidak diterapkan dan data tidak berubah.`]);
    });
}
