import type { Queryable } from '../../platform/db/index.js';
import { periodInForce } from '../../platform/db/period.js';

export interface VillageFigures {
  district_code: string;
  district_name: string | null;
  village_code: string;
  village_name: string | null;
  residents: number;
  members: number;
  pending_ektp: number;
  cards_active: number;
  cards_printed: number;
  cards_handed_over: number;
  newborns: number;
  recommendations: number;
}

/**
 * Membership figures per village on a date, in one set-based statement: a
 * single pass over the population joined to the JKN and DTKS periods in force,
 * plus the card register, birth records and Dinsos letters.
 * `members` counts residents covered under the resident or poor-only basis;
 * newborns and letter holders are reported in their own columns.
 */
export async function membershipByVillage(
  q: Queryable,
  p: {
    date: string;
    excludedSegments: string[];
    residentBasis: boolean;
    poorBasis: boolean;
    poorMaxDecile: number;
    area: string | null;
  },
): Promise<VillageFigures[]> {
  const r = await q.query<VillageFigures>(
    `WITH res AS (
       SELECT p.village_code, count(*) AS residents,
              count(*) FILTER (WHERE NOT p.ektp_recorded) AS pending_ektp,
              count(*) FILTER (WHERE j.nik IS NULL AND ($3::boolean OR ($4::boolean AND v.nik IS NOT NULL))) AS members
       FROM person p
       LEFT JOIN jkn_membership j ON j.nik = p.nik AND j.status = 'AKTIF' AND j.segment = ANY($2::text[])
         AND ${periodInForce('j', '$1::date')}
       LEFT JOIN poverty_status v ON v.nik = p.nik AND v.dtks_status = 'AKTIF' AND v.decile <= $5
         AND ${periodInForce('v', '$1::date')}
       WHERE p.birth_date <= $1::date AND (p.death_date IS NULL OR p.death_date > $1::date)
         AND (p.moved_out_date IS NULL OR p.moved_out_date > $1::date) AND (p.resident_from IS NULL OR p.resident_from <= $1::date)
         AND ($6::text IS NULL OR p.village_code LIKE $6 || '%')
       GROUP BY p.village_code),
     cards AS (
       SELECT village_code, count(*) AS cards_active,
              count(*) FILTER (WHERE printed_at IS NOT NULL AND printed_at::date <= $1::date) AS cards_printed,
              count(*) FILTER (WHERE handed_over_on IS NOT NULL AND handed_over_on <= $1::date) AS cards_handed_over
       FROM family_card
       WHERE issued_on <= $1::date AND (ended_on IS NULL OR ended_on > $1::date) AND ($6::text IS NULL OR village_code LIKE $6 || '%')
       GROUP BY village_code),
     born AS (
       SELECT pp.village_code, count(*) AS newborns
       FROM birth_record b JOIN person pp ON pp.nik = coalesce(b.mother_nik, b.father_nik)
       WHERE b.status = 'ACTIVE' AND b.birth_date <= $1::date AND b.recorded_at::date <= $1::date
         AND ($6::text IS NULL OR pp.village_code LIKE $6 || '%')
       GROUP BY pp.village_code),
     rec AS (
       SELECT village_code, count(*) AS recommendations
       FROM recommendation
       WHERE village_code IS NOT NULL AND valid_from <= $1::date AND valid_to >= $1::date AND (revoked_on IS NULL OR revoked_on > $1::date)
         AND ($6::text IS NULL OR village_code LIKE $6 || '%')
       GROUP BY village_code),
     villages AS (SELECT village_code FROM res UNION SELECT village_code FROM cards UNION SELECT village_code FROM born UNION SELECT village_code FROM rec)
     SELECT left(x.village_code, 6) AS district_code, d.name AS district_name, x.village_code, vn.name AS village_name,
            coalesce(res.residents, 0)::int AS residents, coalesce(res.members, 0)::int AS members, coalesce(res.pending_ektp, 0)::int AS pending_ektp,
            coalesce(cards.cards_active, 0)::int AS cards_active, coalesce(cards.cards_printed, 0)::int AS cards_printed,
            coalesce(cards.cards_handed_over, 0)::int AS cards_handed_over, coalesce(born.newborns, 0)::int AS newborns,
            coalesce(rec.recommendations, 0)::int AS recommendations
     FROM villages x
     LEFT JOIN res USING (village_code) LEFT JOIN cards USING (village_code) LEFT JOIN born USING (village_code) LEFT JOIN rec USING (village_code)
     LEFT JOIN admin_area vn ON vn.code = x.village_code
     LEFT JOIN admin_area d ON d.code = left(x.village_code, 6)
     ORDER BY x.village_code`,
    [p.date, p.excludedSegments, p.residentBasis, p.poorBasis, p.poorMaxDecile, p.area],
  );
  return r.rows;
}
