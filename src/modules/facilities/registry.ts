import fs from 'node:fs';
import Papa from 'papaparse';
import type { Db } from '../../platform/db/index.js';
import { auditInTx } from '../../platform/audit/audit.js';
import { invalid } from '../../platform/http/errors.js';

/**
 * The facility registry as far as the foundation needs it: codes, names and
 * level (PPK I / PPK II) so that facility staff can be bound to one. The full
 * registry (class, ownership, agreements, sanctions) grows here with the care
 * pathway. Reads the facilities.csv that `jamkesda generate` writes.
 */
export async function loadFacilities(db: Db, csvPath: string): Promise<number> {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const rows = parsed.data.map((r, i) => {
    const code = (r.kode ?? '').trim().toUpperCase();
    const name = (r.nama ?? '').trim();
    const kind = (r.jenis ?? '').trim().toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9-]{1,31}$/.test(code) || !name) {
      throw invalid('FACILITY_ROW', `Baris ${i + 2}: kode fasilitas (huruf besar, angka, tanda hubung) dan nama wajib diisi.`);
    }
    const level = kind === 'RUMAH_SAKIT' ? 'PPK2' : 'PPK1';
    return { code, name, level, village: (r.kode_wilayah ?? '').replace(/\D/g, '') || null };
  });
  return db.tx(async (tx) => {
    await tx.query(
      `INSERT INTO facility (code, name, level, village_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, village_code = EXCLUDED.village_code`,
      [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level), rows.map((r) => r.village)],
    );
    await auditInTx(tx, { action: 'facility.load', entityType: 'facility', details: { count: rows.length } });
    return rows.length;
  });
}

export async function firstFacility(db: Db, level: 'PPK1' | 'PPK2'): Promise<{ code: string; name: string } | null> {
  // A puskesmas rather than a clinic, and the city hospital first: what a demo visitor expects to see.
  const r = await db.query<{ code: string; name: string }>(
    `SELECT code, name FROM facility WHERE level = $1 ORDER BY (name LIKE 'PUSKESMAS%' OR name LIKE 'RSUD%') DESC, code LIMIT 1`,
    [level],
  );
  return r.rows[0] ?? null;
}
