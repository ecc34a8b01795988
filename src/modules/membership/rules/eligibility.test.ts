import { describe, expect, it } from 'vitest';
import { encodeNik } from '../../population/rules/nik.js';
import { decideEligibility, type EligibilityFacts, type ProgramSettings } from './eligibility.js';

const resident: ProgramSettings = { id: 1, effectiveFrom: '2018-01-01', bases: ['RESIDENT'], excludedSegments: ['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA'] };
const poorOnly: ProgramSettings = { ...resident, id: 2, bases: ['POOR'] };
const nik = encodeNik({ regionCode: '327501', birthDate: '1980-03-15', sex: 'L', serial: 1 });
const person = { nik, name: 'X', sex: 'L' as const, birthDate: '1980-03-15', noKk: '3275010101100001', ektpRecorded: true, deathDate: null, movedOutDate: null };
const facts = (over: Partial<EligibilityFacts>): EligibilityFacts => ({ nik, date: '2026-11-22', person, jkn: null, jknDataFrom: '2026-01-01', settings: resident, ...over });
const codes = (f: EligibilityFacts) => decideEligibility(f).reasons.map((r) => r.code);

describe('decideEligibility', () => {
  it('covers a registered resident under the resident basis', () => {
    expect(decideEligibility(facts({}))).toMatchObject({ eligible: true, basis: 'RESIDENT', rule: { code: 'MEM-3.1' } });
  });

  it('refuses from the day of death and of moving out, not the day before', () => {
    expect(decideEligibility(facts({ person: { ...person, deathDate: '2026-11-22' } })).eligible).toBe(false);
    expect(decideEligibility(facts({ person: { ...person, deathDate: '2026-11-23' } })).eligible).toBe(true);
    expect(codes(facts({ person: { ...person, movedOutDate: '2026-11-21' } }))).toContain('MOVED_OUT');
  });

  it('excludes active government-paid JKN only, and only while active', () => {
    expect(codes(facts({ jkn: { segment: 'PBI_APBD', status: 'AKTIF', cardNumber: '1', arrearsMonths: null } }))).toEqual(['PBI_JKN']);
    expect(decideEligibility(facts({ jkn: { segment: 'PBI_APBD', status: 'NONAKTIF', cardNumber: '1', arrearsMonths: null } })).eligible).toBe(true);
    expect(codes(facts({ jkn: { segment: 'PBPU', status: 'AKTIF', cardNumber: '1', arrearsMonths: null } }))).toEqual(['JKN_COB']);
  });

  it('under a poor-only basis, covers DTKS deciles 1–4 while active, and says why not otherwise', () => {
    const poor = decideEligibility(facts({ settings: poorOnly, poverty: { decile: 4, status: 'AKTIF' } }));
    expect(poor).toMatchObject({ eligible: true, basis: 'POOR', rule: { code: 'MEM-3.P' } });
    expect(poor.reasons.map((r) => r.code)).toContain('DTKS_POOR');
    for (const poverty of [null, { decile: 5, status: 'AKTIF' as const }, { decile: 1, status: 'NONAKTIF' as const }]) {
      const d = decideEligibility(facts({ settings: poorOnly, poverty }));
      expect(d.eligible).toBe(false);
      expect(d.reasons.find((r) => r.code === 'NOT_POOR')?.severity).toBe('BLOCK');
    }
  });

  it('still applies death and PBI exclusions to the poor', () => {
    const pov = { decile: 1, status: 'AKTIF' as const };
    expect(decideEligibility(facts({ settings: poorOnly, poverty: pov, person: { ...person, deathDate: '2026-01-01' } })).eligible).toBe(false);
    expect(
      decideEligibility(facts({ settings: poorOnly, poverty: pov, jkn: { segment: 'PBI_APBN', status: 'AKTIF', cardNumber: '1', arrearsMonths: null } })).eligible,
    ).toBe(false);
  });
});
