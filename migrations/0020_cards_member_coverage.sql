-- Each card member's coverage on the card's issue date, as the eligibility
-- rule decided it (membership/rules/eligibility.ts, SPEC MEM-3/MEM-4/MEM-5),
-- so that a printed card can be explained later (decision 0020).
--   COVERED  a Jamkesda member on the issue date (included, or pending e-KTP)
--   PBI_JKN  listed to mirror the KK but marked "dijamin JKN-PBI": a
--            government-paid JKN member is not a Jamkesda member (Perda 9/2018 ps. 7)
-- NULL on cards issued before this migration: their coverage was not recorded.
ALTER TABLE family_card_member ADD COLUMN IF NOT EXISTS coverage text CHECK (coverage IN ('COVERED', 'PBI_JKN'));
-- The basis (RESIDENT, NEWBORN, …) and rule code (MEM-3.1, MEM-4, …) that decided it.
ALTER TABLE family_card_member ADD COLUMN IF NOT EXISTS coverage_basis text;
ALTER TABLE family_card_member ADD COLUMN IF NOT EXISTS coverage_rule text;
-- The JKN segment in force on the issue date, if any (why a PBI member is marked).
ALTER TABLE family_card_member ADD COLUMN IF NOT EXISTS jkn_segment text;

-- `included` (on the card and covered by it) now also requires coverage: a
-- member marked JKN-PBI is never included and never "pending".
ALTER TABLE family_card_member DROP CONSTRAINT IF EXISTS family_card_member_pending;
ALTER TABLE family_card_member ADD CONSTRAINT family_card_member_pending
  CHECK (included = (pending_reason IS NULL AND coverage IS DISTINCT FROM 'PBI_JKN'));
ALTER TABLE family_card_member DROP CONSTRAINT IF EXISTS family_card_member_pbi_not_pending;
ALTER TABLE family_card_member ADD CONSTRAINT family_card_member_pbi_not_pending
  CHECK (coverage IS DISTINCT FROM 'PBI_JKN' OR pending_reason IS NULL);
