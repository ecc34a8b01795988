-- Family cards (KS-NIK, SPEC MEM-5): the card register, the members each card
-- lists, and print batches. A card is a snapshot of the family on its issue
-- date; when the family changes, the card is reissued, never edited.

-- KS-<regency>-<7 digits>: one sequence for the deployment; it stops rather
-- than wraps when seven digits run out.
CREATE SEQUENCE IF NOT EXISTS family_card_number_seq MINVALUE 1 MAXVALUE 9999999 NO CYCLE;

CREATE TABLE IF NOT EXISTS family_card_print_batch (
  id bigserial PRIMARY KEY,
  layout text NOT NULL CHECK (layout IN ('CARD', 'A4')),
  card_count integer NOT NULL CHECK (card_count > 0),
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS family_card (
  id bigserial PRIMARY KEY,
  number text COLLATE "C" NOT NULL UNIQUE CHECK (number ~ '^KS-[0-9]{4}-[0-9]{7}$'),
  no_kk text COLLATE "C" NOT NULL CHECK (octet_length(no_kk) = 16 AND translate(no_kk, '0123456789', '') = ''),
  issued_on date NOT NULL,
  -- The day the card stopped being valid (replaced or revoked); NULL while active.
  ended_on date,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'REPLACED', 'REVOKED')),
  -- The public code in the QR (platform/documents/codes.ts), never derived from the number.
  verify_code text COLLATE "C" NOT NULL UNIQUE,
  -- The family as printed on the front, on the issue date.
  region_code text COLLATE "C" NOT NULL CHECK (octet_length(region_code) = 4),
  village_code text COLLATE "C" NOT NULL CHECK (octet_length(village_code) = 10),
  head_nik text COLLATE "C",
  head_name text NOT NULL,
  address text,
  rt text,
  rw text,
  issue_reason text NOT NULL CHECK (issue_reason IN ('BARU', 'HILANG', 'RUSAK', 'PERUBAHAN_DATA')),
  issue_note text,
  replaces_card_id bigint REFERENCES family_card (id),
  issued_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  end_reason text CHECK (end_reason IN ('HILANG', 'RUSAK', 'PERUBAHAN_DATA',
    'KELUARGA_PINDAH', 'TIDAK_MEMENUHI_SYARAT', 'DATA_TIDAK_SAH', 'LAINNYA')),
  end_note text,
  ended_by bigint REFERENCES app_user (id),
  ended_at timestamptz,
  printed_at timestamptz,
  printed_by bigint REFERENCES app_user (id),
  print_batch_id bigint REFERENCES family_card_print_batch (id),
  handed_over_on date,
  handed_over_to text,
  handed_over_by bigint REFERENCES app_user (id),
  handed_over_at timestamptz,
  CONSTRAINT family_card_ended CHECK ((status = 'ACTIVE') = (ended_on IS NULL) AND (status = 'ACTIVE') = (end_reason IS NULL)),
  CONSTRAINT family_card_end_after_issue CHECK (ended_on IS NULL OR ended_on >= issued_on),
  CONSTRAINT family_card_printed CHECK ((printed_at IS NULL) = (print_batch_id IS NULL)),
  CONSTRAINT family_card_handover CHECK (handed_over_on IS NULL OR (printed_at IS NOT NULL AND handed_over_to IS NOT NULL))
);
-- At most one active card per family.
CREATE UNIQUE INDEX IF NOT EXISTS family_card_one_active ON family_card (no_kk) WHERE status = 'ACTIVE';
CREATE INDEX IF NOT EXISTS family_card_no_kk ON family_card (no_kk, issued_on);
-- The print queue: active cards by area prefix and issue date.
CREATE INDEX IF NOT EXISTS family_card_queue ON family_card (village_code, issued_on) WHERE status = 'ACTIVE';
CREATE INDEX IF NOT EXISTS family_card_batch ON family_card (print_batch_id) WHERE print_batch_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS family_card_replaces ON family_card (replaces_card_id) WHERE replaces_card_id IS NOT NULL;

-- Every member a card lists, in KK order. `included`: on the card and covered
-- by it; otherwise listed as pending, with the reason.
CREATE TABLE IF NOT EXISTS family_card_member (
  card_id bigint NOT NULL REFERENCES family_card (id),
  position smallint NOT NULL CHECK (position >= 1),
  nik text COLLATE "C" NOT NULL CHECK (octet_length(nik) = 16),
  name text NOT NULL,
  relation text NOT NULL,
  birth_date date NOT NULL,
  sex char(1) NOT NULL CHECK (sex IN ('L', 'P')),
  included boolean NOT NULL,
  pending_reason text CHECK (pending_reason IN ('PENDING_EKTP')),
  PRIMARY KEY (card_id, position),
  CONSTRAINT family_card_member_pending CHECK (included = (pending_reason IS NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS family_card_member_card_nik ON family_card_member (card_id, nik);
CREATE INDEX IF NOT EXISTS family_card_member_nik ON family_card_member (nik);
