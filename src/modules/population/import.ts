import type { Db } from '../../platform/db/index.js';
import { copyLine } from '../../platform/ingest/copy-text.js';
import { runSnapshotImport, type SnapshotImportInput, type SnapshotSpec } from '../../platform/ingest/snapshot-import.js';
import * as repo from './repo.js';
import { checkPopulationRow, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type Column, type PersonRecord } from './rules/row.js';

function toCopy(rowNo: number, r: PersonRecord): string {
  return copyLine([
    rowNo,
    r.nik,
    r.noKk,
    r.name,
    r.sex,
    r.birthPlace,
    r.birthDate,
    r.relation,
    r.address,
    r.rt,
    r.rw,
    r.villageCode,
    r.ektpRecorded ? 't' : 'f',
    r.deathDate,
    r.movedOutDate,
  ]);
}

const spec: SnapshotSpec<Column, PersonRecord, { absent: number; familiesWithoutHead: number }> = {
  kind: 'population',
  label: 'data penduduk',
  requiredColumns: REQUIRED_COLUMNS,
  optionalColumns: OPTIONAL_COLUMNS,
  check: checkPopulationRow,
  copyLine: toCopy,
  copySql: repo.STAGE_COPY_SQL,
  latestAppliedAsOf: repo.latestAppliedAsOf,
  createImport: repo.createImport,
  clearStage: repo.clearStage,
  analyzeStage: repo.analyzeStage,
  removeDuplicateNiks: repo.removeDuplicateNiks,
  async afterStage(q, report, progress) {
    progress.phase('Memeriksa kepala keluarga');
    const families = await repo.familiesWithoutHead(q);
    for (const f of families) {
      report.warn(f.line_no, 'no_kk', f.no_kk, `Keluarga (${f.members} anggota) tanpa KEPALA KELUARGA; diterima dengan peringatan.`);
    }
    return { familiesWithoutHead: families.length };
  },
  async apply(tx, asOf, importId) {
    const merged = await repo.mergeStage(tx, asOf, importId);
    return { ...merged, absent: await repo.countAbsent(tx) };
  },
  finish: repo.finishImport,
  fail: repo.failImport,
};

/** Loads one Dukcapil snapshot (../shared/contracts/population.md). The caller holds the population import lock. */
export function importPopulation(db: Db, input: SnapshotImportInput) {
  return runSnapshotImport(db, spec, input);
}
