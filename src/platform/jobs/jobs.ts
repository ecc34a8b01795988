import type { Db } from '../db/index.js';
import { requireActor } from '../http/actor.js';
import { AppError, notFound } from '../http/errors.js';
import { can } from '../http/permissions.js';
import { instantOf } from '../schemas.js';
import type { JobStatus, JobView } from './schemas.js';
import { OWNER, ownerState } from './owner.js';

export type { JobStatus };

export interface Job {
  id: number;
  kind: string;
  status: JobStatus;
  phase: string;
  done: number;
  total: number | null;
  result: Record<string, unknown> | null;
  error: string | null;
  createdBy: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface Progress {
  phase(text: string, total?: number | null): void;
  advance(done: number): void;
}

const WRITE_EVERY_MS = 300;
const HEARTBEAT_MS = 10_000;
const INTERRUPTED = 'Terhenti karena server dimulai ulang. Jalankan ulang; pekerjaan ini aman diulang.';

/**
 * A job's result (and parameters) as the API shows them: no server file paths
 * (issue 10). Every key naming a path or folder (`reportPath`, `filePath`,
 * `uploadDir` …) is dropped, at any depth; the caller of `run` still gets the
 * full result (the CLI prints where the report is). Results name files by
 * what the API serves them under (an import id, a download route).
 */
export function publicResult(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => publicResult(v));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!/(path|dir)$/i.test(k)) out[k] = publicResult(v);
    return out;
  }
  return value;
}

/**
 * Long-running work (imports, reconciliation, batch checks) as rows in `job`
 * with progress a UI can poll. Work is written to be re-run safely, so a job
 * cut off by a restart is marked failed and simply started again.
 */
