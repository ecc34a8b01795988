-- Referrals (rujukan, SPEC REF-1 … REF-7) and the reference tables they use:
-- the ICD-10 code list and the primary-care competency list (REF-6).

CREATE TABLE IF NOT EXISTS icd10 (
  code text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$'),
  title text NOT NULL CHECK (title <> ''),
  loaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS icd10_title_lower ON icd10 (lower(title));

-- Diagnoses primary care is expected to handle (REF-6). A code without a
-- decimal part ("J06") covers every sub-code ("J06.9").
CREATE TABLE IF NOT EXISTS primary_care_competency (
  code text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$'),
  title text NOT NULL CHECK (title <> ''),
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- Last number handed out per year; incremented in the creating transaction, so numbers have no gaps.
CREATE TABLE IF NOT EXISTS referral_counter (
  year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
  last_seq int NOT NULL CHECK (last_seq >= 0)
);

CREATE TABLE IF NOT EXISTS referral (
  id bigserial PRIMARY KEY,
  -- <seq 5 digits>/RUJ-JKD/<year>, e.g. 00012/RUJ-JKD/2026
  number text COLLATE "C" UNIQUE NOT NULL,
  year int NOT NULL,
  seq int NOT NULL CHECK (seq > 0),
  nik text COLLATE "C" NOT NULL CHECK (octet_length(nik) = 16),
  -- The name as the eligibility check gave it, kept for the letter.
  person_name text NOT NULL,
  -- NULL for an emergency admission without referral (REF-3).
  from_facility_code text COLLATE "C" REFERENCES facility (code),
  to_facility_code text COLLATE "C" NOT NULL REFERENCES facility (code),
  kind text NOT NULL CHECK (kind IN ('MEDICAL', 'NON_MEDICAL')),
  diagnosis_code text COLLATE "C" NOT NULL REFERENCES icd10 (code),
  status text NOT NULL CHECK (status IN ('AWAITING_BED', 'SENT', 'ARRIVED', 'ADMITTED', 'RETURNED', 'DECLINED')),
  created_at timestamptz NOT NULL DEFAULT now(),
  emergency boolean NOT NULL DEFAULT false,
  -- The eligibility decision at creation (shown on the letter and to the hospital).
  eligible boolean NOT NULL,
  eligibility_basis text,
  eligibility_reasons jsonb NOT NULL DEFAULT '[]',
  -- REF-6: the diagnosis was on the competency list when the referral was made.
  competency_flag boolean NOT NULL DEFAULT false,
  -- The office's review of a flagged referral: justified (e.g. complications) or not.
  competency_verdict text CHECK (competency_verdict IN ('JUSTIFIED', 'NOT_JUSTIFIED')),
  competency_note text,
  competency_reviewer text,
  competency_reviewed_at timestamptz,
  -- Whether the destination had an agreement in force (false only for emergencies).
  partner boolean NOT NULL,
  clinical_notes text NOT NULL DEFAULT '',
  -- REF-7: a hospital-to-hospital referral waits for the receiver to confirm a bed.
  bed_confirmed_at timestamptz,
  declined_reason text,
  arrived_at timestamptz,
  admitted_at timestamptz,
  -- REF-5 back-referral (rujukan balik).
  returned_at timestamptz,
  return_condition text,
  return_follow_up text,
  verify_code text COLLATE "C" UNIQUE NOT NULL,
  -- Double submission guard: the client's key for one "send" action.
  request_key text COLLATE "C",
  created_by bigint,
  creator_name text NOT NULL,
  UNIQUE (year, seq),
  CHECK (from_facility_code IS NOT NULL OR emergency),
  CHECK (status <> 'RETURNED' OR (return_condition IS NOT NULL AND return_follow_up IS NOT NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS referral_request_key ON referral (from_facility_code, request_key) WHERE request_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS referral_from ON referral (from_facility_code, created_at DESC);
CREATE INDEX IF NOT EXISTS referral_to ON referral (to_facility_code, status, created_at DESC);
CREATE INDEX IF NOT EXISTS referral_nik ON referral (nik);
CREATE INDEX IF NOT EXISTS referral_flagged ON referral (created_at DESC) WHERE competency_flag;
