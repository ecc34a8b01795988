import type { Queryable } from '../../platform/db/index.js';
import type { SignalKind } from './rules/signals.js';

export interface SignalRow {
  kind: SignalKind;
  nik: string;
  name: string | null;
  village_code: string | null;
  since: string | null;
  evidence: Record<string, unknown>;
}

/**
 * One statement per kind, each set-based and driven from its smallest side:
 * deceased people (then their audited checks by index), active card members
 * (then their current family and JKN period by primary key / index).
 */
const SQL: Record<SignalKind, string> = {
  // An eligibility check by a facility for a service on or after the death date.
  CARD_USED_AFTER_DEATH: `
    SELECT 'CARD_USED_AFTER_DEATH' AS kind, p.nik, p.name, p.village_code, min(a.at)::date::text AS since,
           jsonb_build_object('deathDate', p.death_date::text, 'checks', count(*),
             'facilities', jsonb_agg(DISTINCT coalesce(f.name, a.facility_code)),
             'lastCheckAt', max(a.at), 'lastServiceDate', max(a.details->>'date')) AS evidence
    FROM person p
    JOIN audit_log a ON a.entity_type = 'person' AND a.entity_id = p.nik
    LEFT JOIN facility f ON f.code = a.facility_code
    WHERE p.death_date IS NOT NULL AND a.action = 'eligibility.check' AND a.facility_code IS NOT NULL
      AND a.at >= now() - make_interval(days => $1::int)
      AND (a.details->>'date') >= p.death_date::text
    GROUP BY p.nik, p.name, p.village_code, p.death_date`,
  // Listed on an active family card that is not the card of the family the registry now puts them in,
  // or on more than one active card.
  PERSON_IN_TWO_FAMILIES: `
    SELECT 'PERSON_IN_TWO_FAMILIES' AS kind, m.nik, max(p.name) AS name, max(p.village_code) AS village_code, min(c.issued_on)::text AS since,
           jsonb_build_object('currentKk', max(p.no_kk), 'cards', jsonb_agg(jsonb_build_object('number', c.number, 'kk', c.no_kk) ORDER BY c.number)) AS evidence
    FROM family_card_member m
    JOIN family_card c ON c.id = m.card_id AND c.status = 'ACTIVE'
    LEFT JOIN person p ON p.nik = m.nik
    WHERE m.included
    GROUP BY m.nik
    HAVING count(*) > 1 OR bool_or(p.no_kk IS NOT NULL AND p.no_kk <> c.no_kk)`,
  // On an active card and now in an active government-paid JKN segment excluded by the settings in force.
  PBI_WITH_ACTIVE_CARD: `
    SELECT 'PBI_WITH_ACTIVE_CARD' AS kind, m.nik, p.name, p.village_code, j.valid_from::text AS since,
           jsonb_build_object('card', c.number, 'segment', j.segment, 'jknSince', j.valid_from::text) AS evidence
    FROM family_card_member m
    JOIN family_card c ON c.id = m.card_id AND c.status = 'ACTIVE'
    JOIN jkn_membership j ON j.nik = m.nik AND j.valid_to IS NULL AND j.status = 'AKTIF'
    LEFT JOIN person p ON p.nik = m.nik
    WHERE m.included AND j.segment = ANY($1::text[])`,
};

export async function findSignals(
  q: Queryable,
  kind: SignalKind,
  params: { lookbackDays: number; excludedSegments: string[]; district: string | null; limit: number; offset: number },
): Promise<{ rows: SignalRow[]; total: number }> {
  const args: unknown[] = kind === 'CARD_USED_AFTER_DEATH' ? [params.lookbackDays] : kind === 'PBI_WITH_ACTIVE_CARD' ? [params.excludedSegments] : [];
  const n = args.length;
  const filtered = `SELECT * FROM (${SQL[kind]}) s WHERE ($${n + 1}::text IS NULL OR s.village_code LIKE $${n + 1} || '%')`;
  const r = await q.query<SignalRow & { total: string }>(
    `SELECT f.*, count(*) OVER () AS total FROM (${filtered}) f ORDER BY f.since DESC NULLS LAST, f.nik LIMIT $${n + 2} OFFSET $${n + 3}`,
    [...args, params.district, params.limit, params.offset],
  );
  return { rows: r.rows, total: r.rows[0] ? Number(r.rows[0].total) : 0 };
}
