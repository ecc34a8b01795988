import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { auditInTx } from '../../platform/audit/audit.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { type AreaLevel, levelOfCode, parentCodeOf } from './rules/code.js';

/** The name under which the loaded version is kept in reference_version. */
export const AREA_DATA_SET = 'idn-area-data';

/** Where the CSV files are and which version they are. */
export interface AreaSource {
  dir: string;
  version: string;
}

/** The CSV files shipped in the installed idn-area-data package. */
export function packagedAreaSource(): AreaSource {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('idn-area-data/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { version: string };
  return { dir: path.join(path.dirname(pkgPath), 'data'), version: pkg.version };
}

const FILES: readonly { file: string; level: AreaLevel; parentColumn: string | null }[] = [
  { file: 'provinces.csv', level: 'PROVINCE', parentColumn: null },
  { file: 'regencies.csv', level: 'REGENCY', parentColumn: 'province_code' },
  { file: 'districts.csv', level: 'DISTRICT', parentColumn: 'regency_code' },
  { file: 'villages.csv', level: 'VILLAGE', parentColumn: 'district_code' },
];

export interface AreaSyncResult {
  /** True when this version was already loaded and nothing was read. */
  skipped: boolean;
  version: string;
  /** Rows read per level. */
  counts: Record<AreaLevel, number>;
  inserted: number;
  updated: number;
  /** Areas in the table that the source no longer has; kept, since records may still point at them. */
  notInSource: number;
}

const emptyCounts = (): Record<AreaLevel, number> => ({ PROVINCE: 0, REGENCY: 0, DISTRICT: 0, VILLAGE: 0 });

/**
 * Loads provinces, regencies, districts and villages into admin_area,
 * set-based: the CSVs stream through COPY into a temporary stage, then one
 * INSERT … ON CONFLICT brings the table up to date, touching only rows that
 * changed. Does nothing when the same version is already loaded (unless
 * `force`). Areas missing from the source are kept, not deleted.
 */
export async function syncAreas(db: Db, opts: { force?: boolean; source?: AreaSource } = {}): Promise<AreaSyncResult> {
  const source = opts.source ?? packagedAreaSource();
  const skipped = (): AreaSyncResult => ({
    skipped: true,
    version: source.version,
    counts: emptyCounts(),
    inserted: 0,
    updated: 0,
    notInSource: 0,
  });
  if (!opts.force && (await loadedVersion(db)) === source.version) return skipped();

  const release = await db.lock('jamkesda:areas-sync');
  try {
    // Another process may have loaded it while we waited for the lock.
    if (!opts.force && (await loadedVersion(db)) === source.version) return skipped();
    return await db.tx(async (tx) => {
      await tx.exec(`CREATE TEMP TABLE admin_area_stage (
        code text NOT NULL, level text NOT NULL, parent_code text, name text NOT NULL
      ) ON COMMIT DROP`);
      const counts = emptyCounts();
      await tx.copyFrom(
        'COPY admin_area_stage (code, level, parent_code, name) FROM STDIN',
        stageText(source.dir, counts),
      );
      await tx.exec('ANALYZE admin_area_stage');
      const up = await tx.query<{ inserted: number; updated: number }>(
        `WITH up AS (
           INSERT INTO admin_area (code, level, parent_code, name)
           SELECT code, level, parent_code, name FROM admin_area_stage ORDER BY code
           ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, name = EXCLUDED.name
           WHERE (admin_area.level, admin_area.parent_code, admin_area.name)
                 IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.name)
           RETURNING (xmax = 0) AS is_new
         )
         SELECT count(*) FILTER (WHERE is_new)::int AS inserted, count(*) FILTER (WHERE NOT is_new)::int AS updated FROM up`,
      );
      const stale = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM admin_area a WHERE NOT EXISTS (SELECT 1 FROM admin_area_stage s WHERE s.code = a.code)',
      );
      await tx.query(
        `INSERT INTO reference_version (name, version) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, loaded_at = now()`,
        [AREA_DATA_SET, source.version],
      );
      const result: AreaSyncResult = {
        skipped: false,
        version: source.version,
        counts,
        inserted: up.rows[0]!.inserted,
        updated: up.rows[0]!.updated,
        notInSource: stale.rows[0]!.n,
      };
      await auditInTx(tx, {
        action: 'areas.sync',
        entityType: 'reference_data',
        entityId: AREA_DATA_SET,
        details: { ...result },
      });
      return result;
    });
  } finally {
    await release();
  }
}

async function loadedVersion(q: Queryable): Promise<string | null> {
  const r = await q.query<{ version: string }>('SELECT version FROM reference_version WHERE name = $1', [
    AREA_DATA_SET,
  ]);
  return r.rows[0]?.version ?? null;
}

/** One COPY text-format field: backslash, tab and line breaks escaped. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/**
 * The four CSVs as COPY text, in chunks; validates every row and counts them
 * per level. Each file is small (villages ≈ 3 MB), and csv-parse's
 * synchronous API is several times faster than its per-record stream.
 */
async function* stageText(dir: string, counts: Record<AreaLevel, number>): AsyncGenerator<string> {
  const seen = new Set<string>();
  let chunk = '';
  for (const { file, level, parentColumn } of FILES) {
    const text = await fs.promises.readFile(path.join(dir, file), 'utf8');
    // Names such as Soka"an carry a quote inside an unquoted field; quoted fields may hold commas.
    const rows = parse(text, { relax_quotes: true, skip_empty_lines: true, bom: true }) as string[][];
    const header = (rows[0] ?? []).map((h) => h.trim());
    const col = (name: string) => {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`${file}: kolom "${name}" tidak ada (kolom: ${header.join(', ')}).`);
      return i;
    };
    const [codeAt, nameAt] = [col('code'), col('name')];
    const parentAt = parentColumn ? col(parentColumn) : -1;
    for (let i = 1; i < rows.length; i++) {
      const rec = rows[i]!;
      const where = `${file} rekaman ke-${i}`;
      const rawCode = (rec[codeAt] ?? '').trim();
      const code = rawCode.replaceAll('.', '');
      if (levelOfCode(code) !== level) throw new Error(`${where}: kode wilayah "${rawCode}" bukan kode ${level}.`);
      const parent = parentAt >= 0 ? (rec[parentAt] ?? '').trim().replaceAll('.', '') : null;
      if (parent !== parentCodeOf(code))
        throw new Error(`${where}: induk "${parent}" tidak cocok dengan kode ${rawCode}.`);
      const name = (rec[nameAt] ?? '').replace(/\s+/g, ' ').trim();
      if (!name) throw new Error(`${where}: nama wilayah kosong.`);
      if (seen.has(code)) throw new Error(`${where}: kode wilayah ${rawCode} muncul dua kali.`);
      seen.add(code);
      counts[level]++;
      chunk += `${code}\t${level}\t${copyField(parent)}\t${copyField(name)}\n`;
      if (chunk.length >= 256 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk) yield chunk;
}
