import type { Queryable } from '../../platform/db/index.js';
import type { ReissueFlag } from './rules/reissue.js';
import { periodInForce } from '../../platform/db/period.js';

/**
 * Which active cards no longer match their family's coverage (decision 0020):
 * one set-based statement comparing what each card stored at issue with the
 * facts today — never a loop over people. It detects that a fact the
 * eligibility rule reads has changed since issue; the reissue itself places
 * every member again through the rule (membership service).
 *
 * Parameters: $1 today, $2 the JKN segments the settings in force exclude,
 * $3 an area prefix or NULL, $4 card ids or NULL.
 */
const FLAGS_SQL = `
  WITH cards AS (
    SELECT c.id, c.no_kk, c.issued_on, c.created_at FROM family_card c
    WHERE c.status = 'ACTIVE' AND ($3::text IS NULL OR c.village_code LIKE $3::text || '%') AND ($4::bigint[] IS NULL OR c.id = ANY($4::bigint[]))
  ),
  changes AS (
    -- A listed member: died, moved out, became or stopped being JKN-PBI, or recorded the missing e-KTP.
    SELECT m.card_id, CASE
        WHEN p.death_date <= $1::date THEN 'MEMBER_DIED'
        WHEN p.moved_out_date <= $1::date THEN 'MEMBER_MOVED'
        WHEN j.pbi AND m.coverage IS DISTINCT FROM 'PBI_JKN' THEN 'BECAME_PBI'
        WHEN NOT j.pbi AND m.coverage = 'PBI_JKN' THEN 'NO_LONGER_PBI'
        WHEN m.pending_reason = 'PENDING_EKTP' AND p.ektp_recorded THEN 'EKTP_RECORDED'
      END AS reason
    FROM cards c
    JOIN family_card_member m ON m.card_id = c.id
    LEFT JOIN person p ON p.nik = m.nik
    -- The JKN period in force today, chosen as the eligibility facts choose it (the latest begun, not ended).
    -- Plain joins, not LATERAL … LIMIT 1: for a whole city the planner can hash them; for a page of cards it uses the keys.
    LEFT JOIN (
      SELECT jm.nik, coalesce(jm.status = 'AKTIF' AND jm.segment = ANY($2::text[]), false) AS pbi
      FROM jkn_membership jm
      WHERE ${periodInForce('jm', '$1::date')}
        AND NOT EXISTS (SELECT 1 FROM jkn_membership later
                        WHERE later.nik = jm.nik AND later.valid_from > jm.valid_from
                          AND ${periodInForce('later', '$1::date')})
    ) jt ON jt.nik = m.nik
    CROSS JOIN LATERAL (SELECT coalesce(jt.pbi, false) AS pbi) j
    UNION ALL
    -- A current member of the KK the card does not list who arrived on or after the issue: born, first
    -- seen in a snapshot, moved in, or joined the KK by a change recorded after the card was made. (A member
    -- left off because not covered at issue is older than the card, so a card is never flagged for ever.)
    SELECT c.id, 'MEMBER_ADDED'
    FROM cards c
    JOIN person p ON p.no_kk = c.no_kk
    WHERE (p.death_date IS NULL OR p.death_date > $1::date) AND (p.moved_out_date IS NULL OR p.moved_out_date > $1::date)
      AND NOT EXISTS (SELECT 1 FROM family_card_member m WHERE m.card_id = c.id AND m.nik = p.nik)
      AND (p.birth_date >= c.issued_on OR p.first_seen_as_of >= c.issued_on OR p.resident_from >= c.issued_on
           OR EXISTS (SELECT 1 FROM membership_change mc
                      WHERE mc.nik = p.nik AND mc.kind IN ('NEW_RESIDENT', 'BIRTH', 'MOVE_IN', 'FAMILY_CHANGE') AND mc.recorded_at > c.created_at))
  )
  SELECT card_id, reason, count(*) AS n FROM changes WHERE reason IS NOT NULL GROUP BY card_id, reason`;

export interface FlagScope {
  today: string;
  excludedSegments: readonly string[];
  area?: string | null;
  cardIds?: readonly number[] | null;
}

export type CardFlags = Map<number, Partial<Record<ReissueFlag, number>>>;

/** Per flagged active card: each reason with the number of members it concerns. */
export async function reissueFlags(q: Queryable, s: FlagScope): Promise<CardFlags> {
  const r = await q.query<{ card_id: number; reason: ReissueFlag; n: number }>(FLAGS_SQL, [
    s.today,
    s.excludedSegments,
    s.area ?? null,
    s.cardIds ?? null,
  ]);
  const out: CardFlags = new Map();
  for (const x of r.rows) {
    const id = Number(x.card_id);
    const f = out.get(id) ?? {};
    f[x.reason] = Number(x.n);
    out.set(id, f);
  }
  return out;
}

/** The flagged cards of an area, in delivery order, as ids: what a bulk reissue works through. */
export async function flaggedCardIds(q: Queryable, s: FlagScope): Promise<number[]> {
  const r = await q.query<{ id: number }>(
    `SELECT c.id FROM family_card c WHERE c.id IN (SELECT card_id FROM (${FLAGS_SQL}) f)
     ORDER BY c.village_code, c.rw NULLS LAST, c.rt NULLS LAST, c.number`,
    [s.today, s.excludedSegments, s.area ?? null, s.cardIds ?? null],
  );
  return r.rows.map((x) => Number(x.id));
}
