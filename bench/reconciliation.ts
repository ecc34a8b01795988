/**
 * The reconciliation case of `npm run bench` (MEM-7): a second snapshot of the
 * generated region with about 2 % changes, imported over the first; how long
 * the change set takes to compute from the staged rows, against a bare SQL
 * diff of the same two files in plain tables.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export const SECOND_AS_OF = '2026-12-01';

/** Fields of one CSV line (double quotes honoured, as the generator writes them). */
function splitCsv(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const field = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const two = (n: number) => String(n).padStart(2, '0');

/** A small deterministic generator (mulberry32), so the second snapshot is the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SecondSnapshot {
  rows: number;
  changes: Record<string, number>;
  changed: number;
}

/**
 * Writes the second snapshot from the first: deaths and move-outs recorded,
 * people left out, addresses and families changed, e-KTP recorded, names
 * corrected, babies born after the first date and people moving in. Columns
 * as in the generator: nik,no_kk,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,
 * hubungan_keluarga,alamat,rt,rw,kode_wilayah,status_ektp,tanggal_meninggal,tanggal_pindah.
 */
export async function deriveSecondSnapshot(src: string, out: string): Promise<SecondSnapshot> {
  const marker = `${out}.json`;
  if (fs.existsSync(out) && fs.existsSync(marker)) return JSON.parse(fs.readFileSync(marker, 'utf8')) as SecondSnapshot;
  const rand = rng(20261201);
  const changes: Record<string, number> = {
    death: 0,
    moveOut: 0,
    missing: 0,
    address: 0,
    family: 0,
    ektp: 0,
    correction: 0,
    birth: 0,
    moveIn: 0,
  };
  const w = fs.createWriteStream(`${out}.tmp`);
  let buffer: string[] = [];
  const flush = async () => {
    if (!w.write(buffer.join(''))) await new Promise<void>((r) => w.once('drain', () => r()));
    buffer = [];
  };
  let rows = 0;
  let serial = 9000;
  let first = true;
  const rl = readline.createInterface({ input: fs.createReadStream(src), crlfDelay: Infinity });
  for await (const line of rl) {
    if (first) {
      first = false;
      buffer.push(`${line}\n`);
      continue;
    }
    const f = splitCsv(line);
    const valid = f.length === 14 && /^\d{16}$/.test(f[0]!) && !f[12] && !f[13];
    const r = rand();
    if (valid && r < 0.004) {
      f[12] = `2026-11-${two(2 + Math.floor(rand() * 27))}`;
      changes.death!++;
    } else if (valid && r < 0.007) {
      f[13] = `2026-11-${two(2 + Math.floor(rand() * 27))}`;
      changes.moveOut!++;
    } else if (valid && r < 0.01) {
      changes.missing!++;
      continue;
    } else if (valid && r < 0.014) {
      f[7] = `${f[7]} BLOK ${1 + Math.floor(rand() * 9)}`;
      f[8] = `00${1 + Math.floor(rand() * 9)}`;
      changes.address!++;
    } else if (valid && r < 0.016) {
      f[1] = `${f[1]!.slice(0, 12)}${9000 + Math.floor(rand() * 999)}`;
      f[6] = 'FAMILI LAIN';
      changes.family!++;
    } else if (valid && r < 0.018 && f[11] === 'N') {
      f[11] = 'Y';
      changes.ektp!++;
    } else if (valid && r < 0.019) {
      f[2] = `${f[2]}A`;
      changes.correction!++;
    }
    buffer.push(`${f.map(field).join(',')}\n`);
    rows++;
    // A baby in this family, born after the first snapshot's date.
    if (valid && f[6] === 'KEPALA KELUARGA' && rand() < 0.0085) {
      const day = 2 + Math.floor(rand() * 27);
      const girl = rand() < 0.5;
      const nik = `${f[0]!.slice(0, 6)}${two(day + (girl ? 40 : 0))}1126${String(serial++ % 10000).padStart(4, '0')}`;
      buffer.push(
        `${[nik, f[1], `BAYI ${f[2]}`, girl ? 'P' : 'L', 'BEKASI', `2026-11-${two(day)}`, 'ANAK', f[7], f[8], f[9], f[10], 'N', '', ''].map((x) => field(x!)).join(',')}\n`,
      );
      rows++;
      changes.birth!++;
    }
    // Someone moving in from outside the city (region code of another regency, which the generator never uses).
    if (valid && rand() < 0.0015) {
      const y = 1960 + Math.floor(rand() * 40);
      const m = 1 + Math.floor(rand() * 12);
      const d = 1 + Math.floor(rand() * 28);
      const nik = `320199${two(d)}${two(m)}${two(y % 100)}${String(1000 + (serial++ % 9000)).padStart(4, '0')}`;
      const kk = `320199${String(rows).padStart(10, '0')}`;
      buffer.push(
        `${[nik, kk, `PENDATANG ${rows}`, 'L', 'BOGOR', `${y}-${two(m)}-${two(d)}`, 'KEPALA KELUARGA', 'JL. BARU NO. 1', '001', '001', f[10], 'Y', '', ''].map((x) => field(x!)).join(',')}\n`,
      );
      rows++;
      changes.moveIn!++;
    }
    if (buffer.length >= 5000) await flush();
  }
  await flush();
  await new Promise<void>((res, rej) => w.end((err?: Error | null) => (err ? rej(err) : res())));
  fs.renameSync(`${out}.tmp`, out);
  const summary = { rows, changes, changed: Object.values(changes).reduce((a, b) => a + b, 0) };
  fs.writeFileSync(marker, JSON.stringify(summary));
  return summary;
}

const COLS = `nik text, no_kk text, nama text, jenis_kelamin text, tempat_lahir text, tanggal_lahir text, hubungan_keluarga text,
  alamat text, rt text, rw text, kode_wilayah text, status_ektp text, tanggal_meninggal text, tanggal_pindah text`;
const NAMES =
  'no_kk, nama, jenis_kelamin, tempat_lahir, tanggal_lahir, hubungan_keluarga, alamat, rt, rw, kode_wilayah, status_ektp, tanggal_meninggal, tanggal_pindah';

/**
 * The reference: both files COPYed into plain text tables (no index, no
 * checks), then a diff in bare SQL — EXCEPT both ways, and a full join on
 * NIK — with the same memory and JIT setting the import's transaction gets.
 */
export async function bareDiff(url: string, first: string, second: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('DROP TABLE IF EXISTS bench_a, bench_b');
    await c.query(`CREATE TABLE bench_a (${COLS}); CREATE TABLE bench_b (${COLS})`);
    const t0 = performance.now();
    await pipeline(
      fs.createReadStream(first),
      c.query(copyFrom('COPY bench_a FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
    await pipeline(
      fs.createReadStream(second),
      c.query(copyFrom('COPY bench_b FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
    const copyMs = performance.now() - t0;
    // The same footing as the product's comparison: tables settled (as `person` is), the
    // memory and the JIT setting of the reconciliation transaction.
    await c.query('VACUUM ANALYZE bench_a');
    await c.query('VACUUM ANALYZE bench_b');
    await c.query(`SET work_mem = '256MB'; SET jit = off`);
    const t1 = performance.now();
    const except = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM ((SELECT * FROM bench_a EXCEPT SELECT * FROM bench_b) UNION ALL (SELECT * FROM bench_b EXCEPT SELECT * FROM bench_a)) d`,
    );
    const exceptMs = performance.now() - t1;
    const t2 = performance.now();
    const joined = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM bench_a a FULL JOIN bench_b b ON a.nik = b.nik
       WHERE a.nik IS NULL OR b.nik IS NULL OR (${NAMES.split(', ')
         .map((x) => `a.${x}`)
         .join(', ')}) IS DISTINCT FROM (${NAMES.split(', ')
         .map((x) => `b.${x}`)
         .join(', ')})`,
    );
    const fullJoinMs = performance.now() - t2;
    await c.query('DROP TABLE bench_a, bench_b');
    return {
      copyMs,
      exceptMs,
      exceptRows: Number(except.rows[0]!.n),
      fullJoinMs,
      fullJoinRows: Number(joined.rows[0]!.n),
    };
  } finally {
    await c.end();
  }
}
