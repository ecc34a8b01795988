import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/index.js';
import { currentContext, runWithContext, type RequestContext } from '../http/context.js';
import { conflict } from '../http/errors.js';
import type { JobService } from '../jobs/jobs.js';
import { OWNER, isDeadOwner } from '../jobs/owner.js';
import type { ImportKind } from './schemas.js';
import type { SnapshotImportInput } from './snapshot-import.js';

export type { ImportKind } from './schemas.js';

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
const IMPORT_TABLES = ['population_import', 'jkn_import', 'poverty_import'] as const;
/** An upload no import could still be reading (imports of the largest files take minutes). */
const UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Uploads are named `<owner>.<uuid>.<ext>`, the owner (host:pid) base64url-encoded, so recovery knows whose they are. */
function uploadOwner(fileName: string): string | null {
  const m = /^([A-Za-z0-9_-]+)\.[0-9a-f-]{36}\.(csv|xlsx)$/.exec(fileName);
  return m ? Buffer.from(m[1]!, 'base64url').toString('utf8') : null;
}

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

  /**
   * After a crash (issue 10): an import whose job is no longer running is
   * failed, and uploads (whole population files) whose process is gone are
   * removed. Runs with the job recovery, at start-up and every minute.
   */
  jobs.onRecovery(async (atStart) => {
    for (const table of IMPORT_TABLES) {
      const running = await db.query<{ id: number; job_id: number | null; old: boolean }>(
        `SELECT id, job_id, created_at < now() - interval '1 hour' AS old FROM ${table} WHERE status = 'running'`,
      );
      if (running.rows.length === 0) continue;
      const live = await jobs.activeOf(running.rows.flatMap((r) => (r.job_id === null ? [] : [Number(r.job_id)])));
      const dead = running.rows
        .filter((r) => (r.job_id === null ? r.old : !live.has(Number(r.job_id))))
        .map((r) => Number(r.id));
      // Still 'running' when updated: an import that finished meanwhile keeps its outcome.
      if (dead.length > 0)
        await db.query(
          `UPDATE ${table} SET status = 'failed', finished_at = now() WHERE id = ANY($1::bigint[]) AND status = 'running'`,
          [dead],
        );
    }
    for (const name of await fs.promises.readdir(dirs.uploads)) {
      const file = path.join(dirs.uploads, name);
      const owner = uploadOwner(name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat?.isFile()) continue;
      const stale = owner ? isDeadOwner(owner, atStart) : atStart;
      if (stale || Date.now() - stat.mtimeMs > UPLOAD_MAX_AGE_MS) await fs.promises.rm(file, { force: true });
    }
  });

  async function lock(kind: ImportKind) {
    const held = await db.tryLock(`import:${kind}`);
    if (!held) {
      throw conflict(
        'IMPORT_RUNNING',
        `Impor data ${KIND_LABEL[kind]} lain sedang berjalan. Tunggu hingga selesai, lalu coba lagi.`,
      );
    }
    // Idempotent: the upload route and the job may both release on a failure path.
    let released: Promise<void> | null = null;
    const release = () => (released ??= held());
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
      jobId = await jobs.create(
        `import.${input.kind}`,
        { asOf: input.asOf, fileName: input.fileName },
        ctx?.actor?.id ?? null,
      );
    } catch (err) {
      await release();
      throw err;
    }
    const work = () =>
      jobs.run(
        jobId,
        // The upload goes before the job row says the import ended, so "ended" always means "file gone".
        (progress) =>
          importers[input.kind](db, {
            filePath: input.filePath,
            fileName: input.fileName,
            asOf: input.asOf,
            reportsDir: dirs.reports,
            jobId,
            createdBy: ctx?.actor?.id ?? null,
            progress,
          }).finally(() => (input.ownsFile ? fs.promises.rm(input.filePath, { force: true }) : undefined)),
        input.listener,
      );
    const done = (ctx ? runWithContext({ ...ctx }, work) : work()).finally(async () => {
      try {
        await release();
      } finally {
        // The upload is a whole population file: it goes as soon as its import ends, however it ends.
        if (input.ownsFile) await fs.promises.rm(input.filePath, { force: true });
      }
    });
    return { jobId, done };
  }

  function uploadPath(originalName: string) {
    const ext = path.extname(originalName).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv';
    return path.join(dirs.uploads, `${Buffer.from(OWNER).toString('base64url')}.${crypto.randomUUID()}${ext}`);
  }

  return { start, lock, uploadPath };
}

export type ImportRunner = ReturnType<typeof createImportRunner>;
