import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(adminUrl: string, name: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}

/**
 * The reference the import is measured against: PostgreSQL's own CSV COPY of
 * the same file into a table with no index, then building its primary key.
 */
export async function bareCopyBaseline(url: string, csvPath: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('DROP TABLE IF EXISTS bench_raw');
    await c.query(`CREATE TABLE bench_raw (nik text, no_kk text, nama text, jenis_kelamin text, tempat_lahir text, tanggal_lahir text,
      hubungan_keluarga text, alamat text, rt text, rw text, kode_wilayah text, status_ektp text, tanggal_meninggal text, tanggal_pindah text)`);
    const t0 = performance.now();
    await pipeline(
      fs.createReadStream(csvPath),
      c.query(copyFrom('COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
    const t1 = performance.now();
    await c.query('ALTER TABLE bench_raw ADD PRIMARY KEY (nik)');
    const t2 = performance.now();
    await c.query('DROP TABLE bench_raw');
    return { copyMs: t1 - t0, primaryKeyMs: t2 - t1, totalMs: t2 - t0 };
  } finally {
    await c.end();
  }
}

/**
 * The work PostgreSQL alone must do for the product's import, with no row
 * rules: the same COPY, the three indexes the product keeps on people (NIK,
 * name and family number, in the "C" collation it uses) and the family-head
 * check over all families. What remains of 2 × the baseline after this is the
 * budget for reading and checking every row.
 */
export async function importFloor(url: string, csvPath: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('DROP TABLE IF EXISTS bench_floor');
    await c.query(`CREATE TABLE bench_floor (nik text COLLATE "C", no_kk text COLLATE "C", nama text COLLATE "C", jenis_kelamin text, tempat_lahir text,
      tanggal_lahir text, hubungan_keluarga text, alamat text, rt text, rw text, kode_wilayah text, status_ektp text, tanggal_meninggal text, tanggal_pindah text)`);
    const t0 = performance.now();
    await pipeline(
      fs.createReadStream(csvPath),
      c.query(copyFrom('COPY bench_floor FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
    const t1 = performance.now();
    await c.query('ALTER TABLE bench_floor ADD PRIMARY KEY (nik)');
    await c.query('CREATE INDEX ON bench_floor (nama)');
    await c.query('CREATE INDEX ON bench_floor (no_kk)');
    const t2 = performance.now();
    await c.query(`SELECT count(*) FROM (SELECT no_kk FROM bench_floor GROUP BY no_kk
      HAVING count(*) FILTER (WHERE hubungan_keluarga = 'KEPALA KELUARGA') = 0) f`);
    const t3 = performance.now();
    await c.query('DROP TABLE bench_floor');
    return { copyMs: t1 - t0, indexesMs: t2 - t1, familyCheckMs: t3 - t2, totalMs: t3 - t0 };
  } finally {
    await c.end();
  }
}
