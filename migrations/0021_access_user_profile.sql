-- The signer of an official letter is a person, not a login: letters print the
-- officer's full name (app_user.full_name, already there), NIP and position.
ALTER TABLE app_user ADD COLUMN IF NOT EXISTS nip text;
ALTER TABLE app_user ADD COLUMN IF NOT EXISTS position text;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'app_user_nip_format') THEN
    -- NIP of a civil servant: 18 digits (PP 11/2017 numbering).
    ALTER TABLE app_user ADD CONSTRAINT app_user_nip_format CHECK (nip IS NULL OR nip ~ '^[0-9]{18}$');
  END IF;
END $$;
