import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/index.js';
import { currentContext, runWithContext, type RequestContext } from '../http/context.js';
import { conflict } from '../http/errors.js';
import type { JobService } from '../jobs/jobs.js';
import type { SnapshotImportInput } from './snapshot-import.js';

export type ImportKind = 'population' | 'jkn' | 'poverty';

export type ImportFn = (db: Db, input: SnapshotImportInput) => Promise<Record<string, unknown>>;

export interface StartInput {
  kind: ImportKind;
  filePath: string;
  fileName: string;
  asOf: string;
  /** Delete the file when the import ends (uploads); keep it for CLI paths. */
  ownsFile: boolean;
  listener?: (p: { phase: string; done: number; total: number | null }) => void;
}

const KIND_LABEL: Record<ImportKind, string> = { population: 'penduduk', jkn: 'JKN', poverty: 'DTKS' };

/**
 * Starts imports as jobs: one import of a kind at a time (a second gets
 * IMPORT_RUNNING at once), progress on the job row, the lock released and the
 * upload removed however the job ends. `beforeStart` may refuse an import
 * while the lock is held (a change set of that kind still under review).
 */
export function createImportRunner(
  db: Db,
  jobs: JobService,
  dirs: { reports: string; uploads: string },
  importers: Record<ImportKind, ImportFn>,
  opts: { beforeStart?: (kind: ImportKind) => Promise<void> } = {},
) {
  fs.mkdirSync(dirs.uploads, { recursive: true });
  fs.mkdirSync(dirs.reports, { recursive: true });

  async function lock(kind: ImportKind) {
    const release = await db.tryLock(`import:${kind}`);
    if (!release) {
      throw conflict('IMPORT_RUNNING', `Impor data ${KIND_LABEL[kind]} lain sedang berjalan. Tunggu hingga selesai, lalu coba lagi.`);
    }
    try {
      await opts.beforeStart?.(kind);
    } catch (err) {
      await release();
      throw err;
    }
    return release;
  }

  /** Starts the job and returns at once; `done` settles when it ends. */
  async function start(input: StartInput, heldLock?: () => Promise<void>) {
    const release = heldLock ?? (await lock(input.kind));
    const ctx: RequestContext | undefined = currentContext();
    let jobId: number;
    try {
      jobId = await jobs.create(`import.${input.kind}`, { asOf: input.asOf, fileName: input.fileName }, ctx?.actor?.id ?? null);
    } catch (err) {
      await release();
      throw err;
    }
    const work = () =>
      jobs.run(
        jobId,
        (progress) =>
          importers[input.kind](db, {
            filePath: input.filePath,
            fileName: input.fileName,
            asOf: input.asOf,
            reportsDir: dirs.reports,
            jobId,
            createdBy: ctx?.actor?.id ?? null,
            progress,
          }),
        input.listener,
      );
    const done = (ctx ? runWithContext({ ...ctx }, work) : work()).finally(async () => {
      await release();
      if (input.ownsFile) await fs.promises.rm(input.filePath, { force: true });
    });
    return { jobId, done };
  }

  function uploadPath(originalName: string) {
    const ext = path.extname(originalName).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv';
    return path.join(dirs.uploads, `${crypto.randomUUID()}${ext}`);
  }

  return { start, lock, uploadPath };
}

export type ImportRunner = ReturnType<typeof createImportRunner>;
