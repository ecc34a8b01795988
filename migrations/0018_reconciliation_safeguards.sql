-- Issue 10, data safety of change sets.
--
-- A change set that would end an unusual share of residents (or JKN
-- memberships), or whose file has far fewer rows than the last one, is marked
-- suspect when it is made; `guard` keeps the figures the officer is shown
-- (residents before, rows in the file, rows of the last file, share ending,
-- the threshold in force). Approving its endings needs a typed confirmation.
ALTER TABLE reconciliation_change_set
  ADD COLUMN IF NOT EXISTS suspect boolean NOT NULL DEFAULT false,
  ADD COLUMN IF NOT EXISTS guard jsonb;

-- Decisions are taken kind by kind over several days: a set stays PENDING
-- until no item is left undecided. Each decision is a numbered round, so
-- approval applies exactly the items approved in that round; who decided
-- each item and when stays on the item.
ALTER TABLE reconciliation_change_set
  ADD COLUMN IF NOT EXISTS decision_rounds integer NOT NULL DEFAULT 0;
ALTER TABLE reconciliation_item
  ADD COLUMN IF NOT EXISTS decision_round integer,
  ADD COLUMN IF NOT EXISTS decided_by bigint REFERENCES app_user (id),
  ADD COLUMN IF NOT EXISTS decided_at timestamptz;
CREATE INDEX IF NOT EXISTS reconciliation_item_set_round ON reconciliation_item (change_set_id, decision_round) WHERE decision_round IS NOT NULL;
