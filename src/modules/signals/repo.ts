import type { Queryable } from '../../platform/db/index.js';
import { OPEN_STAY_HOURS, type SignalKind } from './rules/signals.js';
import { periodInForce } from '../../platform/db/period.js';

export interface SignalRow {
  kind: SignalKind;
  nik: string;
  name: string | null;
  village_code: string | null;
  since: string | null;
  evidence: Record<string, unknown>;
}

// Inpatient and emergency stays of a NIK, from SJP requests and from referrals' admissions. An approved
// discharge ends the stay at the start of its (Jakarta) day: a same-day admission elsewhere is not flagged.
const STAYS = `
  SELECT s.nik, s.facility_code, s.admitted_at AS from_at,
         (SELECT min(a.handled_on)::timestamp AT TIME ZONE 'Asia/Jakarta' FROM sjp_action a WHERE a.request_id = s.id AND a.kind = 'DISCHARGE' AND a.status = 'APPROVED') AS until_at,
         coalesce(s.number, 'SJP ' || s.tracking_code) AS ref
  FROM sjp_request s
  WHERE s.nik IS NOT NULL AND s.care_type IN ('INPATIENT', 'EMERGENCY') AND s.status NOT IN ('REJECTED', 'CANCELLED')
  UNION ALL
  SELECT r.nik, r.to_facility_code, r.admitted_at, r.returned_at, r.number
  FROM referral r
  WHERE r.admitted_at IS NOT NULL`;

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
  // Printed on an active card as a program member (included; a member marked "dijamin JKN-PBI" is not)
  // while, on the check date, the JKN period in force — the latest begun and not ended, as the eligibility
  // facts choose it — is active in a government-paid segment the settings in force exclude.
  PBI_WITH_ACTIVE_CARD: `
    SELECT 'PBI_WITH_ACTIVE_CARD' AS kind, m.nik, p.name, p.village_code, j.valid_from::text AS since,
           jsonb_build_object('card', c.number, 'segment', j.segment, 'jknSince', j.valid_from::text, 'cardIssuedOn', c.issued_on::text,
             'coverageAtIssue', m.coverage) AS evidence
    FROM family_card_member m
    JOIN family_card c ON c.id = m.card_id AND c.status = 'ACTIVE' AND c.issued_on <= $2::date
    JOIN LATERAL (
      SELECT jm.segment, jm.status, jm.valid_from FROM jkn_membership jm
      WHERE jm.nik = m.nik AND ${periodInForce('jm', '$2::date')}
      ORDER BY jm.valid_from DESC LIMIT 1
    ) j ON true
    LEFT JOIN person p ON p.nik = m.nik
    WHERE m.included AND m.coverage IS DISTINCT FROM 'PBI_JKN' AND j.status = 'AKTIF' AND j.segment = ANY($1::text[])`,
  // A second admission elsewhere before the first stay ended (or, its end unrecorded, within $1 hours), not a transfer.
  TWO_HOSPITALS_AT_ONCE: `
    WITH stays AS (${STAYS}),
    pairs AS (
      SELECT a.nik, b.from_at AS second_at,
             jsonb_build_object(
               'first', jsonb_build_object('facility', coalesce(fa.name, a.facility_code), 'admittedAt', a.from_at, 'endedAt', a.until_at, 'ref', a.ref),
               'second', jsonb_build_object('facility', coalesce(fb.name, b.facility_code), 'admittedAt', b.from_at, 'endedAt', b.until_at, 'ref', b.ref)) AS pair
      FROM stays a
      JOIN stays b ON b.nik = a.nik AND b.facility_code <> a.facility_code
        AND (b.from_at > a.from_at OR (b.from_at = a.from_at AND b.facility_code > a.facility_code))
        AND b.from_at < coalesce(a.until_at, a.from_at + make_interval(hours => $1::int))
      LEFT JOIN facility fa ON fa.code = a.facility_code
      LEFT JOIN facility fb ON fb.code = b.facility_code
      WHERE NOT EXISTS (
        SELECT 1 FROM referral t
        WHERE t.nik = a.nik AND t.from_facility_code = a.facility_code AND t.to_facility_code = b.facility_code
          AND t.created_at >= a.from_at AND t.created_at <= b.from_at)
    )
    SELECT 'TWO_HOSPITALS_AT_ONCE' AS kind, x.nik, p.name, p.village_code, min(x.second_at)::date::text AS since,
           jsonb_build_object('stays', jsonb_agg(x.pair ORDER BY x.second_at)) AS evidence
    FROM pairs x LEFT JOIN person p ON p.nik = x.nik
    GROUP BY x.nik, p.name, p.village_code`,
};

export async function findSignals(
  q: Queryable,
  kind: SignalKind,
  params: {
    lookbackDays: number;
    excludedSegments: string[];
    date: string;
    district: string | null;
    limit: number;
    offset: number;
  },
): Promise<{ rows: SignalRow[]; total: number }> {
  const args: unknown[] =
    kind === 'CARD_USED_AFTER_DEATH'
      ? [params.lookbackDays]
      : kind === 'PBI_WITH_ACTIVE_CARD'
        ? [params.excludedSegments, params.date]
        : kind === 'TWO_HOSPITALS_AT_ONCE'
          ? [OPEN_STAY_HOURS]
          : [];
  const n = args.length;
  const filtered = `SELECT * FROM (${SQL[kind]}) s WHERE ($${n + 1}::text IS NULL OR s.village_code LIKE $${n + 1} || '%')`;
  const r = await q.query<SignalRow & { total: string }>(
    `SELECT f.*, count(*) OVER () AS total FROM (${filtered}) f ORDER BY f.since DESC NULLS LAST, f.nik LIMIT $${n + 2} OFFSET $${n + 3}`,
    [...args, params.district, params.limit, params.offset],
  );
  return { rows: r.rows, total: r.rows[0] ? Number(r.rows[0].total) : 0 };
}
