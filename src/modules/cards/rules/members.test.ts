import { describe, expect, it } from 'vitest';
import { ageOn, cardDiffers, decideCardMembers, type FamilyPerson } from './members.js';

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

const byNik = (people: FamilyPerson[]) => Object.fromEntries(decideCardMembers(people, ON).members.map((m) => [m.nik, m]));

describe('decideCardMembers (MEM-5)', () => {
  it('lists every member; only those with a recorded e-KTP are included, the others pending e-KTP', () => {
    const m = byNik([head, wifeNoEktp, grownChild]);
    expect(m.H).toMatchObject({ included: true, pendingReason: null });
    expect(m.W).toMatchObject({ included: false, pendingReason: 'PENDING_EKTP' });
    expect(m.G).toMatchObject({ included: false, pendingReason: 'PENDING_EKTP' });
  });

  it('includes a child under 17 when the head or spouse has an e-KTP', () => {
    expect(byNik([head, child]).C!.included).toBe(true);
    const spouseOnly = [person({ nik: 'H2', relation: 'KEPALA KELUARGA', ektpRecorded: false }), person({ nik: 'W2', relation: 'ISTRI', sex: 'P' }), child];
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
    expect(decideCardMembers([], ON)).toEqual({ members: [], head: null, includedCount: 0 });
  });

  it('reports nobody included for a family of adults without e-KTP', () => {
    expect(decideCardMembers([{ ...head, ektpRecorded: false }, grownChild], ON).includedCount).toBe(0);
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
    { nik: 'A', included: true },
    { nik: 'B', included: false },
  ];
  it('is false for the same members and states, in any order', () => {
    expect(cardDiffers(card, [...card].reverse())).toBe(false);
  });
  it('sees a member joining, leaving, or a pending member becoming included', () => {
    expect(cardDiffers(card, [...card, { nik: 'C', included: true }])).toBe(true);
    expect(cardDiffers(card, [card[0]!])).toBe(true);
    expect(cardDiffers(card, [card[0]!, { nik: 'B', included: true }])).toBe(true);
    expect(cardDiffers(card, [card[0]!, { nik: 'D', included: false }])).toBe(true);
  });
});

