-- Users, sessions, API tokens, the append-only audit log, and long-running jobs.

CREATE TABLE IF NOT EXISTS facility (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('PPK1', 'PPK2')),
  village_code text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS app_user (
  id bigserial PRIMARY KEY,
  username text NOT NULL CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
  full_name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('admin', 'kepesertaan', 'sjp', 'verifikator', 'ketua', 'bendahara',
    'puskesmas', 'rumahsakit', 'dinsos', 'dukcapil', 'pimpinan', 'auditor')),
  facility_code text REFERENCES facility (code),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  -- Facility staff are bound to exactly one facility; office staff to none.
  CONSTRAINT app_user_facility_scope CHECK ((role IN ('puskesmas', 'rumahsakit')) = (facility_code IS NOT NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS app_user_username ON app_user (username);

CREATE TABLE IF NOT EXISTS user_session (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text
);
CREATE INDEX IF NOT EXISTS user_session_user ON user_session (user_id);

CREATE TABLE IF NOT EXISTS api_token (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Append-only: who did what to which record, when, from where (UU 27/2022).
CREATE TABLE IF NOT EXISTS audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id bigint,
  actor_username text,
  actor_role text,
  facility_code text,
  action text NOT NULL,
  entity_type text,
  entity_id text,
  ip text,
  request_id text,
  details jsonb
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
CREATE INDEX IF NOT EXISTS audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor_username, at);

CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

CREATE TABLE IF NOT EXISTS job (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  phase text NOT NULL DEFAULT '',
  done bigint NOT NULL DEFAULT 0,
  total bigint,
  params jsonb NOT NULL DEFAULT '{}',
  result jsonb,
  error text,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  heartbeat_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX IF NOT EXISTS job_kind_created ON job (kind, created_at DESC);
