-- Poverty data from the Kemensos integrated social-welfare data (DTKS) per NIK,
-- kept as validity periods like JKN membership (DIN-2; docs/contracts/poverty.md).

CREATE TABLE IF NOT EXISTS poverty_import (
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
  ended bigint NOT NULL DEFAULT 0,
  unknown_nik bigint NOT NULL DEFAULT 0,
  report_path text,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE TABLE IF NOT EXISTS poverty_status (
  nik text COLLATE "C" NOT NULL CHECK (octet_length(nik) = 16 AND translate(nik, '0123456789', '') = ''),
  valid_from date NOT NULL,
  valid_to date,
  decile smallint NOT NULL CHECK (decile BETWEEN 1 AND 10),
  dtks_status text NOT NULL CHECK (dtks_status IN ('AKTIF', 'NONAKTIF')),
  designated_on date,
  import_id bigint NOT NULL, -- provenance; no foreign key (see person.import_id)
  import_line bigint,
  PRIMARY KEY (nik, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX IF NOT EXISTS poverty_status_current ON poverty_status (nik) WHERE valid_to IS NULL;

CREATE UNLOGGED TABLE IF NOT EXISTS poverty_stage (
  line_no bigint NOT NULL,
  nik text COLLATE "C" NOT NULL,
  decile smallint NOT NULL,
  dtks_status text NOT NULL,
  designated_on date
);
