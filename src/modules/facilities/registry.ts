import fs from 'node:fs';
import Papa from 'papaparse';
import type { Db } from '../../platform/db/index.js';
import { auditInTx } from '../../platform/audit/audit.js';
import { invalid } from '../../platform/http/errors.js';
import { upsertFacilities } from './repo.js';
import { missingColumns, parseFacilityRow, type FacilityRecord, type RowProblem } from './rules/registry-row.js';

/** At most this many problems are listed in the refusal; the count says how many there were. */
const MAX_LISTED = 50;

/**
 * Loads facilities.csv (FAC-1; the file `jamkesda generate` writes): every
 * column into the registry, inserting new codes and updating known ones.
 * A file with any bad row is refused as a whole, naming row, column and reason;
 * nothing is written.
 */
export async function loadFacilitiesText(db: Db, text: string): Promise<number> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = missingColumns(fields);
  if (missing.length > 0) {
    throw invalid('FACILITY_COLUMNS', `Kolom wajib tidak ada di baris judul: ${missing.join(', ')}.`, { missing });
  }
  const problems: RowProblem[] = [];
  const records: FacilityRecord[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((raw, i) => {
    const row = i + 2;
    const { record, problems: p } = parseFacilityRow(raw, row);
    problems.push(...p);
    if (!record) return;
    const first = seen.get(record.code);
    if (first !== undefined) problems.push({ row, column: 'kode', message: `kode ${record.code} sudah dipakai di baris ${first}.` });
    else seen.set(record.code, row);
    records.push(record);
  });
  if (records.length === 0 && problems.length === 0) throw invalid('FACILITY_EMPTY', 'Berkas tidak berisi baris fasilitas.');
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED).map((p) => `Baris ${p.row}, kolom ${p.column}: ${p.message}`);
    throw invalid(
      'FACILITY_ROWS',
      `${problems.length} masalah di berkas fasilitas; tidak ada yang disimpan. ${listed.join(' ')}${problems.length > MAX_LISTED ? ' …' : ''}`,
      { problems: problems.slice(0, 500), total: problems.length },
    );
  }
  return db.tx(async (tx) => {
    await upsertFacilities(tx, records);
    await auditInTx(tx, { action: 'facility.load', entityType: 'facility', details: { count: records.length } });
    return records.length;
  });
}

export async function loadFacilities(db: Db, csvPath: string): Promise<number> {
  return loadFacilitiesText(db, fs.readFileSync(csvPath, 'utf8'));
}

export async function firstFacility(db: Db, level: 'PPK1' | 'PPK2'): Promise<{ code: string; name: string } | null> {
  // A puskesmas rather than a clinic, and the city hospital first: what a demo visitor expects to see.
  const r = await db.query<{ code: string; name: string }>(
    `SELECT code, name FROM facility WHERE level = $1 ORDER BY (name LIKE 'PUSKESMAS%' OR name LIKE 'RSUD%') DESC, code LIMIT 1`,
    [level],
  );
  return r.rows[0] ?? null;
}