export function createJobService(db: Db, log: (err: unknown, msg: string) => void = () => {}) {
  async function create(kind: string, params: Record<string, unknown>, createdBy: number | null): Promise<number> {
    const r = await db.query<{ id: number }>(
      'INSERT INTO job (kind, params, created_by, owner) VALUES ($1, $2, $3, $4) RETURNING id',
      [kind, JSON.stringify(publicResult(params)), createdBy && createdBy > 0 ? createdBy : null, OWNER],
    );
    return r.rows[0]!.id;
  }

  async function get(id: number): Promise<Job | null> {
    const r = await db.query<Record<string, unknown>>(
      `SELECT id, kind, status, phase, done, total, result, error, created_by, created_at, started_at, finished_at FROM job WHERE id = $1`,
      [id],
    );
    const j = r.rows[0];
    if (!j) return null;
    return {
      id: j.id as number,
      kind: j.kind as string,
      status: j.status as JobStatus,
      phase: j.phase as string,
      done: j.done as number,
      total: (j.total as number | null) ?? null,
      result: (j.result as Record<string, unknown> | null) ?? null,
      error: (j.error as string | null) ?? null,
      createdBy: (j.created_by as number | null) ?? null,
      createdAt: j.created_at as Date,
      startedAt: (j.started_at as Date | null) ?? null,
      finishedAt: (j.finished_at as Date | null) ?? null,
    };
  }

  /**
   * A job as the API shows it to the current user: their own, or any for a role that oversees
   * imports. Someone else's job is not even acknowledged (JOB_NOT_FOUND).
   */
  async function visible(id: number): Promise<JobView> {
    const job = await get(id);
    const actor = requireActor();
    if (!job || (job.createdBy !== actor.id && !can(actor.role, 'import.read')))
      throw notFound('JOB_NOT_FOUND', 'Pekerjaan tidak ditemukan.');
    return {
      ...job,
      createdAt: instantOf(job.createdAt),
      startedAt: instantOf(job.startedAt),
      finishedAt: instantOf(job.finishedAt),
    };
  }

  /** Of these jobs, the ones still queued or running (crash recovery asks which work is still alive). */
  async function activeOf(ids: readonly number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const r = await db.query<{ id: number }>(
      `SELECT id FROM job WHERE id = ANY($1::bigint[]) AND status IN ('queued', 'running')`,
      [ids],
    );
    return new Set(r.rows.map((j) => Number(j.id)));
  }

  /** A progress reporter that writes to the job row at most every few hundred ms, plus an optional listener (CLI bar). */
  function progressFor(
    id: number,
    listener?: (p: { phase: string; done: number; total: number | null }) => void,
  ): Progress & { flush(): Promise<void> } {
    let phase = '';
    let done = 0;
    let total: number | null = null;
    let last = 0;
    let writing: Promise<unknown> = Promise.resolve();
    const write = () => {
      last = Date.now();
      const p = { phase, done, total };
      listener?.(p);
      writing = writing
        .then(() =>
          db.query('UPDATE job SET phase = $2, done = $3, total = $4 WHERE id = $1', [id, p.phase, p.done, p.total]),
        )
        .catch((err) => log(err, 'job progress write failed'));
    };
    return {
      phase(text, t = null) {
        phase = text;
        total = t;
        done = 0;
        write();
      },
      advance(d) {
        done = d;
        if (Date.now() - last >= WRITE_EVERY_MS) write();
      },
      async flush() {
        write();
        await writing;
      },
    };
  }

  /**
   * Runs the work now, in this process. Resolves with the result; the job row
   * records success or the failure message (a user's message for AppErrors,
   * a generic one for faults, which are logged).
   */
  async function run<T extends Record<string, unknown>>(
    id: number,
    work: (progress: Progress) => Promise<T>,
    listener?: (p: { phase: string; done: number; total: number | null }) => void,
  ): Promise<T> {
    await db.query(
      `UPDATE job SET status = 'running', started_at = now(), heartbeat_at = now(), owner = $2 WHERE id = $1`,
      [id, OWNER],
    );
    const progress = progressFor(id, listener);
    // Another process (PostgreSQL mode) tells a live job from an orphan by this beat.
    const beat = setInterval(() => {
      db.query('UPDATE job SET heartbeat_at = now() WHERE id = $1', [id]).catch((err) =>
        log(err, 'job heartbeat failed'),
      );
    }, HEARTBEAT_MS);
    beat.unref();
    try {
      const result = await work(progress);
      await progress.flush();
      await db.query(
        `UPDATE job SET status = 'succeeded', result = $2, finished_at = now(), phase = 'Selesai' WHERE id = $1`,
        [id, JSON.stringify(publicResult(result))],
      );
      return result;
    } catch (err) {
      await progress.flush().catch(() => undefined);
      const message =
        err instanceof AppError
          ? err.message
          : 'Terjadi kesalahan sistem saat memproses. Kejadian ini telah dicatat; tidak ada data yang diterapkan.';
      if (!(err instanceof AppError)) log(err, `job ${id} failed`);
      await db.query(`UPDATE job SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [id, message]);
      throw err;
    } finally {
      clearInterval(beat);
    }
  }

  /**
   * Creates a job and runs it in the background while the caller holds a lock:
   * answers at once with the job to follow. The work releases the lock when it
   * ends; here it is released only when the job could not be created or never
   * began (the job row records any failure).
   */
  async function startHoldingLock(
    kind: string,
    params: Record<string, unknown>,
    createdBy: number | null,
    release: () => Promise<void>,
    work: (progress: Progress) => Promise<Record<string, unknown>>,
  ): Promise<number> {
    let id: number;
    try {
      id = await create(kind, params, createdBy);
    } catch (err) {
      await release();
      throw err;
    }
    let began = false;
    run(id, (progress) => {
      began = true;
      return work(progress);
    }).catch(async () => {
      if (!began) await release();
    });
    return id;
  }

  const afterRecovery: ((atStart: boolean) => Promise<void>)[] = [];
  let started = false;

  /**
   * Marks jobs cut off by a stop or crash as failed, so nobody waits on them
   * forever: at once when their process is gone from this host, otherwise
   * when their heartbeat is over a minute old (another host, or a stop before
   * owners were recorded). A live process's jobs are never touched, so any
   * of several server processes may run this. Then the hooks (imports fail
   * their rows and remove leftover uploads).
   */
  async function recoverInterrupted(): Promise<number> {
    const atStart = !started;
    started = true;
    const owners = await db.query<{ owner: string }>(
      `SELECT DISTINCT owner FROM job WHERE status IN ('queued', 'running') AND owner IS NOT NULL`,
    );
    const state = owners.rows.map((o) => ({ owner: o.owner, state: ownerState(o.owner, atStart) }));
    const dead = state.filter((o) => o.state === 'dead').map((o) => o.owner);
    // A live process's job is never failed for its heartbeat: on the embedded database a long transaction delays the beat.
    const alive = state.filter((o) => o.state === 'alive').map((o) => o.owner);
    const r = await db.query(
      `UPDATE job SET status = 'failed', finished_at = now(), error = $3
       WHERE status IN ('queued', 'running')
         AND (owner = ANY($1::text[])
              OR (coalesce(heartbeat_at, created_at) < now() - interval '1 minute' AND (owner IS NULL OR NOT owner = ANY($2::text[]))))`,
      [dead, alive, INTERRUPTED],
    );
    for (const hook of afterRecovery) await hook(atStart);
    return r.rowCount;
  }

  /** Runs recovery every `everyMs` in the background (a sibling process may die at any time); returns the stop. */
  function watchInterrupted(everyMs = 60_000): () => void {
    const timer = setInterval(() => {
      recoverInterrupted().catch((err) => log(err, 'job recovery failed'));
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  return {
    create,
    get,
    visible,
    activeOf,
    run,
    startHoldingLock,
    progressFor,
    recoverInterrupted,
    watchInterrupted,
    /** Work to do after each recovery (see recoverInterrupted). */
    onRecovery: (hook: (atStart: boolean) => Promise<void>) => void afterRecovery.push(hook),
  };
}

export type JobService = ReturnType<typeof createJobService>;
