import type { Db } from '../../platform/db/index.js';
import { POOR_MAX_DECILE } from '../membership/index.js';
import type { SettingsService } from '../membership/index.js';
import { membershipByVillage } from './membership-repo.js';
import { periodInForce } from '../../platform/db/period.js';

export interface Headline {
  date: string;
  residents: number;
  members: number;
  pendingEktp: number;
  /** Residents with an active JKN membership (any segment) on the date. */
  jknActive: number;
  /** Residents registered in JKN on the date, active or not (REP-5 "registered" coverage). */
  jknRegistered: number;
  cardsActive: number;
}

/**
 * The region's totals of the membership report on a date (no per-village
 * detail, not audited: aggregate counts only, no person's data), plus how many
 * residents hold an active JKN membership. Null when the program is not in force.
 */
export async function membershipHeadline(db: Db, settings: SettingsService, date: string): Promise<Headline | null> {
  const s = await settings.on(date);
  if (!s) return null;
  const rows = await membershipByVillage(db, {
    date,
    area: null,
    excludedSegments: s.excludedSegments,
    residentBasis: s.bases.includes('RESIDENT'),
    poorBasis: s.bases.includes('POOR'),
    poorMaxDecile: POOR_MAX_DECILE,
  });
  // One pass over the residents; EXISTS (not a join) so a person counts once whatever their JKN periods.
  const jkn = await db.query<{ active: number; registered: number }>(
    `SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM jkn_membership j WHERE j.nik = p.nik AND j.status = 'AKTIF'
                                             AND ${periodInForce('j', '$1::date')}))::int AS active,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM jkn_membership j WHERE j.nik = p.nik
                                             AND ${periodInForce('j', '$1::date')}))::int AS registered
     FROM person p
     WHERE p.birth_date <= $1::date AND (p.death_date IS NULL OR p.death_date > $1::date)
       AND (p.moved_out_date IS NULL OR p.moved_out_date > $1::date) AND (p.resident_from IS NULL OR p.resident_from <= $1::date)`,
    [date],
  );
  const sum = (k: 'residents' | 'members' | 'pending_ektp' | 'cards_active') => rows.reduce((t, r) => t + r[k], 0);
  return {
    date,
    residents: sum('residents'),
    members: sum('members'),
    pendingEktp: sum('pending_ektp'),
    jknActive: jkn.rows[0]!.active,
    jknRegistered: jkn.rows[0]!.registered,
    cardsActive: sum('cards_active'),
  };
}
