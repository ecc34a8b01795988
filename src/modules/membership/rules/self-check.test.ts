import { describe, expect, it } from 'vitest';
import type { Decision } from './eligibility.js';
import { citizenAnswer, familyCardMatches, normaliseKk } from './self-check.js';

const decision = (over: Partial<Decision>, codes: string[] = []): Decision => ({
  eligible: true,
  basis: 'RESIDENT',
  cardStatus: 'NONE',
  rule: null,
  reasons: codes.map((code) => ({ code, severity: 'WARN', message: '' })),
  ...over,
});

describe('citizenAnswer', () => {
  it('answers the same for an unknown NIK and a wrong family card number', () => {
    const unknown = citizenAnswer(decision({ eligible: false }, ['NOT_FOUND']), true);
    expect(citizenAnswer(decision({}), false)).toEqual(unknown);
    expect(citizenAnswer(null, false)).toEqual(unknown);
    expect(unknown.status).toBe('NO_MATCH');
  });

  it('tells a covered resident what to do, including recording the e-KTP', () => {
    const a = citizenAnswer(decision({ cardStatus: 'PENDING_EKTP' }, ['CARD_PENDING_EKTP', 'JKN_INACTIVE']), true);
    expect(a.status).toBe('COVERED');
    expect(a.card).toBe('PENDING_EKTP');
    expect(a.nextSteps.join(' ')).toMatch(/Rekam e-KTP/);
    expect(a.nextSteps.join(' ')).toMatch(/aktifkan kembali/);
  });

  it('sends PBI members to their JKN card and inactive records to Disdukcapil', () => {
    const pbi = citizenAnswer(decision({ eligible: false, basis: null, cardStatus: 'ACTIVE' }, ['PBI_JKN']), true);
    expect(pbi.title).toMatch(/JKN-PBI/);
    // Covered by the national scheme: not the red 'not covered' answer.
    expect(pbi.status).toBe('COVERED_BY_JKN');
    // The family's Kartu Sehat does not cover a PBI member: not a word about it.
    expect(pbi.card).toBeNull();
    expect(JSON.stringify(pbi)).not.toMatch(/Kartu Sehat|Kartu Keluarga/);
    expect(citizenAnswer(decision({ eligible: false, basis: null }, ['DECEASED']), true).nextSteps[0]).toMatch(
      /Disdukcapil/,
    );
  });

  it('never carries a name or a number', () => {
    const a = citizenAnswer(decision({}, ['JKN_COB']), true);
    expect(Object.keys(a).sort()).toEqual(['card', 'nextSteps', 'status', 'title']);
  });

  it('sends a lapsed letter holder to Dinas Sosial and explains a newborn whose parents were not members', () => {
    expect(
      citizenAnswer(decision({ eligible: false, basis: null }, ['RECOMMENDATION_EXPIRED']), true).nextSteps[0],
    ).toMatch(/Dinas Sosial/);
    expect(
      citizenAnswer(decision({ eligible: false, basis: null }, ['NEWBORN_PARENT_NOT_MEMBER']), true).title,
    ).toMatch(/orang tua bayi/);
  });

  it('takes a KK number as typed and matches it only against a number on record', () => {
    expect(normaliseKk('3275 0101 0100 0001')).toBe('3275010101000001');
    expect(normaliseKk('3275-0101.0100-0001')).toBe('3275010101000001');
    expect(normaliseKk('327501010100000')).toBeNull();
    expect(normaliseKk('32750101010000012')).toBeNull();
    expect(familyCardMatches('3275010101000001', '3275010101000001')).toBe(true);
    expect(familyCardMatches('3275010101000001', '3275010101000002')).toBe(false);
    expect(familyCardMatches(null, '3275010101000001')).toBe(false);
  });
});
