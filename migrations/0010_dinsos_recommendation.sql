-- Dinas Sosial recommendation letters (Surat Rekomendasi Jaminan), SPEC DIN-1
-- and MEM-3.3. The eligibility rule reads this table: a letter covers its NIK
-- from valid_from to valid_to inclusive, and a revoked one only before revoked_on.

-- One row per year: the last number issued. The row is incremented in the
-- transaction that inserts the letter, so concurrent issuers queue on it and
-- a rolled-back letter gives its number back: numbers have no gaps.
CREATE TABLE IF NOT EXISTS recommendation_counter (
  year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
  last_seq int NOT NULL CHECK (last_seq >= 0)
);

CREATE TABLE IF NOT EXISTS recommendation (
  id bigserial PRIMARY KEY,
  -- <seq 4 digits>/REK-JKD/DINSOS/<year>, e.g. 0007/REK-JKD/DINSOS/2026
  number text COLLATE "C" NOT NULL UNIQUE,
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  seq int NOT NULL CHECK (seq > 0),
  nik text COLLATE "C" NOT NULL CHECK (octet_length(nik) = 16 AND translate(nik, '0123456789', '') = ''),
  person_name text COLLATE "C" NOT NULL CHECK (person_name <> ''),
  -- What the letter states about the person, kept as issued so a reprint is the same letter.
  sex char(1) NOT NULL CHECK (sex IN ('L', 'P')),
  birth_date date NOT NULL,
  no_kk text COLLATE "C" CHECK (no_kk IS NULL OR (octet_length(no_kk) = 16 AND translate(no_kk, '0123456789', '') = '')),
  address text,
  village_code text COLLATE "C",
  -- Whether the NIK was in the population data when the letter was issued.
  in_population boolean NOT NULL,
  category text NOT NULL CHECK (category IN ('TIDAK_MAMPU', 'WARGA_BINAAN_LAPAS', 'ORANG_TERLANTAR', 'PENGHUNI_PANTI', 'TAHANAN')),
  -- The lapas, rutan, panti or shelter; required for the special groups.
  institution text,
  reason text NOT NULL CHECK (reason <> ''),
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'REVOKED')),
  -- Coverage ends on revoked_on: not covered from that day.
  revoked_on date,
  revoke_reason text,
  revoked_by bigint REFERENCES app_user (id),
  revoker_name text,
  revoked_at timestamptz,
  verify_code text COLLATE "C" NOT NULL UNIQUE,
  issued_on date NOT NULL,
  issued_by bigint REFERENCES app_user (id),
  -- The officers as named at the time (a later change of account name does not rewrite a letter).
  issuer_name text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (year, seq),
  CHECK (valid_to >= valid_from),
  CHECK (category = 'TIDAK_MAMPU' OR (institution IS NOT NULL AND institution <> '')),
  CHECK (
    (status = 'ACTIVE' AND revoked_on IS NULL AND revoke_reason IS NULL)
    OR (status = 'REVOKED' AND revoked_on IS NOT NULL AND revoke_reason IS NOT NULL AND revoked_on >= valid_from)
  )
);
CREATE INDEX IF NOT EXISTS recommendation_nik_from ON recommendation (nik, valid_from);
CREATE INDEX IF NOT EXISTS recommendation_valid_to ON recommendation (valid_to) WHERE status = 'ACTIVE';
CREATE INDEX IF NOT EXISTS recommendation_person_name ON recommendation (person_name);
