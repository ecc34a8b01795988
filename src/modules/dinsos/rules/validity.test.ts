import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './categories.js';
import {
  MAX_BACKDATE_DAYS,
  addMonths,
  coverageEnd,
  coversOn,
  defaultValidTo,
  letterState,
  maxValidTo,
  overlaps,
  periodEnd,
  resolveRevocationDate,
  resolveValidity,
  type LetterPeriod,
} from './validity.js';

const TODAY = '2026-11-22';

describe('periods', () => {
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-11-22', 6)).toBe('2027-05-22');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-03-10', 24)).toBe('2028-03-10');
  });

  it('ends a period the day before the same date n units later (inclusive end)', () => {
    expect(periodEnd('2026-11-22', 'month', 6)).toBe('2027-05-21');
    expect(periodEnd('2026-01-01', 'month', 12)).toBe('2026-12-31');
    expect(periodEnd('2026-11-22', 'day', 60)).toBe('2027-01-20');
    expect(periodEnd('2026-11-22', 'day', 1)).toBe('2026-11-22');
  });

  it('gives each category its default and maximum', () => {
    expect(defaultValidTo('TIDAK_MAMPU', TODAY)).toBe('2027-05-21');
    expect(maxValidTo('TIDAK_MAMPU', TODAY)).toBe('2027-11-21');
    expect(defaultValidTo('ORANG_TERLANTAR', TODAY)).toBe('2027-02-21');
    expect(maxValidTo('ORANG_TERLANTAR', TODAY)).toBe('2027-05-21');
    expect(maxValidTo('TAHANAN', TODAY)).toBe('2027-01-20');
    for (const c of CATEGORIES) expect(defaultValidTo(c, TODAY) <= maxValidTo(c, TODAY)).toBe(true);
  });
});

describe('resolveValidity', () => {
  it('defaults to today and the category length', () => {
    expect(resolveValidity('TIDAK_MAMPU', null, null, TODAY)).toEqual({
      validFrom: TODAY,
      validTo: '2027-05-21',
      problems: [],
    });
    expect(resolveValidity('WARGA_BINAAN_LAPAS', '2026-12-01', undefined, TODAY)).toMatchObject({
      validFrom: '2026-12-01',
      validTo: '2027-11-30',
      problems: [],
    });
  });

  it('accepts exactly the longest period and refuses one day more', () => {
    expect(resolveValidity('TIDAK_MAMPU', TODAY, '2027-11-21', TODAY).problems).toEqual([]);
    const p = resolveValidity('TIDAK_MAMPU', TODAY, '2027-11-22', TODAY).problems;
    expect(p.map((x) => x.code)).toEqual(['VALIDITY_TOO_LONG']);
    expect(p[0]!.message).toContain('12 bulan');
    expect(p[0]!.message).toContain('21 November 2027');
    expect(resolveValidity('TAHANAN', TODAY, '2027-01-21', TODAY).problems.map((x) => x.code)).toEqual([
      'VALIDITY_TOO_LONG',
    ]);
    expect(resolveValidity('TAHANAN', TODAY, '2027-01-20', TODAY).problems).toEqual([]);
  });

  it('lets a letter start up to a week back and a month ahead', () => {
    expect(resolveValidity('TIDAK_MAMPU', '2026-11-15', null, TODAY).problems).toEqual([]);
    expect(resolveValidity('TIDAK_MAMPU', '2026-11-14', null, TODAY).problems.map((x) => x.code)).toEqual([
      'VALID_FROM_TOO_EARLY',
    ]);
    expect(MAX_BACKDATE_DAYS).toBe(7);
    expect(resolveValidity('TIDAK_MAMPU', '2026-12-22', null, TODAY).problems).toEqual([]);
    expect(resolveValidity('TIDAK_MAMPU', '2026-12-23', null, TODAY).problems.map((x) => x.code)).toEqual([
      'VALID_FROM_TOO_LATE',
    ]);
  });

  it('refuses an end before the start and dates that are not dates', () => {
    expect(resolveValidity('PENGHUNI_PANTI', TODAY, '2026-11-21', TODAY).problems.map((x) => x.code)).toEqual([
      'VALID_TO_BEFORE_FROM',
    ]);
    expect(resolveValidity('PENGHUNI_PANTI', '2026-02-30', null, TODAY).problems).toEqual([
      expect.objectContaining({ code: 'INVALID_DATE', field: 'validFrom' }),
    ]);
    expect(resolveValidity('PENGHUNI_PANTI', null, '22-11-2027', TODAY).problems).toEqual([
      expect.objectContaining({ code: 'INVALID_DATE', field: 'validTo' }),
    ]);
  });
});

