import { describe, expect, it } from 'vitest';
import { encodeNik } from '../../population/index.js';
import { decideEligibility, type EligibilityFacts, type ProgramSettings } from './eligibility.js';

const resident: ProgramSettings = {
  id: 1,
  effectiveFrom: '2018-01-01',
  bases: ['RESIDENT'],
  excludedSegments: ['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA'],
};
const poorOnly: ProgramSettings = { ...resident, id: 2, bases: ['POOR'] };
const nik = encodeNik({ regionCode: '327501', birthDate: '1980-03-15', sex: 'L', serial: 1 });
const person = {
  nik,
  name: 'X',
  sex: 'L' as const,
  birthDate: '1980-03-15',
  noKk: '3275010101100001',
  ektpRecorded: true,
  deathDate: null,
  movedOutDate: null,
};
const facts = (over: Partial<EligibilityFacts>): EligibilityFacts => ({
  nik,
  date: '2026-11-22',
  person,
  jkn: null,
  jknDataFrom: '2026-01-01',
  settings: resident,
  ...over,
});
const codes = (f: EligibilityFacts) => decideEligibility(f).reasons.map((r) => r.code);

describe('decideEligibility', () => {
  it('covers a registered resident under the resident basis', () => {
    expect(decideEligibility(facts({}))).toMatchObject({
      eligible: true,
      basis: 'RESIDENT',
      rule: { code: 'MEM-3.1' },
    });
  });

  it('refuses from the day of death and of moving out, not the day before', () => {
    expect(decideEligibility(facts({ person: { ...person, deathDate: '2026-11-22' } })).eligible).toBe(false);
    expect(decideEligibility(facts({ person: { ...person, deathDate: '2026-11-23' } })).eligible).toBe(true);
    expect(codes(facts({ person: { ...person, movedOutDate: '2026-11-21' } }))).toContain('MOVED_OUT');
  });

  it('excludes active government-paid JKN only, and only while active', () => {
    expect(
      codes(facts({ jkn: { segment: 'PBI_APBD', status: 'AKTIF', cardNumber: '1', arrearsMonths: null } })),
    ).toEqual(['PBI_JKN']);
    expect(
      decideEligibility(
        facts({ jkn: { segment: 'PBI_APBD', status: 'NONAKTIF', cardNumber: '1', arrearsMonths: null } }),
      ).eligible,
    ).toBe(true);
    expect(codes(facts({ jkn: { segment: 'PBPU', status: 'AKTIF', cardNumber: '1', arrearsMonths: null } }))).toEqual([
      'JKN_COB',
    ]);
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
    expect(
      decideEligibility(facts({ settings: poorOnly, poverty: pov, person: { ...person, deathDate: '2026-01-01' } }))
        .eligible,
    ).toBe(false);
    expect(
      decideEligibility(
        facts({
          settings: poorOnly,
          poverty: pov,
          jkn: { segment: 'PBI_APBN', status: 'AKTIF', cardNumber: '1', arrearsMonths: null },
        }),
      ).eligible,
    ).toBe(false);
  });

  it('dies today: not covered today, covered yesterday; moved yesterday: not covered today', () => {
    const diedToday = { ...person, deathDate: '2026-11-22' };
    expect(codes(facts({ person: diedToday }))).toContain('DECEASED');
    expect(decideEligibility(facts({ person: diedToday, date: '2026-11-21' })).eligible).toBe(true);
    const movedYesterday = { ...person, movedOutDate: '2026-11-21' };
    expect(decideEligibility(facts({ person: movedYesterday })).eligible).toBe(false);
    expect(decideEligibility(facts({ person: movedYesterday, date: '2026-11-20' })).eligible).toBe(true);
  });

  it('a person who moved in is a resident from the move-in date only', () => {
    const movedIn = { ...person, residentFrom: '2026-06-01' };
    expect(decideEligibility(facts({ person: movedIn })).eligible).toBe(true);
    const before = decideEligibility(facts({ person: movedIn, date: '2026-05-31' }));
    expect(before.eligible).toBe(false);
    expect(before.reasons.map((r) => r.code)).toContain('NOT_YET_RESIDENT');
  });

  it('uses the settings in force on the date: a mid-year change from universal to poor-only', () => {
    // The service passes the settings in force on each date; the same person is decided by each in turn.
    const january = decideEligibility(facts({ date: '2026-01-15', settings: resident, poverty: null }));
    const july = decideEligibility(
      facts({ date: '2026-07-15', settings: { ...poorOnly, effectiveFrom: '2026-07-01' }, poverty: null }),
    );
    expect(january).toMatchObject({ eligible: true, basis: 'RESIDENT' });
    expect(july).toMatchObject({ eligible: false, rule: { code: 'MEM-3.P' } });
  });

  describe('newborns (MEM-3.2)', () => {
    const babyNik = encodeNik({ regionCode: '327501', birthDate: '2026-11-10', sex: 'P', serial: 7 });
    const birth = {
      regNumber: 'BY-2026-000001',
      childName: 'BAYI NY. X',
      sex: 'P' as const,
      birthDate: '2026-11-10',
      noKk: person.noKk,
      documentKind: 'SURAT_KETERANGAN_LAHIR' as const,
      parentMemberAtBirth: true,
    };
    const all: ProgramSettings = { ...resident, bases: ['RESIDENT', 'NEWBORN', 'DINSOS_RECOMMENDATION'] };
    const baby = (over: Partial<EligibilityFacts>) =>
      facts({ nik: babyNik, person: null, settings: all, birth, ...over });

    it('before the birth is recorded the NIK is unknown', () => {
      expect(codes(baby({ birth: null }))).toEqual(['NOT_FOUND']);
    });

    it('once recorded, covered from the birth date (not the day before) when a parent was a member at birth', () => {
      expect(decideEligibility(baby({}))).toMatchObject({
        eligible: true,
        basis: 'NEWBORN',
        rule: { code: 'MEM-3.2' },
      });
      expect(decideEligibility(baby({ date: '2026-11-10' })).eligible).toBe(true);
      expect(codes(baby({ date: '2026-11-09' }))).toContain('NOT_YET_BORN');
    });

    it('not covered when no parent was a member at birth, or the program has no newborn basis', () => {
      const d = decideEligibility(baby({ birth: { ...birth, parentMemberAtBirth: false } }));
      expect(d.eligible).toBe(false);
      expect(d.reasons.map((r) => r.code)).toContain('NEWBORN_PARENT_NOT_MEMBER');
      expect(decideEligibility(baby({ settings: resident })).eligible).toBe(false);
    });

    it('a newborn already in the population is a resident', () => {
      const inPopulation = { ...person, nik: babyNik, sex: 'P' as const, birthDate: '2026-11-10' };
      expect(decideEligibility(baby({ person: inPopulation }))).toMatchObject({ eligible: true, basis: 'RESIDENT' });
    });
  });

  describe('Dinsos recommendations (MEM-3.3)', () => {
    const withDinsos: ProgramSettings = { ...poorOnly, bases: ['POOR', 'DINSOS_RECOMMENDATION'] };
    const rec = {
      number: '0001/REK-JKD/DINSOS/2026',
      personName: 'X',
      sex: 'L' as const,
      birthDate: '1980-03-15',
      noKk: null,
      category: 'TIDAK_MAMPU' as const,
      validFrom: '2026-06-01',
      validTo: '2026-11-23',
      revokedOn: null,
    };
    const f = (over: Partial<EligibilityFacts>) => facts({ settings: withDinsos, recommendation: rec, ...over });

    it('covers while the letter is in force, including its last day (expiring tomorrow)', () => {
      expect(decideEligibility(f({}))).toMatchObject({
        eligible: true,
        basis: 'DINSOS_RECOMMENDATION',
        rule: { code: 'MEM-3.3' },
      });
      expect(decideEligibility(f({ date: '2026-11-23' })).eligible).toBe(true);
    });

    it('the day after it ends, or from the day it is revoked, RECOMMENDATION_EXPIRED', () => {
      expect(codes(f({ date: '2026-11-24' }))).toContain('RECOMMENDATION_EXPIRED');
      expect(codes(f({ recommendation: { ...rec, revokedOn: '2026-11-22' } }))).toContain('RECOMMENDATION_EXPIRED');
      expect(
        decideEligibility(f({ date: '2026-11-21', recommendation: { ...rec, revokedOn: '2026-11-22' } })).eligible,
      ).toBe(true);
    });

    it('special groups need not be residents; the unable-to-pay category does', () => {
      const inmate = { ...rec, category: 'WARGA_BINAAN_LAPAS' as const };
      expect(decideEligibility(f({ person: null, recommendation: inmate }))).toMatchObject({
        eligible: true,
        basis: 'DINSOS_RECOMMENDATION',
      });
      expect(decideEligibility(f({ person: { ...person, movedOutDate: '2026-01-01' } })).eligible).toBe(false);
    });

    it('a death or government-paid JKN still blocks', () => {
      expect(decideEligibility(f({ person: { ...person, deathDate: '2026-10-01' } })).eligible).toBe(false);
      expect(
        decideEligibility(f({ jkn: { segment: 'PBI_APBN', status: 'AKTIF', cardNumber: '1', arrearsMonths: null } }))
          .eligible,
      ).toBe(false);
    });
  });
});
