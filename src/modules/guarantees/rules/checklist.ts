import { REQUIREMENTS, type CareType, type Requirement, type SjpBasis } from '../labels.js';

export { REQUIREMENTS } from '../labels.js';
export type { Requirement, SjpBasis } from '../labels.js';
export const REQUIREMENT_CODES = Object.keys(REQUIREMENTS) as Requirement[];

/**
 * The documents a request needs (SJP-2): the card, or for a recommendation
 * holder the Dinsos letter instead; KTP and KK; the admission proof for
 * inpatient care; the doctor's emergency statement for emergencies. A newborn
 * has no KTP: the birth statement and the parent's card or letter and KK.
 */
export function requiredDocuments(careType: CareType, basis: SjpBasis): Requirement[] {
  const proof: Requirement = basis === 'RECOMMENDATION' ? 'REKOMENDASI' : 'KARTU';
  switch (careType) {
    case 'OUTPATIENT':
      return [proof, 'KTP', 'KK'];
    case 'INPATIENT':
      return [proof, 'KTP', 'KK', 'BUKTI_RAWAT_INAP'];
    case 'EMERGENCY':
      return [proof, 'KTP', 'KK', 'SURAT_GAWAT_DARURAT'];
    case 'NEWBORN':
      return [proof, 'KK', 'SURAT_KETERANGAN_LAHIR'];
  }
}

/** The checklist: each required item with whether a document answers it. */
export function checklist(careType: CareType, basis: SjpBasis, attached: readonly { requirement: string }[]) {
  const have = new Set(attached.map((a) => a.requirement));
  return requiredDocuments(careType, basis).map((code) => ({
    code,
    label: REQUIREMENTS[code],
    present: have.has(code),
  }));
}

/** Maps the membership basis of an eligibility decision to the SJP basis (card or recommendation). */
export function sjpBasisOf(eligibilityBasis: string | null): SjpBasis {
  return eligibilityBasis === 'DINSOS_RECOMMENDATION' ? 'RECOMMENDATION' : 'CARD';
}
