-- In-app notifications: one row per message, addressed to a role (optionally
-- within one facility) or to one user. Reads are per user. Delivery through
-- other channels (e-mail, WhatsApp gateways) is recorded per channel later.
CREATE TABLE IF NOT EXISTS notification (
  id bigserial PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]{2,63}$'),
  -- Audience: a role (all its users, or only those of facility_code), or one user.
  role text,
  facility_code text REFERENCES facility (code),
  user_id bigint REFERENCES app_user (id),
  title text NOT NULL CHECK (title <> ''),
  body text NOT NULL DEFAULT '',
  -- Where in the app the matter is handled, e.g. /sjp/12.
  link text,
  entity_type text,
  entity_id text,
  -- Repeated reminders (deadline in 4 working hours, late) are sent once per key.
  dedupe_key text UNIQUE,
  CHECK ((role IS NOT NULL) <> (user_id IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS notification_role ON notification (role, facility_code, created_at DESC) WHERE role IS NOT NULL;
CREATE INDEX IF NOT EXISTS notification_user ON notification (user_id, created_at DESC) WHERE user_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS notification_read (
  notification_id bigint NOT NULL REFERENCES notification (id),
  user_id bigint NOT NULL REFERENCES app_user (id),
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, user_id)
);
