-- "Agreement in force" has one owner, the facilities module (FAC-2): every
-- module that asks whether a facility is a partner on a date, and with which
-- services, reads these instead of repeating the rule over facility_agreement.
--
-- The rule (kept equal to src/modules/facilities/rules/agreement.ts inForce):
-- an agreement is in force on day d when valid_from <= d <= valid_to (both
-- ends inclusive) and it was not terminated on or before d (the termination
-- date is the first day without cover).
--
-- facility_agreements_in_force(d) gives the agreements in force on d.
-- facility_agreements_in_force(from_date, to_date) widens that to a period
-- (the monthly-report roll): the period overlaps [valid_from, valid_to] and
-- the agreement was not terminated on or before from_date. A
-- plain SQL function (STABLE, one SELECT) is inlined by the planner, so
-- callers keep their index use.
CREATE OR REPLACE FUNCTION facility_agreements_in_force(from_date date, to_date date DEFAULT NULL)
RETURNS TABLE (
  id bigint,
  facility_code text,
  number text,
  services text[],
  valid_from date,
  valid_to date,
  terminated_on date
)
LANGUAGE sql STABLE AS $$
  SELECT a.id, a.facility_code, a.number, a.services, a.valid_from, a.valid_to, a.terminated_on
  FROM facility_agreement a
  WHERE a.valid_from <= COALESCE($2, $1)
    AND a.valid_to >= $1
    AND (a.terminated_on IS NULL OR a.terminated_on > $1)
$$;

-- The latest bed report of each hospital (the bed board), for modules that
-- show free class-3 beds beside a facility (referral ranking).
CREATE OR REPLACE VIEW facility_latest_bed_report AS
  SELECT DISTINCT ON (b.facility_code)
         b.facility_code, b.reported_at, b.class3_total, b.class3_available, b.above_class_patients
  FROM bed_report b
  ORDER BY b.facility_code, b.reported_at DESC, b.id DESC;
