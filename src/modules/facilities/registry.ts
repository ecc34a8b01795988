import fs from 'node:fs';
import Papa from 'papaparse';
import type { Db } from '../../platform/db/index.js';
import { auditInTx } from '../../platform/audit/audit.js';
import { invalid, notFound } from '../../platform/http/errors.js';
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
    if (first !== undefined)
      problems.push({ row, column: 'kode', message: `kode ${record.code} sudah dipakai di baris ${first}.` });
    else seen.set(record.code, row);
    records.push(record);
  });
  if (records.length === 0 && problems.length === 0)
    throw invalid('FACILITY_EMPTY', 'Berkas tidak berisi baris fasilitas.');
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

/** What the administrator may change of one facility on the web; code and kind (hence level and its users) stay. */
export type FacilityDetails = Omit<FacilityRecord, 'code' | 'kind' | 'level'>;

/**
 * Changes one facility's details (FAC-1) under the same rule as a row of
 * facilities.csv, so the web form and the file can never disagree. The audit
 * record names the fields that changed.
 */
export async function updateFacilityDetails(db: Db, code: string, input: FacilityDetails): Promise<void> {
  await db.tx(async (tx) => {
    const current = (
      await tx.query<FacilityRecord & { is_rsud: boolean; village_code: string | null }>(
        `SELECT code, name, kind, class, ownership, location, is_rsud, village_code, address, phone FROM facility WHERE code = $1 FOR UPDATE`,
        [code],
      )
    ).rows[0];
    if (!current) throw notFound('FACILITY_NOT_FOUND', `Fasilitas ${code} tidak terdaftar.`);
    const { record, problems } = parseFacilityRow(
      {
        kode: code,
        nama: input.name,
        jenis: current.kind,
        kelas: input.class ?? '',
        kepemilikan: input.ownership,
        lokasi: input.location,
        rsud: input.isRsud ? 'Y' : 'N',
        kode_wilayah: input.villageCode ?? '',
        alamat: input.address ?? '',
        telepon: input.phone ?? '',
      },
      0,
    );
    if (!record) {
      throw invalid(
        'FACILITY_INVALID',
        `Data fasilitas tidak disimpan. ${problems.map((p) => `Kolom ${p.column}: ${p.message}`).join(' ')}`,
        {
          problems: problems.map((p) => ({ column: p.column, message: p.message })),
        },
      );
    }
    const before: Record<string, unknown> = {
      name: current.name,
      class: current.class,
      ownership: current.ownership,
      location: current.location,
      isRsud: current.is_rsud,
      villageCode: current.village_code,
      address: current.address,
      phone: current.phone,
    };
    const changed = Object.keys(before).filter((k) => before[k] !== record[k as keyof FacilityRecord]);
    if (changed.length === 0) return;
    await upsertFacilities(tx, [record]);
    await auditInTx(tx, { action: 'facility.update', entityType: 'facility', entityId: code, details: { changed } });
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
