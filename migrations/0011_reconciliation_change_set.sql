-- MEM-7 reconciliation: after the first (baseline) load, a population snapshot
-- or JKN file no longer changes the register directly. It becomes a change set
-- that an officer reviews; only approved items take effect.

-- An import waits for its change set's decision, and a rejected one stays in
-- the history as rejected.
ALTER TABLE population_import DROP CONSTRAINT IF EXISTS population_import_status_check;
ALTER TABLE population_import ADD CONSTRAINT population_import_status_check
  CHECK (status IN ('running', 'pending_review', 'applied', 'rejected', 'failed'));
ALTER TABLE jkn_import DROP CONSTRAINT IF EXISTS jkn_import_status_check;
ALTER TABLE jkn_import ADD CONSTRAINT jkn_import_status_check
  CHECK (status IN ('running', 'pending_review', 'applied', 'rejected', 'failed'));

CREATE TABLE IF NOT EXISTS reconciliation_change_set (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('population', 'jkn')),
  -- population_import.id or jkn_import.id, by kind (no foreign key: two tables).
  import_id bigint NOT NULL,
  as_of date NOT NULL,
  -- The as-of date of the data the set was compared with.
  previous_as_of date,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED')),
  -- Items per kind when the set was made: {"DEATH": 12, ...}.
  totals jsonb NOT NULL DEFAULT '{}'::jsonb,
  item_count bigint NOT NULL DEFAULT 0,
  approved_count bigint NOT NULL DEFAULT 0,
  declined_count bigint NOT NULL DEFAULT 0,
  -- Approved items not applied because the record changed in the meantime.
  stale_count bigint NOT NULL DEFAULT 0,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_by bigint REFERENCES app_user (id),
  decided_by_username text,
  decided_at timestamptz,
  decision_note text,
  UNIQUE (kind, import_id),
  CHECK ((status = 'PENDING') = (decided_at IS NULL)),
  CHECK (status <> 'REJECTED' OR length(trim(decision_note)) > 0)
);
-- At most one set of a kind waits for review: a later import compares against
-- the register as it will be once that set is decided.
CREATE UNIQUE INDEX IF NOT EXISTS reconciliation_change_set_one_pending
  ON reconciliation_change_set (kind) WHERE status = 'PENDING';

-- One proposed change of one NIK. `after` keeps the new values themselves
-- (only the fields of its kind; the whole record for a new person; the whole
-- JKN row), so approval needs nothing from the stage table. For JKN, a NULL
-- `after` means the NIK is no longer in the file: its period ends.
CREATE TABLE IF NOT EXISTS reconciliation_item (
  id bigserial PRIMARY KEY,
  -- No foreign key: items are written set-wise with their header, in one transaction.
  change_set_id bigint NOT NULL,
  nik text COLLATE "C" NOT NULL CHECK (octet_length(nik) = 16),
  kind text NOT NULL CHECK (kind IN (
    'BIRTH', 'MOVE_IN', 'DEATH', 'MOVE_OUT', 'MISSING', 'FAMILY_CHANGE', 'ADDRESS_CHANGE', 'EKTP_RECORDED', 'CORRECTION',
    'NEWLY_PBI', 'NO_LONGER_PBI', 'UNKNOWN_NIK', 'OTHER_JKN')),
  -- For totals and filters by district/village; NULL for a NIK the population does not know.
  village_code text COLLATE "C",
  name text,
  -- Row of the imported file (NULL for a NIK absent from it).
  line_no bigint,
  before jsonb,
  after jsonb,
  effective_date date NOT NULL,
  decision text NOT NULL DEFAULT 'PENDING' CHECK (decision IN ('PENDING', 'APPROVED', 'DECLINED', 'STALE'))
);
CREATE INDEX IF NOT EXISTS reconciliation_item_set_kind ON reconciliation_item (change_set_id, kind, id);
CREATE INDEX IF NOT EXISTS reconciliation_item_set_village ON reconciliation_item (change_set_id, village_code);
