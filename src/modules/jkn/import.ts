import type { Db } from '../../platform/db/index.js';
import { copyLine } from '../../platform/ingest/copy-text.js';
import {
  runSnapshotImport,
  type ProposeChanges,
  type SnapshotImportInput,
  type SnapshotSpec,
  warnUnknownNiks,
} from '../../platform/ingest/snapshot-import.js';
import * as repo from './repo.js';
import { checkJknRow, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, type Column, type JknRecord } from './rules/row.js';

/** The data columns in the order both jkn_stage and jkn_membership copy them (repo's DATA). */
function dataValues(r: JknRecord) {
  return [r.cardNumber, r.name, r.segment, r.class, r.status, r.startDate, r.arrearsMonths, r.primaryFacility];
}

function toCopy(rowNo: number, r: JknRecord): string {
  return copyLine([rowNo, r.nik, ...dataValues(r)]);
}

/** First load: a NIK seen for the first time is a member from its start date when the file gives one (as repo.mergeStage). */
function toMembershipCopy(rowNo: number, r: JknRecord, asOf: string, importId: number): string {
  const validFrom = r.startDate && r.startDate < asOf ? r.startDate : asOf;
  return copyLine([r.nik, validFrom, ...dataValues(r), importId, rowNo]);
}

const spec: SnapshotSpec<Column, JknRecord, { ended: number; unknownNik: number }> = {
  kind: 'jkn',
  label: 'data JKN',
  requiredColumns: REQUIRED_COLUMNS,
  optionalColumns: OPTIONAL_COLUMNS,
  check: checkJknRow,
  copyLine: toCopy,
  copySql: repo.STAGE_COPY_SQL,
  tables: repo.importTables,
  afterStage: (q, report, progress) => warnUnknownNiks(report, progress, () => repo.unknownNiks(q, 'jkn_stage')),
  direct: {
    table: 'jkn_membership',
    copySql: repo.MEMBERSHIP_COPY_SQL,
    copyLine: toMembershipCopy,
    removeDuplicates: repo.removeDuplicateNiksFromMembership,
    afterLoad: (q, report, progress) => warnUnknownNiks(report, progress, () => repo.unknownNiks(q, 'jkn_membership')),
  },
  apply: repo.mergeStage,
  finish: (tx, id, c) => repo.finishImport(tx, id, { ended: 0, unknownNik: 0, ...c }),
};

/**
 * Loads the JKN membership file (docs/contracts/jkn-membership.md). The
 * caller holds the JKN import lock. The first file into empty periods is
 * applied at once; a later one becomes a change set (`propose`) that takes
 * effect only as far as it is approved (MEM-7).
 */
export function importJkn(
  db: Db,
  input: SnapshotImportInput,
  propose: ProposeChanges,
  limits: { maxRejectedPercent?: number } = {},
) {
  return runSnapshotImport(db, { ...spec, ...limits, review: { table: 'jkn_membership', propose } }, input);
}
