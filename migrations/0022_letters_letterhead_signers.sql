-- The letterhead (kop surat) every official letter prints: the region the
-- program belongs to, and each office's address. One row, set by the
-- administrator; without it letters fall back to the region of the population data.
CREATE TABLE IF NOT EXISTS letterhead_setting (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  region_kind text NOT NULL CHECK (region_kind IN ('KOTA', 'KABUPATEN')),
  region_name text NOT NULL CHECK (length(btrim(region_name)) BETWEEN 2 AND 80),
  health_office_address text CHECK (health_office_address IS NULL OR length(health_office_address) <= 200),
  social_office_address text CHECK (social_office_address IS NULL OR length(social_office_address) <= 200),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint
);

-- The back-referral letter (rujukan balik) is signed by the hospital officer who recorded it.
ALTER TABLE referral ADD COLUMN IF NOT EXISTS returned_by bigint;
ALTER TABLE referral ADD COLUMN IF NOT EXISTS returner_name text;
