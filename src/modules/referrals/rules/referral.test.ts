import { describe, expect, it } from 'vitest';
import {
  checkDestination,
  formatReferralNumber,
  initialStatus,
  transition,
  type DestinationFacts,
  type FacilityFacts,
} from './referral.js';

const pkm: FacilityFacts = { code: 'PKM1', name: 'Puskesmas A', level: 'PPK1', location: 'DALAM_KOTA' };
const rsCity: FacilityFacts = { code: 'RS1', name: 'RSUD Kota', level: 'PPK2', location: 'DALAM_KOTA' };
const rsBorder: FacilityFacts = { code: 'RS3', name: 'RS Perbatasan', level: 'PPK2', location: 'PERBATASAN' };
const dest = (over: Partial<DestinationFacts> = {}): DestinationFacts => ({
  code: 'RS2',
  name: 'RS Tujuan',
  level: 'PPK2',
  location: 'DALAM_KOTA',
  partner: true,
  freeBeds: 3,
  ...over,
});

describe('destination rules', () => {
  it('accepts a partner hospital with free beds', () => {
    expect(checkDestination(pkm, dest(), false)).toBeNull();
  });

  it('refuses a hospital without an agreement except in an emergency (FAC-2)', () => {
    expect(checkDestination(pkm, dest({ partner: false }), false)?.code).toBe('NO_AGREEMENT');
    expect(checkDestination(pkm, dest({ partner: false, freeBeds: 0 }), true)).toBeNull();
  });

  it('refuses a hospital with no free class III bed', () => {
    expect(checkDestination(pkm, dest({ freeBeds: 0 }), false)?.code).toBe('NO_FREE_BED');
    expect(checkDestination(pkm, dest({ freeBeds: null }), false)?.code).toBe('NO_FREE_BED');
  });

  it('out-of-city care only on a referral from a hospital in the city (REF-4)', () => {
    const out = dest({ location: 'LUAR_KOTA' });
    expect(checkDestination(pkm, out, false)?.code).toBe('OUT_OF_CITY_NEEDS_HOSPITAL_REFERRAL');
    expect(checkDestination(pkm, out, true)?.code).toBe('OUT_OF_CITY_NEEDS_HOSPITAL_REFERRAL');
    expect(checkDestination(rsBorder, out, false)?.code).toBe('OUT_OF_CITY_NEEDS_HOSPITAL_REFERRAL');
    expect(checkDestination(rsCity, out, false)).toBeNull();
  });

  it('refuses a puskesmas or the referring facility itself as destination', () => {
    expect(checkDestination(pkm, dest({ level: 'PPK1' }), false)?.code).toBe('NOT_A_HOSPITAL');
    expect(checkDestination(rsCity, dest({ code: 'RS1' }), false)?.code).toBe('SAME_FACILITY');
  });
});

describe('status flow', () => {
  it('a hospital referral waits for the bed confirmation (REF-7)', () => {
    expect(initialStatus(rsCity)).toBe('AWAITING_BED');
    expect(initialStatus(pkm)).toBe('SENT');
    expect(transition('AWAITING_BED', 'ARRIVE').ok).toBe(false);
    expect(transition('AWAITING_BED', 'CONFIRM_BED')).toEqual({ ok: true, status: 'SENT' });
  });

  it('a back-referral needs the patient seen first (REF-5)', () => {
    expect(transition('SENT', 'RETURN').ok).toBe(false);
    expect(transition('ADMITTED', 'RETURN')).toEqual({ ok: true, status: 'RETURNED' });
    expect(transition('RETURNED', 'RETURN').ok).toBe(false);
  });

  it('numbers per year', () => {
    expect(formatReferralNumber(12, 2026)).toBe('00012/RUJ-JKD/2026');
    expect(() => formatReferralNumber(0, 2026)).toThrow();
  });
});
