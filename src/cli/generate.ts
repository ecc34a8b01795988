import type { Command } from 'commander';
import { AppError } from '../platform/http/errors.js';
import {
  DEFAULT_AS_OF,
  DEFAULT_REGION,
  DEFAULT_SEED,
  generateRegion,
  type GenerateSummary,
} from '../modules/synthetic/index.js';
import { globalOpts, report } from './shared.js';

interface GenerateFlags {
  people: string;
  seed: string;
  region: string;
  faults?: boolean;
  asOf: string;
  out: string;
}

/** 2600000 → "2.600.000": Indonesian grouping, without depending on the host's ICU data. */
function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function size(bytes: number): string {
  if (bytes < 1_048_576) return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
  return `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} MB`;
}

function humanLines(s: GenerateSummary): string[] {
  const lines = [
    `Wilayah sintetis ${s.region.name} (${s.region.code}): ${grouped(s.people)} penduduk per ${s.asOf}, benih ${s.seed}, ke ${s.outDir}`,
  ];
  for (const [name, f] of Object.entries(s.files)) {
    const rows = name.endsWith('.csv') ? `${grouped(f.rows).padStart(11)} baris` : ''.padStart(17);
    lines.push(`  ${name.padEnd(15)}${rows}  ${size(f.bytes).padStart(10)}`);
  }
  const p = s.population;
  lines.push(
    `Keluarga (KK): ${grouped(p.families)}, rata-rata ${String(p.meanFamilySize).replace('.', ',')} jiwa; ` +
      `meninggal ${grouped(p.dead)}, pindah ${grouped(p.movedOut)}, dewasa tanpa e-KTP ${grouped(p.adultsWithoutEktp)}`,
  );
  const segments = Object.entries(s.jkn.bySegment)
    .map(([k, v]) => `${k} ${grouped(v)}`)
    .join(', ');
  lines.push(
    `JKN: ${segments}; tidak terdaftar ${grouped(s.jkn.uninsured)}; NIK luar wilayah ${grouped(s.jkn.notInPopulation)}`,
  );
  lines.push(
    `Fasilitas: ${s.facilities.puskesmas} puskesmas, ${s.facilities.klinik} klinik, ${s.facilities.rumahSakit} rumah sakit`,
  );
  if (s.faults) {
    const e = s.faults.population.expected;
    lines.push(
      `Baris rusak disisipkan (lihat faults.json): penduduk ditolak ${grouped(e.rejectedRows)}, ` +
        `peringatan ${grouped(e.warningRows + e.familiesWithoutHead)}; JKN ditolak ${grouped(s.faults.jkn.expected.rejectedRows)}`,
    );
  }
  lines.push(`Selesai dalam ${(s.elapsedMs / 1000).toFixed(1).replace('.', ',')} detik.`);
  return lines;
}

function parsePeople(text: string): number {
  const digits = text.replaceAll('_', '');
  if (!/^\d+$/.test(digits)) throw new AppError('invalid', 'INVALID_PEOPLE', `--people harus bilangan bulat: ${text}`);
  return Number(digits);
}

/** `jamkesda generate`: a realistic synthetic region for tests, demos and benchmarks (no database needed). */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('menulis wilayah sintetis yang realistis: population.csv, jkn.csv, facilities.csv')
    .requiredOption('--people <n>', 'jumlah penduduk')
    .requiredOption('--out <dir>', 'folder keluaran')
    .option('--seed <s>', 'benih acak: argumen yang sama menghasilkan berkas yang sama persis', DEFAULT_SEED)
    .option('--region <kode>', 'kode kabupaten/kota, 4 digit (3275 = Kota Bekasi)', DEFAULT_REGION)
    .option('--faults', 'sisipkan baris rusak seperti pada ekspor nyata (~0,5 %) dan tulis faults.json')
    .option('--as-of <tanggal>', 'tanggal snapshot YYYY-MM-DD', DEFAULT_AS_OF)
    .action(async (o: GenerateFlags, cmd: Command) => {
      const opts = globalOpts(cmd);
      const bar = process.stderr.isTTY === true;
      const summary = await generateRegion({
        people: parsePeople(o.people),
        outDir: o.out,
        seed: o.seed,
        region: o.region,
        faults: o.faults === true,
        asOf: o.asOf,
        onProgress: ({ done, total, percent }) => {
          const line = `generate: ${String(percent).padStart(3)} % (${grouped(done)}/${grouped(total)} penduduk)`;
          process.stderr.write(bar ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
        },
      });
      report(opts, { ok: true, ...summary }, humanLines(summary));
    });
}
