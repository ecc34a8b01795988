-- Extra days off on top of the national holidays computed in code (SPEC SJP-1):
-- cuti bersama, local days off, and national days off the holiday library misses.
CREATE TABLE IF NOT EXISTS day_off (
  date date PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('CUTI_BERSAMA', 'LIBUR_LOKAL', 'LIBUR_NASIONAL_TAMBAHAN')),
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
