-- Administrative areas of Indonesia (Kemendagri codes, from the idn-area-data package):
-- province (2 digits), regency/city (4), district/kecamatan (6), village/kelurahan/desa (10).
-- Codes are stored without dots; a child's code starts with its parent's.
CREATE TABLE IF NOT EXISTS admin_area (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]+$'),
  level text NOT NULL CHECK (level IN ('PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE')),
  parent_code text,
  name text NOT NULL CHECK (name <> ''),
  CONSTRAINT admin_area_code_length CHECK (length(code) =
    CASE level WHEN 'PROVINCE' THEN 2 WHEN 'REGENCY' THEN 4 WHEN 'DISTRICT' THEN 6 ELSE 10 END),
  CONSTRAINT admin_area_parent CHECK (
    CASE WHEN level = 'PROVINCE' THEN parent_code IS NULL
         ELSE parent_code IS NOT NULL AND left(code, length(parent_code)) = parent_code END)
);
CREATE INDEX IF NOT EXISTS admin_area_parent_code ON admin_area (parent_code);

-- Which version of a packaged reference data set is loaded, so a loader can skip work already done.
CREATE TABLE IF NOT EXISTS reference_version (
  name text PRIMARY KEY,
  version text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
