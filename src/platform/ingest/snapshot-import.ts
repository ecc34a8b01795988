import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db, Queryable } from '../db/index.js';
import { auditInTx } from '../audit/audit.js';
import { bulkSessionSettings, isEmpty, withIndexesRebuilt } from '../db/bulk.js';
import { ruleRefusal } from '../http/errors.js';
import type { Progress } from '../jobs/jobs.js';
import { DEFAULT_MAX_REJECTED_PERCENT, fileFaultProblem } from './file-fault.js';
import { ReportWriter } from './report.js';
import type { SnapshotTables } from './snapshot-tables.js';
import { stageTable, type RowCheck } from './stage.js';

export interface SnapshotImportInput {
  filePath: string;
  fileName: string;
  asOf: string;
  reportsDir: string;
  jobId: number | null;
  createdBy: number | null;
  progress: Progress;
  /** Set by runSnapshotImport: the as-of date of the data already loaded. */
  previousAsOf?: string | null;
}

export interface BaseCounts {
  rowsRead: number;
  accepted: number;
  rejected: number;
  warnings: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What a review hook is told about the import whose staged rows it turns into a change set. */
export interface ReviewInput {
  importId: number;
  asOf: string;
  /** The as-of date of the data already loaded (the latest applied import). */
  previousAsOf: string | null;
  accepted: number;
  /** Data rows in the file, and in the last applied file of this kind (null when unknown): a sharp fall is a sign of a truncated file. */
  rowsRead: number;
  previousRows: number | null;
}

/** A change set made from the staged rows: PENDING, or APPROVED at once when nothing differs. */
export interface ReviewOutcome {
  changeSetId: number;
  status: 'PENDING' | 'APPROVED';
  /** Flagged by the guard (issue 10): would end an unusual share of the register, or far fewer rows than the last file. */
  suspect?: boolean;
  items: number;
  totals: Record<string, number>;
  /** New and changed records proposed (the import's inserted / updated), and per-kind extras (absent, ended). */
  inserted: number;
  updated: number;
  extra?: Record<string, number>;
}

export type ProposeChanges = (tx: Queryable, input: ReviewInput) => Promise<ReviewOutcome>;

export type SnapshotResult = BaseCounts & {
  importId: number;
  asOf: string;
  format: 'csv' | 'xlsx';
  reportPath: string;
} & Record<string, unknown>;

/** What a module supplies to load one full snapshot file through its stage table. */
export interface SnapshotSpec<C extends string, R, Extra extends Record<string, number>> {
  kind: string;
  label: string;
  requiredColumns: readonly C[];
  optionalColumns: readonly C[];
  check: (get: (c: C) => string, asOf: string) => RowCheck<R>;
  copyLine: (rowNo: number, record: R) => string;
  copySql: string;
  /** The kind's import log and stage table (snapshotTables), which the pipeline keeps. */
  tables: SnapshotTables;
  /**
   * Share (percent) of rows that may be rejected before the whole file is a
   * fault: no change set, nothing applied, the import failed (issue 10). A
   * file with no accepted row is always a fault.
   */
  maxRejectedPercent?: number;
  /** Set-based checks over the whole staged file (families without a head, unknown NIKs …). */
  afterStage?: (q: Queryable, report: ReportWriter, progress: Progress) => Promise<Partial<Extra>>;
  /** Applies the stage inside the final transaction. */
  apply: (
    tx: Queryable,
    asOf: string,
    importId: number,
  ) => Promise<{ inserted: number; updated: number } & Partial<Extra>>;
  /**
   * MEM-7: once `table` holds data, a later file is not applied. Its staged
   * rows become a change set an officer reviews; the import ends
   * `pending_review` (or `applied` at once when nothing differs). The first
   * load of an empty table stays a baseline, applied at once.
   */
  review?: { table: string; propose: ProposeChanges };
  finish: (
    tx: Queryable,
    importId: number,
    counts: BaseCounts & Partial<Extra> & { reportPath: string; status: 'applied' | 'pending_review' },
  ) => Promise<void>;
  /**
   * First load into an empty table on PostgreSQL: rows are copied straight into
   * the target (indexes dropped, rebuilt after) inside the loading transaction,
   * which saves copying everything a second time from the stage.
   */
  direct?: DirectLoad<R, Extra>;
}

export interface DirectLoad<R, Extra> {
  table: string;
  /** COPY into the target table, its provenance columns (import_id, import_line) included. */
  copySql: string;
  copyLine: (rowNo: number, record: R, asOf: string, importId: number) => string;
  /** Removes every row of a key that occurs more than once; returns them with their file row. */
  removeDuplicates: (q: Queryable) => Promise<{ line_no: number; nik: string }[]>;
  afterLoad?: (q: Queryable, report: ReportWriter, progress: Progress) => Promise<Partial<Extra>>;
}

/**
 * A file row whose NIK the population register does not know is kept and reported, not refused
 * (JKN and poverty files): `find` lists those rows, the module knowing where the register is.
 */
export async function warnUnknownNiks(
  report: ReportWriter,
  progress: Progress,
  find: () => Promise<{ line_no: number; nik: string }[]>,
): Promise<{ unknownNik: number }> {
  progress.phase('Mencocokkan NIK dengan data penduduk');
  const unknown = await find();
  for (const u of unknown) {
    report.warn(u.line_no, 'nik', u.nik, 'NIK tidak terdapat dalam data penduduk Kota; tetap disimpan dan dilaporkan.');
  }
  return { unknownNik: unknown.length };
}

export async function sha256File(filePath: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Loads one full snapshot file. The caller holds the import lock of this kind.
 * Rows are checked and staged first; the module's tables change only in the
 * final transaction, so a failure at any point leaves the data as it was.
 * With a review hook and data already loaded, that final transaction makes a
 * change set instead of changing the module's tables (MEM-7).
 */
export async function runSnapshotImport<C extends string, R, Extra extends Record<string, number>>(
  db: Db,
  spec: SnapshotSpec<C, R, Extra>,
  input: SnapshotImportInput,
): Promise<SnapshotResult> {
  const latest = await spec.tables.latestAppliedAsOf(db);
  if (latest && input.asOf < latest) {
    throw ruleRefusal(
      'SNAPSHOT_OLDER',
      `Tanggal data ${input.asOf} lebih lama dari ${spec.label} yang sudah dimuat (${latest}). Muat data yang lebih baru.`,
    );
  }
  input.progress.phase('Menghitung sidik berkas');
  const sha256 = await sha256File(input.filePath);
  const importId = await spec.tables.createImport(db, {
    asOf: input.asOf,
    fileName: input.fileName,
    sha256,
    jobId: input.jobId,
    createdBy: input.createdBy,
  });
  const reportPath = path.join(input.reportsDir, `${spec.kind}-${importId}.csv`);
  const report = new ReportWriter(reportPath);
  try {
    const run = { importId, sha256, report, reportPath };
    const result =
      spec.direct && db.kind === 'pg' && (await isEmpty(db, spec.direct.table))
        ? await loadDirect(db, spec, spec.direct, input, run)
        : await loadStaged(db, spec, { ...input, previousAsOf: latest }, run);
    await report.close();
    return result;
  } catch (err) {
    await report.close().catch(() => undefined);
    await spec.tables.failImport(db, importId, reportPath).catch(() => undefined);
    await spec.tables.clearStage(db).catch(() => undefined);
    throw err;
  }
}

interface ImportRun {
  importId: number;
  sha256: string;
  report: ReportWriter;
  reportPath: string;
}

/** What a run answers: which import, of which date and file format, its report and its counts. */
function snapshotResult(run: ImportRun, asOf: string, format: 'csv' | 'xlsx', counts: BaseCounts): SnapshotResult {
  return { importId: run.importId, asOf, format, reportPath: run.reportPath, ...counts };
}

/** The counts of a run: read, accepted, rejected and warned rows, and what the accepted rows changed. */
function runCounts(
  rowsRead: number,
  accepted: number,
  report: ReportWriter,
  changed: { inserted: number; updated: number },
): BaseCounts {
  return {
    rowsRead,
    accepted,
    rejected: report.rejectedRows,
    warnings: report.warnings,
    inserted: changed.inserted,
    updated: changed.updated,
    unchanged: accepted - changed.inserted - changed.updated,
  };
}

function rejectDuplicates(report: ReportWriter, dupes: { line_no: number; nik: string }[]) {
  for (const d of dupes) {
    report.reject(d.line_no, [
      { column: 'nik', value: d.nik, reason: 'NIK muncul di lebih dari satu baris; semua baris NIK ini ditolak.' },
    ]);
  }
}

async function finishAndAudit<Extra extends Record<string, number>>(
  tx: Queryable,
  spec: { kind: string; finish: SnapshotSpec<string, unknown, Extra>['finish'] },
  input: SnapshotImportInput,
  run: ImportRun,
  counts: BaseCounts & Partial<Extra>,
  status: 'applied' | 'pending_review' = 'applied',
  changeSet?: { changeSetId: number; review: string; suspect: boolean },
) {
  await spec.finish(tx, run.importId, { ...counts, reportPath: run.reportPath, status });
  await auditInTx(tx, {
    action: `${spec.kind}.import`,
    entityType: `${spec.kind}_import`,
    entityId: String(run.importId),
    details: { asOf: input.asOf, fileSha256: run.sha256, ...counts, ...changeSet },
  });
}

/**
 * A file-level fault (nothing accepted, too many rows rejected) ends the
 * import before any change set is made or anything applied; the caller marks
 * it failed and keeps the rejected-rows report.
 */
function refuseFaultyFile(
  spec: { label: string; maxRejectedPercent?: number },
  c: { rowsRead: number; accepted: number; rejected: number },
) {
  const problem = fileFaultProblem(spec.label, c, spec.maxRejectedPercent ?? DEFAULT_MAX_REJECTED_PERCENT);
  if (problem)
    throw ruleRefusal('FILE_REFUSED', problem, { rowsRead: c.rowsRead, accepted: c.accepted, rejected: c.rejected });
}

/** Stage, check set-wise, apply in one final transaction (docs/decisions/0005). */
async function loadStaged<C extends string, R, Extra extends Record<string, number>>(
  db: Db,
  spec: SnapshotSpec<C, R, Extra>,
  input: SnapshotImportInput,
  run: ImportRun,
) {
  const { report } = run;
  await spec.tables.clearStage(db);
  const staged = await stageTable<C, R>(db, {
    filePath: input.filePath,
    requiredColumns: spec.requiredColumns,
    optionalColumns: spec.optionalColumns,
    check: (get) => spec.check(get, input.asOf),
    copyLine: spec.copyLine,
    copySql: spec.copySql,
    report,
    progress: input.progress,
  });
  await spec.tables.analyzeStage(db);

  input.progress.phase('Memeriksa NIK ganda');
  const { dupes, extra } = await db.tx(async (tx) => {
    await bulkSessionSettings(tx, db.kind);
    const dupes = await spec.tables.removeDuplicateNiks(tx);
    rejectDuplicates(report, dupes);
    const extra = (await spec.afterStage?.(tx, report, input.progress)) ?? {};
    return { dupes, extra };
  });
  await report.flush();

  const accepted = staged.staged - dupes.length;
  refuseFaultyFile(spec, { rowsRead: staged.rowsRead, accepted, rejected: report.rejectedRows });
  const review = spec.review && !(await isEmpty(db, spec.review.table)) ? spec.review : null;
  if (review) {
    input.progress.phase('Menyusun daftar perubahan');
    const counts = await db.tx(async (tx) => {
      await bulkSessionSettings(tx, db.kind);
      const o = await review.propose(tx, {
        importId: run.importId,
        asOf: input.asOf,
        previousAsOf: input.previousAsOf ?? null,
        accepted,
        rowsRead: staged.rowsRead,
        previousRows: (await spec.tables.latestAppliedRows(tx)) ?? null,
      });
      const c = {
        ...extra,
        ...o.extra,
        ...runCounts(staged.rowsRead, accepted, report, o),
      } as BaseCounts & Partial<Extra>;
      const changeSet = { changeSetId: o.changeSetId, review: o.status, suspect: o.suspect ?? false };
      await finishAndAudit(tx, spec, input, run, c, o.status === 'PENDING' ? 'pending_review' : 'applied', changeSet);
      return { ...c, ...changeSet, changeItems: o.items, changeTotals: o.totals };
    });
    input.progress.phase('Membersihkan data sementara');
    await spec.tables.clearStage(db);
    return snapshotResult(run, input.asOf, staged.format, counts);
  }

  input.progress.phase('Menerapkan perubahan');
  const counts = await db.tx(async (tx) => {
    await bulkSessionSettings(tx, db.kind);
    const applied = await spec.apply(tx, input.asOf, run.importId);
    const c = {
      ...extra,
      ...applied,
      ...runCounts(staged.rowsRead, accepted, report, applied),
    };
    await finishAndAudit(tx, spec, input, run, c);
    return c;
  });
  await spec.tables.clearStage(db);
  return snapshotResult(run, input.asOf, staged.format, counts);
}

/** First load on PostgreSQL: straight into the empty target, in one transaction. */
async function loadDirect<C extends string, R, Extra extends Record<string, number>>(
  db: Db,
  spec: SnapshotSpec<C, R, Extra>,
  direct: DirectLoad<R, Extra>,
  input: SnapshotImportInput,
  run: ImportRun,
) {
  const { report } = run;
  return db.tx(async (tx) => {
    await bulkSessionSettings(tx, db.kind);
    return withIndexesRebuilt(tx, direct.table, async () => {
      const staged = await stageTable<C, R>(tx, {
        filePath: input.filePath,
        requiredColumns: spec.requiredColumns,
        optionalColumns: spec.optionalColumns,
        check: (get) => spec.check(get, input.asOf),
        copyLine: (rowNo, record) => direct.copyLine(rowNo, record, input.asOf, run.importId),
        copySql: direct.copySql,
        report,
        progress: input.progress,
      });
      input.progress.phase('Memeriksa NIK ganda');
      const dupes = await direct.removeDuplicates(tx);
      rejectDuplicates(report, dupes);
      const extra = (await direct.afterLoad?.(tx, report, input.progress)) ?? {};
      await report.flush();
      const accepted = staged.staged - dupes.length;
      // Thrown inside the loading transaction: the rows copied into the empty target go with it.
      refuseFaultyFile(spec, { rowsRead: staged.rowsRead, accepted, rejected: report.rejectedRows });
      input.progress.phase('Menerapkan perubahan');
      const c = {
        ...extra,
        // The first load inserts every accepted row.
        ...runCounts(staged.rowsRead, accepted, report, { inserted: accepted, updated: 0 }),
      } as BaseCounts & Partial<Extra>;
      await finishAndAudit(tx, spec, input, run, c);
      return snapshotResult(run, input.asOf, staged.format, c);
    });
  });
}
