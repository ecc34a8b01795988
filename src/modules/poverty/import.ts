import type { Db } from '../../platform/db/index.js';
import { copyLine } from '../../platform/ingest/copy-text.js';
import {
  runSnapshotImport,
  type SnapshotImportInput,
  type SnapshotSpec,
  warnUnknownNiks,
} from '../../platform/ingest/snapshot-import.js';
import * as repo from './repo.js';
import { checkPovertyRow, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type Column, type PovertyRecord } from './rules/row.js';

const spec: SnapshotSpec<Column, PovertyRecord, { ended: number; unknownNik: number }> = {
  kind: 'poverty',
  label: 'data DTKS',
  requiredColumns: REQUIRED_COLUMNS,
  optionalColumns: OPTIONAL_COLUMNS,
  check: checkPovertyRow,
  copyLine: (rowNo, r) => copyLine([rowNo, r.nik, r.decile, r.status, r.designatedOn]),
  copySql: repo.STAGE_COPY_SQL,
  tables: repo.importTables,
  afterStage: (q, report, progress) => warnUnknownNiks(report, progress, () => repo.unknownNiks(q)),
  apply: repo.mergeStage,
  finish: repo.finishImport,
};

/** Loads a DTKS poverty file (docs/contracts/poverty.md). The caller holds the poverty import lock. */
export function importPoverty(db: Db, input: SnapshotImportInput) {
  return runSnapshotImport(db, spec, input);
}
