/**
 * Ranking partner hospitals for a referral (REF-1: "the nearest partner
 * hospital with capacity"). There are no village coordinates, so nearness is
 * administrative: the Kemendagri area code (PP KK DD VVVV) of the hospital's
 * village against the referring facility's, then the registry's location category.
 */
import { PROXIMITY, PROXIMITY_LABEL, type Proximity } from '../labels.js';

export { PROXIMITY, PROXIMITY_LABEL };
export type { Proximity };
export type LocationCategory = 'DALAM_KOTA' | 'PERBATASAN' | 'LUAR_KOTA';

export function proximity(
  originVillage: string | null,
  village: string | null,
  location: LocationCategory | null,
): Proximity {
  if (location === 'LUAR_KOTA') return 'OUTSIDE';
  if (location === 'PERBATASAN') return 'BORDERING';
  const a = originVillage ?? '';
  const b = village ?? '';
  if (a.length === 10 && a === b) return 'SAME_VILLAGE';
  if (a.length >= 6 && a.slice(0, 6) === b.slice(0, 6)) return 'SAME_DISTRICT';
  if (a.length >= 4 && a.slice(0, 4) === b.slice(0, 4)) return 'SAME_CITY';
  // The registry says it is in the city but the codes cannot tell where: treat it as in the city.
  if (location === 'DALAM_KOTA' || !b) return 'SAME_CITY';
  if (a.length >= 2 && a.slice(0, 2) === b.slice(0, 2)) return 'BORDERING';
  return 'OUTSIDE';
}

export interface Candidate {
  code: string;
  name: string;
  villageCode: string | null;
  location: LocationCategory | null;
  /** Free class III beds on the latest bed report; null when the hospital never reported. */
  freeBeds: number | null;
}

export type Ranked<C extends Candidate> = C & { proximity: Proximity; rank: number };

/** Nearest first; among equally near hospitals the one with more free class III beds; then by name. */
export function rankDestinations<C extends Candidate>(
  originVillage: string | null,
  candidates: readonly C[],
): Ranked<C>[] {
  return candidates
    .map((c) => ({ ...c, proximity: proximity(originVillage, c.villageCode, c.location) }))
    .sort(
      (x, y) =>
        PROXIMITY.indexOf(x.proximity) - PROXIMITY.indexOf(y.proximity) ||
        (y.freeBeds ?? -1) - (x.freeBeds ?? -1) ||
        x.name.localeCompare(y.name, 'id') ||
        x.code.localeCompare(y.code),
    )
    .map((c, i) => ({ ...c, rank: i + 1 }));
}
