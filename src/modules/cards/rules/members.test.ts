import { describe, expect, it } from 'vitest';
import {
  ageOn,
  cardDiffers,
  coverageOf,
  decideCardMembers as decide,
  type FamilyPerson,
  type MemberCoverage,
} from './members.js';

const ON = '2026-11-22';
const person = (over: Partial<FamilyPerson> & Pick<FamilyPerson, 'nik' | 'relation'>): FamilyPerson => ({
  name: `ORANG ${over.nik}`,
  sex: 'L',
  birthDate: '1980-01-01',
  ektpRecorded: true,
  ...over,
});

const head = person({ nik: 'H', relation: 'KEPALA KELUARGA', name: 'BUDI SANTOSO' });
const wifeNoEktp = person({ nik: 'W', relation: 'ISTRI', sex: 'P', birthDate: '1984-07-01', ektpRecorded: false });
const child = person({ nik: 'C', relation: 'ANAK', birthDate: '2012-01-20', ektpRecorded: false });
const grownChild = person({ nik: 'G', relation: 'ANAK', birthDate: '2000-05-05', ektpRecorded: false });

const COVERED: MemberCoverage = { status: 'COVERED', basis: 'RESIDENT', rule: 'MEM-3.1', jknSegment: null, why: null };
const PBI: MemberCoverage = {
  status: 'PBI_JKN',
  basis: null,
  rule: 'MEM-4',
  jknSegment: 'PBI_APBN',
  why: 'Peserta JKN segmen PBI APBN',
};
const NOT: MemberCoverage = {
  status: 'NOT_COVERED',
  basis: null,
  rule: 'MEM-3',
  jknSegment: null,
  why: 'Tidak memenuhi dasar kepesertaan',
};
/** Everyone covered unless `cov` says otherwise. */
const decideCardMembers = (people: FamilyPerson[], on: string, cov: Record<string, MemberCoverage> = {}) =>
  decide(people, on, new Map(people.map((p) => [p.nik, cov[p.nik] ?? COVERED])));

const byNik = (people: FamilyPerson[]) =>
  Object.fromEntries(decideCardMembers(people, ON).members.map((m) => [m.nik, m]));

describe('decideCardMembers (MEM-5)', () => {
  it('lists every member; only those with a recorded e-KTP are included, the others pending e-KTP', () => {
    const m = byNik([head, wifeNoEktp, grownChild]);
    expect(m.H).toMatchObject({ included: true, pendingReason: null });
    expect(m.W).toMatchObject({ included: false, pendingReason: 'PENDING_EKTP' });
    expect(m.G).toMatchObject({ included: false, pendingReason: 'PENDING_EKTP' });
  });

  it('includes a child under 17 when the head or spouse has an e-KTP', () => {
    expect(byNik([head, child]).C!.included).toBe(true);
    const spouseOnly = [
      person({ nik: 'H2', relation: 'KEPALA KELUARGA', ektpRecorded: false }),
      person({ nik: 'W2', relation: 'ISTRI', sex: 'P' }),
      child,
    ];
    expect(byNik(spouseOnly).C!.included).toBe(true);
  });

  it('keeps a child pending when no parent-level member has an e-KTP, even if another relative has one', () => {
    const family = [
      person({ nik: 'H', relation: 'KEPALA KELUARGA', ektpRecorded: false }),
      person({ nik: 'U', relation: 'ORANG TUA', birthDate: '1950-01-01' }),
      child,
    ];
    const m = byNik(family);
    expect(m.C).toMatchObject({ included: false, pendingReason: 'PENDING_EKTP' });
    expect(decideCardMembers(family, ON).includedCount).toBe(1);
  });

  it('counts age on the issue date: pending from the 17th birthday on', () => {
    const seventeen = person({ nik: 'S', relation: 'ANAK', birthDate: '2009-11-22', ektpRecorded: false });
    expect(decideCardMembers([head, seventeen], '2026-11-21').members[1]!.included).toBe(true);
    expect(decideCardMembers([head, seventeen], '2026-11-22').members[1]!.included).toBe(false);
  });

  it('orders members as a KK does and names the head (or the first member when there is none)', () => {
    const d = decideCardMembers([child, grownChild, wifeNoEktp, head], ON);
    expect(d.members.map((m) => m.nik)).toEqual(['H', 'W', 'G', 'C']);
    expect(d.head?.nik).toBe('H');
    expect(decideCardMembers([child, wifeNoEktp], ON).head?.nik).toBe('W');
    expect(decideCardMembers([], ON)).toEqual({
      members: [],
      leftOff: [],
      head: null,
      coveredCount: 0,
      includedCount: 0,
    });
  });

  it('reports nobody included for a family of adults without e-KTP', () => {
    expect(decideCardMembers([{ ...head, ektpRecorded: false }, grownChild], ON).includedCount).toBe(0);
  });
});

