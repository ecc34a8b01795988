-- Which server process runs a job ("host:pid"), so that a process starting up
-- can fail at once the jobs of a process that died on the same host (kill -9,
-- out of memory) instead of waiting for their heartbeat to go stale, without
-- touching the jobs a live sibling process is running (issue 10).
ALTER TABLE job ADD COLUMN IF NOT EXISTS owner text;
CREATE INDEX IF NOT EXISTS job_unfinished ON job (status) WHERE status IN ('queued', 'running');
