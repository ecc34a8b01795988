-- Membership beyond the population snapshot: supporting documents, birth
-- records (the newborn basis of MEM-3.2) and the membership change history
-- of MEM-6.

-- Supporting documents (birth statements, KK scans, letters…). The bytes live
-- in the data directory under their SHA-256; the database keeps what they are
-- and whose they are. A facility's documents are never served to another.
CREATE TABLE IF NOT EXISTS stored_document (
  id bigserial PRIMARY KEY,
  sha256 text COLLATE "C" NOT NULL CHECK (octet_length(sha256) = 64),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  file_name text NOT NULL,
  facility_code text REFERENCES facility (code),
  uploaded_by bigint REFERENCES app_user (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS stored_document_sha ON stored_document (sha256);

-- A recorded birth (akta kelahiran or surat keterangan lahir). The child is
-- covered from the birth date when a parent was a member on that date, even
-- before Dukcapil's next snapshot lists the child.
CREATE TABLE IF NOT EXISTS birth_record (
  id bigserial PRIMARY KEY,
  reg_number text COLLATE "C" NOT NULL UNIQUE,
  child_nik text COLLATE "C" CHECK (child_nik IS NULL OR (octet_length(child_nik) = 16 AND translate(child_nik, '0123456789', '') = '')),
  child_name text NOT NULL,
  sex char(1) NOT NULL CHECK (sex IN ('L', 'P')),
  birth_date date NOT NULL,
  birth_place text,
  mother_nik text COLLATE "C" CHECK (mother_nik IS NULL OR octet_length(mother_nik) = 16),
  father_nik text COLLATE "C" CHECK (father_nik IS NULL OR octet_length(father_nik) = 16),
  no_kk text COLLATE "C" NOT NULL CHECK (octet_length(no_kk) = 16),
  document_kind text NOT NULL CHECK (document_kind IN ('AKTA_KELAHIRAN', 'SURAT_KETERANGAN_LAHIR')),
  document_number text NOT NULL,
  document_id bigint NOT NULL REFERENCES stored_document (id),
  facility_code text REFERENCES facility (code),
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CANCELLED')),
  cancel_reason text,
  recorded_by bigint REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (mother_nik IS NOT NULL OR father_nik IS NOT NULL),
  CHECK (status = 'ACTIVE' OR cancel_reason IS NOT NULL)
);
CREATE UNIQUE INDEX IF NOT EXISTS birth_record_child_nik ON birth_record (child_nik) WHERE status = 'ACTIVE' AND child_nik IS NOT NULL;
CREATE INDEX IF NOT EXISTS birth_record_kk ON birth_record (no_kk);

-- Move-ins found by reconciliation are residents from the move-in date; NULL
-- means a resident since birth or since before the first snapshot.
ALTER TABLE person ADD COLUMN IF NOT EXISTS resident_from date;

-- MEM-6: every addition and reduction with its effective date, reason, source
-- and who recorded it. Append-only, like the audit log.
CREATE TABLE IF NOT EXISTS membership_change (
  id bigserial PRIMARY KEY,
  nik text COLLATE "C" NOT NULL CHECK (octet_length(nik) = 16),
  kind text NOT NULL CHECK (kind IN (
    'NEW_RESIDENT', 'BIRTH', 'MOVE_IN', 'NEWLY_ELIGIBLE',
    'DEATH', 'MOVE_OUT', 'NO_LONGER_ELIGIBLE',
    'NEWLY_PBI', 'NO_LONGER_PBI',
    'FAMILY_CHANGE', 'ADDRESS_CHANGE', 'CORRECTION')),
  effective_date date NOT NULL,
  reason text NOT NULL,
  source text NOT NULL CHECK (source IN ('RECONCILIATION', 'MANUAL', 'BIRTH_RECORD', 'RECOMMENDATION')),
  source_id bigint,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  recorded_by bigint REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS membership_change_nik ON membership_change (nik, effective_date);
CREATE INDEX IF NOT EXISTS membership_change_kind ON membership_change (kind, effective_date);

CREATE OR REPLACE FUNCTION membership_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'membership_change is append-only';
END $$;
DROP TRIGGER IF EXISTS membership_change_no_update ON membership_change;
CREATE TRIGGER membership_change_no_update BEFORE UPDATE OR DELETE ON membership_change
  FOR EACH ROW EXECUTE FUNCTION membership_change_append_only();
