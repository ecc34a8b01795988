-- JKN (BPJS Kesehatan) membership per NIK, kept as validity periods so that a
-- decision for a past date uses the data in force on that date.

CREATE TABLE IF NOT EXISTS jkn_import (
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

CREATE TABLE IF NOT EXISTS jkn_membership (
  nik text COLLATE "C" NOT NULL CHECK (octet_length(nik) = 16 AND translate(nik, '0123456789', '') = ''),
  valid_from date NOT NULL,
  valid_to date,
  card_number text NOT NULL,
  name text,
  segment text NOT NULL CHECK (segment IN ('PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA', 'PPU', 'PBPU', 'BP')),
  class smallint NOT NULL CHECK (class IN (1, 2, 3)),
  status text NOT NULL CHECK (status IN ('AKTIF', 'NONAKTIF')),
  start_date date,
  arrears_months integer CHECK (arrears_months >= 0),
  primary_facility text,
  import_id bigint NOT NULL, -- provenance; no foreign key (see person.import_id)
  import_line bigint,
  PRIMARY KEY (nik, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
-- One open period per NIK.
CREATE UNIQUE INDEX IF NOT EXISTS jkn_membership_current ON jkn_membership (nik) WHERE valid_to IS NULL;

CREATE UNLOGGED TABLE IF NOT EXISTS jkn_stage (
  line_no bigint NOT NULL,
  nik text COLLATE "C" NOT NULL,
  card_number text NOT NULL,
  name text,
  segment text NOT NULL,
  class smallint NOT NULL,
  status text NOT NULL,
  start_date date,
  arrears_months integer,
  primary_facility text
);
