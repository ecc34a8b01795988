/**
 * Family card numbers: `KS-<regency/city code, 4 digits>-<sequence, 7 digits>`,
 * e.g. `KS-3275-0000123` (the format of docs/contracts/eligibility-api.md).
 *
 * The region is the regency/city part of the family's village code (Kemendagri
 * codes: province 2 + regency 2), so a card says which city issued it. The
 * sequence comes from one PostgreSQL sequence for the deployment: numbers are
 * unique without any lookup, never reused, and may have gaps (a rolled-back
 * issue consumes its number). Seven digits allow 9,999,999 cards, about ten
 * times a city of 870,000 families with its reissues.
 */

export const CARD_NUMBER_PATTERN = /^KS-(\d{4})-(\d{7})$/;
export const MAX_SEQUENCE = 9_999_999;

/** '3275011001' → '3275'. */
export function regionOfVillage(villageCode: string): string {
  if (!/^\d{10}$/.test(villageCode)) throw new Error(`not a village code: ${villageCode}`);
  return villageCode.slice(0, 4);
}

export function formatCardNumber(region: string, sequence: number): string {
  if (!/^\d{4}$/.test(region)) throw new Error(`region must be 4 digits: ${region}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE)
    throw new Error(`card sequence out of range: ${sequence}`);
  return `KS-${region}-${String(sequence).padStart(7, '0')}`;
}

/** The parts of a card number as people type it (lower case, spaces or no dashes tolerated); null if it is not one. */
export function parseCardNumber(raw: string): { number: string; region: string; sequence: number } | null {
  const compact = raw.toUpperCase().replace(/[\s-]/g, '');
  const m = /^KS(\d{4})(\d{7})$/.exec(compact);
  if (!m) return null;
  const sequence = Number(m[2]);
  if (sequence < 1) return null;
  return { number: `KS-${m[1]}-${m[2]}`, region: m[1]!, sequence };
}
