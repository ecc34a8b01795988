/**
 * The Dinas Sosial letterhead now comes from the one letterhead source
 * (`platform/documents/letterhead.ts`): the administrator's setting, else the
 * region of the population data. Kept as a name for this module's callers.
 */
import { letterheadFor, type Letterhead } from '../../platform/documents/letterhead.js';

export type { Letterhead };

/** From an admin_area name such as "KOTA BEKASI" alone (no setting); the generic "PEMERINTAH KOTA" when it is not one. */
export function letterhead(regencyName: string | null): Letterhead {
  return letterheadFor('SOCIAL', null, regencyName);
}
