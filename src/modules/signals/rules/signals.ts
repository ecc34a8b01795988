/**
 * MEM-10: patterns that suggest a card is lent or misused (Perda 9/2018 ps. 13
 * and 23), from the data the membership register holds. Each signal carries
 * its evidence so the officer can judge it; a signal is a lead, not a verdict.
 */
import type { SignalKind } from '../labels.js';

export { SIGNAL_ACTIONS, SIGNAL_KINDS, SIGNAL_TITLES, type SignalKind } from '../labels.js';

export interface SignalEvidence {
  kind: SignalKind;
  nik: string;
  [key: string]: unknown;
}

/**
 * How many days of eligibility checks are searched for a deceased person's NIK.
 * A year covers claims that arrive months after the service.
 */
export const DEATH_LOOKBACK_DAYS = 365;

/**
 * An admission at one hospital while the same NIK is still admitted at
 * another (SJP for inpatient or emergency care, or a referral's admission).
 * A stay ends at its approved discharge or back-referral; a stay whose end is
 * not recorded counts as ongoing for this many hours after admission — long
 * enough for a misused card, short enough not to flag a patient discharged
 * without a record and admitted elsewhere days later. A referral from the
 * first hospital to the second is a transfer, not a signal.
 */
export const OPEN_STAY_HOURS = 24;

/** A check for a service on or after the death date is a use of the deceased's identity; one for an earlier date is not. */
export function usedAfterDeath(serviceDate: string, deathDate: string): boolean {
  return serviceDate >= deathDate;
}
