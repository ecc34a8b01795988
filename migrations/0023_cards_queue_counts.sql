-- The home page counts the card queues on every visit of the membership desk and
-- the leadership: cards not printed yet, and printed but not handed over. Each
-- partial index holds only its queue, so counting it costs the queue's length,
-- not the whole register's (src/modules/cards/counts.ts).
CREATE INDEX IF NOT EXISTS family_card_to_print ON family_card (id)
  WHERE status = 'ACTIVE' AND printed_at IS NULL;
CREATE INDEX IF NOT EXISTS family_card_to_hand_over ON family_card (id)
  WHERE status = 'ACTIVE' AND printed_at IS NOT NULL AND handed_over_on IS NULL;
