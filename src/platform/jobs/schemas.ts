import { z } from 'zod';
import { instant } from '../schemas.js';

/** A long-running job as the web polls it (GET /api/v1/jobs/:id). The web app imports the types. */

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export const jobStatus = z.enum(JOB_STATUSES);

export const jobParams = z.object({ id: z.coerce.number().int() });

export const job = z.object({
  id: z.number(),
  kind: z.string(),
  status: jobStatus,
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  /** What the work produced (an import's counts, a batch's tally); server paths already removed. */
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdBy: z.number().nullable(),
  createdAt: instant,
  startedAt: instant.nullable(),
  finishedAt: instant.nullable(),
});

export type JobStatus = z.output<typeof jobStatus>;
export type JobView = z.output<typeof job>;

/** A job as a page polls it, its result read as what that kind of work produces (an import's counts, a batch's tally). */
export type Job<R = Record<string, unknown>> = Omit<JobView, 'result'> & { result: R | null };
