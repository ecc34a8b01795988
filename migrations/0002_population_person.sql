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

-- Checks use translate(), not regular expressions: they run for every row of a
-- 2.6-million-row load, where a regex check costs several times more.
-- Identifiers and names compare byte-wise (COLLATE "C"): digits and upper-case
-- names sort the same, and index builds and lookups are about twice as fast.
CREATE TABLE IF NOT EXISTS person (
  nik text COLLATE "C" PRIMARY KEY CHECK (octet_length(nik) = 16 AND translate(nik, '0123456789', '') = ''),
  no_kk text COLLATE "C" NOT NULL CHECK (octet_length(no_kk) = 16 AND translate(no_kk, '0123456789', '') = ''),
  name text COLLATE "C" NOT NULL,
  sex char(1) NOT NULL CHECK (sex IN ('L', 'P')),
  birth_place text,
  birth_date date NOT NULL,
  relation text NOT NULL,
  address text,
  rt text,
  rw text,
  village_code text COLLATE "C" NOT NULL CHECK (octet_length(village_code) = 10 AND translate(village_code, '0123456789', '') = ''),
  ektp_recorded boolean NOT NULL,
  death_date date,
  moved_out_date date,
  first_seen_as_of date NOT NULL,
  data_as_of date NOT NULL,
  -- Provenance: the import and the row of its file that last set this record.
  -- No foreign key: a per-row RI check would dominate bulk loads, and import
  -- rows are never deleted.
  import_id bigint NOT NULL,
  import_line bigint
);
CREATE INDEX IF NOT EXISTS person_no_kk ON person (no_kk);
CREATE INDEX IF NOT EXISTS person_name ON person (name);

-- Rows of the import in progress; emptied at the start of every import (imports are serialised).
CREATE UNLOGGED TABLE IF NOT EXISTS population_stage (
  line_no bigint NOT NULL,
  nik text COLLATE "C" NOT NULL,
  no_kk text COLLATE "C" NOT NULL,
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
