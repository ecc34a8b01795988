import { describe, expect, it } from 'vitest';
import { checklist, requiredDocuments, sjpBasisOf } from './checklist.js';
import { letterNumber, transitionProblem } from './status.js';

describe('SJP-2 checklist', () => {
  it('asks a card holder for card, KTP, KK and the admission proof for inpatient care', () => {
    expect(requiredDocuments('INPATIENT', 'CARD')).toEqual(['KARTU', 'KTP', 'KK', 'BUKTI_RAWAT_INAP']);
  });
  it('asks a recommendation holder for the Dinsos letter instead of the card', () => {
    expect(requiredDocuments('EMERGENCY', 'RECOMMENDATION')).toEqual([
      'REKOMENDASI',
      'KTP',
      'KK',
      'SURAT_GAWAT_DARURAT',
    ]);
  });
  it('asks a newborn for the birth statement, no KTP', () => {
    expect(requiredDocuments('NEWBORN', 'CARD')).toEqual(['KARTU', 'KK', 'SURAT_KETERANGAN_LAHIR']);
  });
  it('marks what is present', () => {
    const c = checklist('OUTPATIENT', 'CARD', [{ requirement: 'KK' }, { requirement: 'BUKTI_RAWAT_INAP' }]);
    expect(c.map((i) => [i.code, i.present])).toEqual([
      ['KARTU', false],
      ['KTP', false],
      ['KK', true],
    ]);
  });
  it('maps the eligibility basis', () => {
    expect(sjpBasisOf('DINSOS_RECOMMENDATION')).toBe('RECOMMENDATION');
    expect(sjpBasisOf('RESIDENT')).toBe('CARD');
  });
});

describe('status transitions and numbering', () => {
  it('allows approval only of a submitted request', () => {
    expect(transitionProblem('SUBMITTED', 'approve')).toBeNull();
    expect(transitionProblem('DRAFT', 'approve')).toMatch(/Draf/);
    expect(transitionProblem('APPROVED', 'cancel')).toMatch(/Disetujui/);
    expect(transitionProblem('NEEDS_COMPLETION', 'submit')).toBeNull();
  });
  it('numbers letters per year', () => {
    expect(letterNumber(7, 2026)).toBe('00007/SJP/DINKES/2026');
  });
});
