-- FAC-4 concerns members: each emergency report keeps the patient's coverage
-- on the admission date as decided when the report was filed (basis and
-- reasons as the eligibility check gives them). Reports filed before this
-- column existed stay NULL: not checked.
ALTER TABLE emergency_report
  ADD COLUMN IF NOT EXISTS eligible boolean,
  ADD COLUMN IF NOT EXISTS eligibility_basis text,
  ADD COLUMN IF NOT EXISTS eligibility_reasons jsonb;
