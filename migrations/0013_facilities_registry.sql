-- The facility registry of the care pathway (SPEC §5, FAC-1…FAC-6): the
-- richer facility attributes, cooperation agreements (PKS), the bed board,
-- monthly service reports, sanctions and emergency reports from facilities
-- without an agreement.

ALTER TABLE facility ADD COLUMN IF NOT EXISTS kind text;
ALTER TABLE facility ADD COLUMN IF NOT EXISTS class text;
ALTER TABLE facility ADD COLUMN IF NOT EXISTS ownership text;
ALTER TABLE facility ADD COLUMN IF NOT EXISTS location text;
ALTER TABLE facility ADD COLUMN IF NOT EXISTS is_rsud boolean NOT NULL DEFAULT false;
ALTER TABLE facility ADD COLUMN IF NOT EXISTS address text;
ALTER TABLE facility ADD COLUMN IF NOT EXISTS phone text;

-- A cooperation agreement (perjanjian kerja sama) with the health office.
-- In force on date d when valid_from <= d <= valid_to (inclusive) and it was
-- not terminated on or before d.
CREATE TABLE IF NOT EXISTS facility_agreement (
  id bigserial PRIMARY KEY,
  facility_code text NOT NULL REFERENCES facility (code),
  number text NOT NULL UNIQUE,
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  services text[] NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'TERMINATED')),
  terminated_on date NULL,
  termination_reason text,
  document_id bigint REFERENCES stored_document (id),
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_from <= valid_to),
  CHECK ((status = 'TERMINATED') = (terminated_on IS NOT NULL)),
  CHECK (services <@ ARRAY['RAWAT_JALAN', 'RAWAT_INAP', 'GAWAT_DARURAT', 'PERSALINAN', 'INTENSIF', 'HEMODIALISA', 'KEMOTERAPI']::text[]
         AND cardinality(services) > 0)
);
CREATE INDEX IF NOT EXISTS facility_agreement_facility ON facility_agreement (facility_code, valid_to);

-- Bed availability as reported by a hospital; the latest row per facility is the board.
CREATE TABLE IF NOT EXISTS bed_report (
  id bigserial PRIMARY KEY,
  facility_code text NOT NULL REFERENCES facility (code),
  reported_at timestamptz NOT NULL DEFAULT now(),
  class3_total int NOT NULL CHECK (class3_total >= 0),
  class3_available int NOT NULL CHECK (class3_available >= 0 AND class3_available <= class3_total),
  above_class_patients int NOT NULL DEFAULT 0 CHECK (above_class_patients >= 0),
  reported_by bigint REFERENCES app_user (id)
);
CREATE INDEX IF NOT EXISTS bed_report_latest ON bed_report (facility_code, reported_at DESC, id DESC);

-- A hospital's monthly service report, due by the 5th of the following month.
CREATE TABLE IF NOT EXISTS monthly_report (
  id bigserial PRIMARY KEY,
  facility_code text NOT NULL REFERENCES facility (code),
  period text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  outpatient_visits int NOT NULL CHECK (outpatient_visits >= 0),
  inpatient_admissions int NOT NULL CHECK (inpatient_admissions >= 0),
  class3_patient_days int NOT NULL CHECK (class3_patient_days >= 0),
  referrals_received int NOT NULL CHECK (referrals_received >= 0),
  referrals_back int NOT NULL CHECK (referrals_back >= 0),
  deaths int NOT NULL CHECK (deaths >= 0),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  submitted_by bigint REFERENCES app_user (id),
  UNIQUE (facility_code, period)
);

-- Sanctions against a partner facility (Perda 9/2018): the last one terminates the agreement.
CREATE TABLE IF NOT EXISTS facility_sanction (
  id bigserial PRIMARY KEY,
  facility_code text NOT NULL REFERENCES facility (code),
  kind text NOT NULL CHECK (kind IN ('TEGURAN_LISAN', 'TEGURAN_TERTULIS', 'TIDAK_DIREKOMENDASIKAN', 'PEMUTUSAN')),
  imposed_on date NOT NULL,
  basis text NOT NULL CHECK (length(btrim(basis)) BETWEEN 1 AND 2000),
  document_id bigint REFERENCES stored_document (id),
  agreement_id bigint REFERENCES facility_agreement (id),
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS facility_sanction_facility ON facility_sanction (facility_code, imposed_on DESC);

-- Emergency care at a facility without an agreement: reported within 3×24
-- working hours of admission, then referred on to a partner.
CREATE TABLE IF NOT EXISTS emergency_report (
  id bigserial PRIMARY KEY,
  facility_code text NOT NULL REFERENCES facility (code),
  nik text COLLATE "C" NOT NULL CHECK (octet_length(nik) = 16 AND translate(nik, '0123456789', '') = ''),
  admitted_at timestamptz NOT NULL,
  condition text NOT NULL CHECK (length(btrim(condition)) BETWEEN 1 AND 2000),
  onward_facility_code text REFERENCES facility (code),
  deadline_at timestamptz NOT NULL,
  reported_at timestamptz NOT NULL DEFAULT now(),
  reported_by bigint REFERENCES app_user (id)
);
CREATE INDEX IF NOT EXISTS emergency_report_facility ON emergency_report (facility_code, reported_at DESC);