describe('decideCardMembers: coverage on the issue date (Perda 9/2018 ps. 7, decision 0020)', () => {
  it('marks a PBI member "dijamin JKN-PBI": listed, never included nor pending, even with an e-KTP', () => {
    const d = decideCardMembers([head, wifeNoEktp, child], ON, { H: PBI, W: PBI });
    const m = Object.fromEntries(d.members.map((x) => [x.nik, x]));
    expect(m.H).toMatchObject({
      included: false,
      pendingReason: null,
      coverage: 'PBI_JKN',
      jknSegment: 'PBI_APBN',
      coverageRule: 'MEM-4',
    });
    expect(m.W).toMatchObject({ included: false, pendingReason: null, coverage: 'PBI_JKN' });
    // The child is still identified through the head's e-KTP, and covered.
    expect(m.C).toMatchObject({ included: true, coverage: 'COVERED', coverageBasis: 'RESIDENT' });
    expect(d).toMatchObject({ coveredCount: 1, includedCount: 1 });
  });

  it('leaves off a member not covered for another reason, with the reason', () => {
    const d = decideCardMembers([head, grownChild], ON, { G: NOT });
    expect(d.members.map((x) => x.nik)).toEqual(['H']);
    expect(d.leftOff).toEqual([
      {
        nik: 'G',
        name: grownChild.name,
        relation: 'ANAK',
        birthDate: '2000-05-05',
        why: 'Tidak memenuhi dasar kepesertaan',
      },
    ]);
  });

  it('a family of PBI members only has nobody covered', () => {
    expect(decideCardMembers([head, child], ON, { H: PBI, C: PBI })).toMatchObject({
      coveredCount: 0,
      includedCount: 0,
    });
  });
});

describe('coverageOf', () => {
  const base = { basis: null, rule: { code: 'MEM-4' }, jkn: { segment: 'PBI_APBD' } };
  it('reads covered, PBI-excluded and otherwise not covered from the eligibility decision', () => {
    expect(coverageOf({ ...base, eligible: true, basis: 'RESIDENT', reasons: [] }).status).toBe('COVERED');
    const pbi = coverageOf({
      ...base,
      eligible: false,
      reasons: [{ code: 'PBI_JKN', severity: 'BLOCK', message: 'PBI' }],
    });
    expect(pbi).toEqual({ status: 'PBI_JKN', basis: null, rule: 'MEM-4', jknSegment: 'PBI_APBD', why: 'PBI' });
    expect(
      coverageOf({ ...base, eligible: false, reasons: [{ code: 'DECEASED', severity: 'BLOCK', message: 'Meninggal' }] })
        .status,
    ).toBe('NOT_COVERED');
    // A JKN member outside the excluded segments is covered (JKN pays first).
    expect(
      coverageOf({
        ...base,
        eligible: true,
        basis: 'RESIDENT',
        reasons: [{ code: 'JKN_COB', severity: 'WARN', message: 'x' }],
      }).status,
    ).toBe('COVERED');
  });
});

describe('ageOn', () => {
  it('counts whole years, birthdays included', () => {
    expect(ageOn('2012-01-20', '2026-01-19')).toBe(13);
    expect(ageOn('2012-01-20', '2026-01-20')).toBe(14);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
  });
});

describe('cardDiffers', () => {
  const card = [
    { nik: 'A', included: true, coverage: 'COVERED' as const },
    { nik: 'B', included: false, coverage: 'COVERED' as const },
  ];
  it('is false for the same members and states, in any order', () => {
    expect(cardDiffers(card, [...card].reverse())).toBe(false);
  });
  it('sees a member joining, leaving, or a pending member becoming included', () => {
    expect(cardDiffers(card, [...card, { nik: 'C', included: true, coverage: 'COVERED' }])).toBe(true);
    expect(cardDiffers(card, [card[0]!])).toBe(true);
    expect(cardDiffers(card, [card[0]!, { nik: 'B', included: true, coverage: 'COVERED' }])).toBe(true);
    expect(cardDiffers(card, [card[0]!, { nik: 'D', included: false, coverage: 'COVERED' }])).toBe(true);
  });
  it('sees a member becoming JKN-PBI; a card without recorded coverage counts as covered', () => {
    expect(cardDiffers(card, [card[0]!, { nik: 'B', included: false, coverage: 'PBI_JKN' }])).toBe(true);
    expect(
      cardDiffers([{ nik: 'A', included: true, coverage: null }], [{ nik: 'A', included: true, coverage: 'COVERED' }]),
    ).toBe(false);
  });
});
