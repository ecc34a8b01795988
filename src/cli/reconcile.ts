import type { Command } from 'commander';
import { invalid } from '../platform/http/errors.js';
import {
  DATA_NAME as KIND,
  KIND_LABEL,
  STATUS_NAME as STATUS,
  type ChangeSetStatus,
  type ItemKind,
} from '../modules/reconciliation/index.js';
import { globalOpts, report, withSystem } from './shared.js';

function countArg(raw: string): number {
  const n = Number(raw.replace(/[.\s]/g, ''));
  if (!Number.isSafeInteger(n) || n < 0)
    throw invalid(
      'INVALID_CONFIRMATION',
      `"${raw}" bukan bilangan bulat: ketik jumlah penduduk/kepesertaan yang akan diakhiri.`,
    );
  return n;
}

const kindsArg = (raw?: string) =>
  raw
    ? raw
        .split(',')
        .map((k) => k.trim().toUpperCase())
        .filter(Boolean)
    : [];

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
      const r = await withSystem(opts, (sys) =>
        sys.reconciliation.list({ status: o.pending ? 'PENDING' : undefined, limit: 50 }),
      );
      const lines = r.items.length
        ? r.items.map(
            (c) =>
              `#${c.id}  ${KIND[c.kind]!.padEnd(8)} data per ${c.asOf}  ${String(c.itemCount).padStart(8)} butir  ${STATUS[c.status]}` +
              `${c.status === 'PENDING' ? ` (${c.pendingCount} belum diputuskan)` : ''}${c.suspect ? '  MENCURIGAKAN' : ''}`,
          )
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
        ...suspectLines(c),
        `Status: ${STATUS[c.status]}${c.decidedBy ? ` oleh ${c.decidedBy}` : ''}${c.decisionNote ? ` — ${c.decisionNote}` : ''}`,
        `Jumlah butir: ${c.itemCount}${c.status === 'PENDING' ? `, ${c.pendingCount} belum diputuskan` : ''}`,
        ...c.byKind.map(
          (k) =>
            `  ${k.label.padEnd(26)} ${String(k.total).padStart(8)}  (${k.kind})${k.pending && k.pending < k.total ? `  ${k.pending} belum diputuskan` : ''}`,
        ),
        'Per kelurahan/desa:',
        ...c.byVillage.map(
          (v) =>
            `  ${v.villageCode ?? '(tidak diketahui)'}  ${(v.districtName ?? '').padEnd(18)} ${(v.villageName ?? '').padEnd(22)} ${v.total}`,
        ),
      ];
      report(opts, { ok: true, ...c }, lines);
    });

  rec
    .command('approve <id>')
    .description(
      'menyetujui semua butir yang belum diputuskan, atau hanya jenis tertentu (sisanya tetap menunggu keputusan)',
    )
    .option('--kinds <kinds>', 'jenis yang disetujui, dipisah koma, mis. DEATH,BIRTH')
    .option('--note <text>', 'catatan keputusan')
    .option(
      '--confirm-missing <n>',
      'wajib pada daftar yang ditandai mencurigakan: jumlah penduduk/kepesertaan yang akan diakhiri persetujuan ini',
    )
    .action(async (id: string, o: { kinds?: string; note?: string; confirmMissing?: string }, cmd: Command) => {
      const opts = globalOpts(cmd);
      const confirmMissing = o.confirmMissing === undefined ? undefined : countArg(o.confirmMissing);
      const r = await withSystem(opts, (sys) =>
        sys.reconciliation.approve(idArg(id), { kinds: kindsArg(o.kinds), note: o.note, confirmMissing }),
      );
      report(opts, { ok: true, ...r }, [
        `Daftar perubahan #${r.id}: ${r.approved} butir disetujui dan diterapkan${r.stale ? `, ${r.stale} tidak diterapkan karena datanya sudah berubah` : ''}.`,
        `Riwayat kepesertaan tercatat: ${r.membershipChanges} perubahan.`,
        openLine(r),
      ]);
    });

  rec
    .command('decline <id>')
    .description('tidak menyetujui jenis tertentu; sisanya tetap menunggu keputusan')
    .requiredOption('--kinds <kinds>', 'jenis yang tidak disetujui, dipisah koma, mis. MISSING')
    .option('--note <text>', 'catatan keputusan')
    .action(async (id: string, o: { kinds: string; note?: string }, cmd: Command) => {
      const opts = globalOpts(cmd);
      const r = await withSystem(opts, (sys) =>
        sys.reconciliation.decline(idArg(id), { kinds: kindsArg(o.kinds), note: o.note }),
      );
      report(opts, { ok: true, ...r }, [
        `Daftar perubahan #${r.id}: ${r.declined} butir tidak disetujui; data orangnya tidak berubah.`,
        openLine(r),
      ]);
    });

  rec
    .command('reject <id>')
    .description(
      'menolak semua butir yang belum diputuskan dan menutup daftar; butir yang sudah disetujui tetap berlaku',
    )
    .requiredOption('--reason <text>', 'alasan penolakan')
    .action(async (id: string, o: { reason: string }, cmd: Command) => {
      const opts = globalOpts(cmd);
      const r = await withSystem(opts, (sys) => sys.reconciliation.reject(idArg(id), o.reason));
      report(opts, { ok: true, ...r }, [
        `Daftar perubahan #${r.id} ditutup (${STATUS[r.status]}); ${r.declined} butir yang belum diputuskan tidak diterapkan.`,
      ]);
    });
}

function openLine(r: { status: ChangeSetStatus; pending?: number }) {
  return r.status === 'PENDING'
    ? `Daftar masih terbuka: ${r.pending} butir belum diputuskan. Impor data jenis ini berikutnya menunggu sampai semuanya diputuskan.`
    : `Daftar selesai diputuskan: ${STATUS[r.status]}.`;
}

/** The alarm of a suspect set, with its figures, before anything else. */
function suspectLines(c: {
  suspect: boolean;
  kind: string;
  guard: { reasons: string[] } | null;
  byKind: { pendingEnding: number }[];
}) {
  if (!c.suspect || !c.guard) return [];
  const ending = c.byKind.reduce((a, k) => a + k.pendingEnding, 0);
  return [
    'PERINGATAN: daftar ini ditandai MENCURIGAKAN (berkas mungkin terpotong atau hanya sebagian).',
    ...c.guard.reasons.map((r) => `  ${r}`),
    ...(ending > 0
      ? [
          `  Menyetujui ${ending} butir yang mengakhiri ${c.kind === 'jkn' ? 'kepesertaan' : 'penduduk'} memerlukan --confirm-missing ${ending}.`,
        ]
      : []),
  ];
}
