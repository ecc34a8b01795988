-- The civil-registry population (Dukcapil snapshots) and the imports that loaded it.

CREATE TABLE IF NOT EXISTS population_import (
  id bigserial PRIMARY KEY,
  job_id bigint REFERENCES job (id),
  as_of date NOT NULL,
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'applied', 'failed')),
  rows_read bigint NOT NULL DEFAULT 0,
  accepted bigint NOT NULL DEFAULT 0,
  rejected bigint NOT NULL DEFAULT 0,
  warnings bigint NOT NULL DEFAULT 0,
  inserted bigint NOT NULL DEFAULT 0,
  updated bigint NOT NULL DEFAULT 0,
  unchanged bigint NOT NULL DEFAULT 0,
  report_path text,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE TABLE IF NOT EXISTS person (
  nik text PRIMARY KEY CHECK (nik ~ '^[0-9]{16}$'),
  no_kk text NOT NULL CHECK (no_kk ~ '^[0-9]{16}$'),
  name text NOT NULL,
  sex char(1) NOT NULL CHECK (sex IN ('L', 'P')),
  birth_place text,
  birth_date date NOT NULL,
  relation text NOT NULL,
  address text,
  rt text,
  rw text,
  village_code text NOT NULL CHECK (village_code ~ '^[0-9]{10}$'),
  ektp_recorded boolean NOT NULL,
  death_date date,
  moved_out_date date,
  first_seen_as_of date NOT NULL,
  data_as_of date NOT NULL,
  import_id bigint NOT NULL REFERENCES population_import (id)
);
CREATE INDEX IF NOT EXISTS person_no_kk ON person (no_kk);
CREATE INDEX IF NOT EXISTS person_name ON person (name text_pattern_ops);

-- Rows of the import in progress; emptied at the start of every import (imports are serialised).
CREATE UNLOGGED TABLE IF NOT EXISTS population_stage (
  line_no bigint NOT NULL,
  nik text NOT NULL,
  no_kk text NOT NULL,
  name text NOT NULL,
  sex char(1) NOT NULL,
  birth_place text,
  birth_date date NOT NULL,
  relation text NOT NULL,
  address text,
  rt text,
  rw text,
  village_code text NOT NULL,
  ektp_recorded boolean NOT NULL,
  death_date date,
  moved_out_date date
);
