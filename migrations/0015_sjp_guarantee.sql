-- Guarantee letters (SJP, Surat Jaminan Pelayanan), SPEC SJP-1 … SJP-4 and SJP-7.
-- A request is filed by a hospital desk (for its own facility) or at the office,
-- collects its supporting documents, and is decided by the SJP officer. An
-- approved request carries a yearly number and is the letter.

-- Program setting: what happens to a request submitted after its deadline
-- (SJP-1). The row with the latest effective_from on or before the day of
-- submission applies; without a row the request is accepted and its lateness recorded.
CREATE TABLE IF NOT EXISTS sjp_setting (
  id bigserial PRIMARY KEY,
  effective_from date NOT NULL UNIQUE,
  late_policy text NOT NULL CHECK (late_policy IN ('ACCEPT', 'REFUSE')),
  note text NOT NULL CHECK (note <> ''),
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per year: the last letter number issued, incremented in the approving
-- transaction so numbers have no gaps.
CREATE TABLE IF NOT EXISTS sjp_counter (
  year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
  last_seq int NOT NULL CHECK (last_seq >= 0)
);

CREATE TABLE IF NOT EXISTS sjp_request (
  id bigserial PRIMARY KEY,
  -- Public tracking and verification code (Crockford base32); the QR on the letter points to it.
  tracking_code text COLLATE "C" NOT NULL UNIQUE,
  -- <seq 5 digits>/SJP/DINKES/<year>, given on approval.
  number text COLLATE "C" UNIQUE,
  year int,
  seq int,
  -- The patient; NULL only for a newborn without a NIK yet (then birth_id is set).
  nik text COLLATE "C" CHECK (nik IS NULL OR (octet_length(nik) = 16 AND translate(nik, '0123456789', '') = '')),
  patient_name text NOT NULL,
  facility_code text NOT NULL REFERENCES facility (code),
  care_type text NOT NULL CHECK (care_type IN ('OUTPATIENT', 'INPATIENT', 'EMERGENCY', 'NEWBORN')),
  -- Admission (or, for outpatient care, the visit) in time and as its Jakarta date.
  admitted_at timestamptz NOT NULL,
  admission_date date NOT NULL,
  diagnosis_code text COLLATE "C" NOT NULL CHECK (diagnosis_code <> ''),
  diagnosis_text text,
  -- SJP-7: class III only; above-class placement is recorded, never an upgrade.
  care_class text NOT NULL DEFAULT 'III' CHECK (care_class = 'III'),
  basis text NOT NULL CHECK (basis IN ('CARD', 'RECOMMENDATION')),
  eligibility_basis text,
  referral_id bigint REFERENCES referral (id),
  birth_id bigint,
  mother_nik text COLLATE "C",
  origin text NOT NULL CHECK (origin IN ('FACILITY', 'OFFICE')),
  status text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED')),
  -- SJP-1 deadline for complete papers, and lateness at the latest submission (working hours, 0 = on time).
  due_at timestamptz NOT NULL,
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  late_hours numeric(9, 2),
  missing text[] NOT NULL DEFAULT '{}',
  completion_note text,
  reject_code text,
  reject_note text,
  cancel_reason text,
  valid_from date,
  valid_to date,
  decided_at timestamptz,
  decided_by bigint REFERENCES app_user (id),
  decider_name text,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (nik IS NOT NULL OR birth_id IS NOT NULL)
);

-- Double submission: one open request per patient, facility, care type and admission day.
CREATE UNIQUE INDEX IF NOT EXISTS sjp_request_open_once
  ON sjp_request (coalesce(nik, 'B' || birth_id::text), facility_code, care_type, admission_date)
  WHERE status IN ('DRAFT', 'SUBMITTED', 'NEEDS_COMPLETION');
CREATE INDEX IF NOT EXISTS sjp_request_facility_status ON sjp_request (facility_code, status);
CREATE INDEX IF NOT EXISTS sjp_request_status_due ON sjp_request (status, due_at);
CREATE INDEX IF NOT EXISTS sjp_request_nik ON sjp_request (nik);

-- The SJP-2 checklist: which uploaded document answers which requirement.
CREATE TABLE IF NOT EXISTS sjp_document (
  request_id bigint NOT NULL REFERENCES sjp_request (id),
  requirement text NOT NULL,
  document_id bigint NOT NULL REFERENCES stored_document (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, requirement, document_id)
);

-- Every status change, for the timeline shown to the hospital and the office.
CREATE TABLE IF NOT EXISTS sjp_event (
  id bigserial PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES sjp_request (id),
  at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL,
  note text,
  actor_name text
);
CREATE INDEX IF NOT EXISTS sjp_event_request ON sjp_event (request_id, id);

-- SJP-5: incidental cases (intensive care, chemotherapy) need the office's
-- approval for each medical action, each special consumable (AMHP khusus) and
-- the discharge. A discharge on a non-working day is handled on the next working day.
CREATE TABLE IF NOT EXISTS sjp_action (
  id bigserial PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES sjp_request (id),
  kind text NOT NULL CHECK (kind IN ('MEDICAL_ACTION', 'SPECIAL_CONSUMABLE', 'DISCHARGE')),
  unit text NOT NULL CHECK (unit IN ('HCU', 'ICU', 'ICCU', 'NICU', 'PICU', 'PERINATOLOGI', 'KEMOTERAPI')),
  description text NOT NULL CHECK (description <> ''),
  planned_on date NOT NULL,
  handled_on date NOT NULL,
  document_id bigint REFERENCES stored_document (id),
  status text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED')),
  decision_note text,
  decided_at timestamptz,
  decider_name text,
  requested_by_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS sjp_action_request ON sjp_action (request_id, id);

-- SJP-6: deposits a patient paid to the hospital (they appear on the claim).
CREATE TABLE IF NOT EXISTS sjp_deposit (
  id bigserial PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES sjp_request (id),
  amount bigint NOT NULL CHECK (amount > 0),
  paid_on date NOT NULL,
  document_id bigint REFERENCES stored_document (id),
  note text,
  recorded_by_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS sjp_deposit_request ON sjp_deposit (request_id, id);

-- SJP-6: a patient switching from self-pay mid-stay: costs before the cut-off are the patient's.
ALTER TABLE sjp_request ADD COLUMN IF NOT EXISTS cost_cutoff_at timestamptz;
-- SJP-7: placed above class III because class III was full (paid at the incidental tariff).
ALTER TABLE sjp_request ADD COLUMN IF NOT EXISTS placed_class text CHECK (placed_class IS NULL OR placed_class IN ('II', 'I', 'VIP'));
ALTER TABLE sjp_request ADD COLUMN IF NOT EXISTS placed_since timestamptz;
