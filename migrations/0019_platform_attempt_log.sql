-- Attempts counted per key (e.g. the self-check's per-NIK limit) in the database,
-- so every server process shares one count: an in-memory count gave each worker
-- its own allowance (issue 10). The key is stored hashed, never as a NIK.
CREATE TABLE IF NOT EXISTS attempt_log (
  scope text NOT NULL,
  key_hash text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS attempt_log_key ON attempt_log (scope, key_hash, at);
CREATE INDEX IF NOT EXISTS attempt_log_at ON attempt_log (at);