const active: LetterPeriod = { validFrom: '2026-11-01', validTo: '2027-04-30', status: 'ACTIVE', revokedOn: null };
const revoked = (on: string): LetterPeriod => ({ ...active, status: 'REVOKED', revokedOn: on });

describe('coverage', () => {
  it('covers from the first to the last day inclusive', () => {
    expect(coversOn(active, '2026-10-31')).toBe(false);
    expect(coversOn(active, '2026-11-01')).toBe(true);
    expect(coversOn(active, '2027-04-30')).toBe(true);
    expect(coversOn(active, '2027-05-01')).toBe(false);
  });

  it('stops covering on the revocation date', () => {
    const r = revoked('2027-01-10');
    expect(coverageEnd(r)).toBe('2027-01-09');
    expect(coversOn(r, '2027-01-09')).toBe(true);
    expect(coversOn(r, '2027-01-10')).toBe(false);
    expect(coverageEnd(revoked('2026-11-01'))).toBeNull();
    expect(coversOn(revoked('2026-11-01'), '2026-11-01')).toBe(false);
  });

  it('finds overlaps with what a letter actually covers', () => {
    expect(overlaps(active, '2027-04-30', '2027-06-01')).toBe(true);
    expect(overlaps(active, '2027-05-01', '2027-06-01')).toBe(false);
    expect(overlaps(active, '2026-01-01', '2026-11-01')).toBe(true);
    expect(overlaps(revoked('2027-01-10'), '2027-01-10', '2027-03-01')).toBe(false);
    expect(overlaps(revoked('2027-01-10'), '2027-01-09', '2027-03-01')).toBe(true);
    expect(overlaps(revoked('2026-11-01'), '2026-11-01', '2027-03-01')).toBe(false);
  });

  it('names the state of a letter on a day', () => {
    expect(letterState(active, '2026-10-31')).toBe('NOT_YET_VALID');
    expect(letterState(active, '2026-11-22')).toBe('ACTIVE');
    expect(letterState(active, '2027-05-01')).toBe('EXPIRED');
    expect(letterState(revoked('2026-12-01'), '2026-11-22')).toBe('ACTIVE');
    expect(letterState(revoked('2026-12-01'), '2026-12-01')).toBe('REVOKED');
    expect(letterState(revoked('2026-11-01'), '2026-10-20')).toBe('REVOKED');
    expect(letterState(revoked('2026-12-01'), '2027-06-01')).toBe('REVOKED');
  });
});

describe('resolveRevocationDate', () => {
  it('defaults to today, or to the start when the letter has not begun', () => {
    expect(resolveRevocationDate(active, null, TODAY)).toEqual({ revokedOn: TODAY, problems: [] });
    expect(resolveRevocationDate({ validFrom: '2026-12-01', validTo: '2027-05-31' }, undefined, TODAY)).toEqual({
      revokedOn: '2026-12-01',
      problems: [],
    });
  });

  it('accepts a date within the letter, including a past one, and nothing outside it', () => {
    expect(resolveRevocationDate(active, '2026-11-01', TODAY).problems).toEqual([]);
    expect(resolveRevocationDate(active, '2027-04-30', TODAY).problems).toEqual([]);
    expect(resolveRevocationDate(active, '2026-10-31', TODAY).problems.map((p) => p.code)).toEqual([
      'REVOKE_BEFORE_START',
    ]);
    expect(resolveRevocationDate(active, '2027-05-01', TODAY).problems.map((p) => p.code)).toEqual([
      'REVOKE_AFTER_END',
    ]);
    expect(resolveRevocationDate(active, '2027-13-01', TODAY).problems.map((p) => p.code)).toEqual(['INVALID_DATE']);
  });

  it('asks for a date when the letter has already ended', () => {
    const r = resolveRevocationDate(active, null, '2027-06-01');
    expect(r.problems.map((p) => p.code)).toEqual(['REVOKE_AFTER_END']);
    expect(r.problems[0]!.message).toContain('1 November 2026');
  });
});
