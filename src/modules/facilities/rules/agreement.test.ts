import { describe, expect, it } from 'vitest';
import { checkNewAgreement, checkTermination, expiresWithin, inForce } from './agreement.js';

const pks = {
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  services: ['RAWAT_JALAN', 'RAWAT_INAP'],
  terminatedOn: null,
};

describe('agreement in force', () => {
  it('covers both ends of the period and nothing outside', () => {
    expect(inForce(pks, '2025-12-31')).toBe(false);
    expect(inForce(pks, '2026-01-01')).toBe(true);
    expect(inForce(pks, '2026-12-31')).toBe(true);
    expect(inForce(pks, '2027-01-01')).toBe(false);
  });
  it('ends the day before the termination date: the termination day itself is not covered', () => {
    const t = { ...pks, terminatedOn: '2026-06-15' };
    expect(inForce(t, '2026-06-14')).toBe(true);
    expect(inForce(t, '2026-06-15')).toBe(false);
    expect(inForce(t, '2026-12-31')).toBe(false);
  });
  it('terminated on its first day means never in force', () => {
    const t = { ...pks, terminatedOn: '2026-01-01' };
    expect(inForce(t, '2026-01-01')).toBe(false);
  });
  it('covers only the listed services', () => {
    expect(inForce(pks, '2026-03-01', 'RAWAT_INAP')).toBe(true);
    expect(inForce(pks, '2026-03-01', 'HEMODIALISA')).toBe(false);
  });
  it('handles the leap day and a one-day agreement', () => {
    const leap = { ...pks, validFrom: '2028-02-29', validTo: '2028-02-29' };
    expect(inForce(leap, '2028-02-28')).toBe(false);
    expect(inForce(leap, '2028-02-29')).toBe(true);
    expect(inForce(leap, '2028-03-01')).toBe(false);
  });
});

describe('expiring soon', () => {
  it('lists an agreement in force whose end falls within the horizon', () => {
    expect(expiresWithin(pks, '2026-11-01', '2026-12-31')).toBe(true);
    expect(expiresWithin(pks, '2026-11-01', '2026-12-30')).toBe(false);
    expect(expiresWithin(pks, '2027-01-02', '2027-03-01')).toBe(false);
    expect(expiresWithin({ ...pks, terminatedOn: '2026-12-01' }, '2026-11-01', '2026-12-31')).toBe(false);
  });
});

describe('new agreement checks', () => {
  it('accepts a proper agreement', () => {
    expect(
      checkNewAgreement({
        number: 'PKS/001/DINKES/2026',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        services: ['RAWAT_JALAN'],
      }),
    ).toEqual([]);
  });
  it('names every problem', () => {
    const p = checkNewAgreement({
      number: 'x',
      validFrom: '2026-02-30',
      validTo: '2025-01-01',
      services: ['RAWAT_JALAN', 'RAWAT_JALAN', 'SPA'],
    });
    expect(p.map((x) => x.field).sort()).toEqual(['number', 'services', 'services', 'validFrom']);
  });
  it('refuses an end before the start and an empty service list', () => {
    const p = checkNewAgreement({ number: 'PKS-1', validFrom: '2026-05-01', validTo: '2026-04-30', services: [] });
    expect(p.map((x) => x.field)).toEqual(['validTo', 'services']);
  });
});

describe('termination checks', () => {
  const active = { ...pks, status: 'ACTIVE' };
  it('must fall within the period', () => {
    expect(checkTermination(active, '2026-06-01')).toEqual([]);
    expect(checkTermination(active, '2026-12-31')).toEqual([]);
    expect(checkTermination(active, '2027-01-01')).toHaveLength(1);
    expect(checkTermination(active, '2026-13-01')).toHaveLength(1);
  });
  it('refuses a second termination', () => {
    expect(
      checkTermination({ ...active, status: 'TERMINATED', terminatedOn: '2026-03-01' }, '2026-04-01')[0]!.message,
    ).toMatch(/sudah diputus/);
  });
});
