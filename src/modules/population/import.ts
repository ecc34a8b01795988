import type { Db, Queryable } from '../../platform/db/index.js';
import type { ReportWriter } from '../../platform/ingest/report.js';
import type { Progress } from '../../platform/jobs/jobs.js';
import { copyLine } from '../../platform/ingest/copy-text.js';
import {
  runSnapshotImport,
  type ProposeChanges,
  type SnapshotImportInput,
  type SnapshotSpec,
} from '../../platform/ingest/snapshot-import.js';
import * as repo from './repo.js';
import { checkPopulationRow, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type Column, type PersonRecord } from './rules/row.js';

function fields(r: PersonRecord) {
  return [
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
  ];
}

function toCopy(rowNo: number, r: PersonRecord): string {
  return copyLine([rowNo, ...fields(r)]);
}

function toPersonCopy(rowNo: number, r: PersonRecord, asOf: string, importId: number): string {
  return copyLine([...fields(r), asOf, asOf, importId, rowNo]);
}

const spec: SnapshotSpec<Column, PersonRecord, { absent: number; familiesWithoutHead: number }> = {
  kind: 'population',
  label: 'data penduduk',
  requiredColumns: REQUIRED_COLUMNS,
  optionalColumns: OPTIONAL_COLUMNS,
  check: checkPopulationRow,
  copyLine: toCopy,
  copySql: repo.STAGE_COPY_SQL,
  tables: repo.importTables,
  afterStage: (q, report, progress) => warnHeadless(q, report, progress, 'population_stage'),
  direct: {
    table: 'person',
    copySql: repo.PERSON_COPY_SQL,
    copyLine: toPersonCopy,
    removeDuplicates: repo.removeDuplicateNiksFromPerson,
    afterLoad: async (q, report, progress) => ({ ...(await warnHeadless(q, report, progress, 'person')), absent: 0 }),
  },
  // The baseline into the empty register; later snapshots go through review (importPopulation).
  async apply(tx, asOf, importId) {
    return { ...(await repo.loadBaseline(tx, asOf, importId)), absent: 0 };
  },
  finish: repo.finishImport,
};

async function warnHeadless(
  q: Queryable,
  report: ReportWriter,
  progress: Progress,
  from: 'population_stage' | 'person',
) {
  progress.phase('Memeriksa kepala keluarga');
  const families = await repo.familiesWithoutHead(q, from);
  for (const f of families) {
    report.warn(
      f.line_no,
      'no_kk',
      f.no_kk,
      `Keluarga (${f.members} anggota) tanpa KEPALA KELUARGA; diterima dengan peringatan.`,
    );
  }
  return { familiesWithoutHead: families.length };
}

/**
 * Loads one Dukcapil snapshot (docs/contracts/population.md). The caller
 * holds the population import lock. The first snapshot is the baseline,
 * applied at once; a later one becomes a change set (`propose`, from the
 * reconciliation module) that takes effect only as far as it is approved (MEM-7).
 */
export function importPopulation(
  db: Db,
  input: SnapshotImportInput,
  propose: ProposeChanges,
  limits: { maxRejectedPercent?: number } = {},
) {
  return runSnapshotImport(db, { ...spec, ...limits, review: { table: 'person', propose } }, input);
}
