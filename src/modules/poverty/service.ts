import type { Db } from '../../platform/db/index.js';
import { hasPovertyData } from './repo.js';

/** Whether DTKS data has been loaded: a poor-only basis is refused without it. */
export function povertyDataAvailable(db: Db): Promise<boolean> {
  return hasPovertyData(db);
}
