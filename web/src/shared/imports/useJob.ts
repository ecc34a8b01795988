import { useEffect, useState } from 'react';
import { api } from '../api';
import type { ImportResult } from '@server/platform/ingest/schemas';
import type { Job as JobOf } from '@server/platform/jobs/schemas';

type Job = JobOf<ImportResult>;

const POLL_MS = 500;

/**
 * Follows a long job until it ends: polls every half second, keeps the last
 * known state on a transient network error and tries again.
 */
export function useJob(jobId: number | null) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setJob(null);
    setError(null);
    if (jobId === null) return;
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      try {
        const j = await api<Job>(`/api/v1/jobs/${jobId}`);
        if (stopped) return;
        setJob(j);
        setError(null);
        if (j.status === 'succeeded' || j.status === 'failed') return;
      } catch (err) {
        if (stopped) return;
        setError(err);
      }
      timer = window.setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [jobId]);

  return { job, error };
}
