/**
 * Who a family card (KS-NIK) lists and who it covers — SPEC MEM-5, Perda Kota
 * Bekasi 9/2018 art. 9 and 11(1) (every participant receives a KS-NIK).
 *
 * The card is a miniature of the family card (KK): it lists every current
 * member of the family. A member is *included* (on the card, covered by it)
 * when their e-KTP is recorded; otherwise they are listed as pending with the
 * reason "perekaman e-KTP diperlukan" (MEM-5).
 *
 * Children. An e-KTP is only issued from age 17 (or on marriage), so read
 * literally MEM-5 would leave every child off the card, and a newborn of a
 * member — a participant from birth under Perda art. 7(2) — could never hold
 * proof of participation (art. 12(1)). A member under 17 on the issue date is
 * therefore included when a parent-level member of the same KK (head of
 * family, husband or wife) has a recorded e-KTP: the family is identified
 * through that adult, exactly as on the KK itself. A child whose family has no
 * such adult stays pending, like an adult without e-KTP.
 *
 * Pure: no I/O, no clock; the issue date is passed in.
 */

export type PendingReason = 'PENDING_EKTP';

export interface FamilyPerson {
  nik: string;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  relation: string;
  ektpRecorded: boolean;
}

export interface CardMemberDraft {
  nik: string;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  relation: string;
  included: boolean;
  pendingReason: PendingReason | null;
}

/** Age from which a resident records an e-KTP (UU 24/2013 art. 63). */
export const EKTP_AGE = 17;

/** Members through whom a child is identified on the card. */
export const PARENT_RELATIONS: readonly string[] = ['KEPALA KELUARGA', 'SUAMI', 'ISTRI'];

export const PENDING_LABEL: Record<PendingReason, string> = {
  PENDING_EKTP: 'perekaman e-KTP diperlukan',
};

/** The order a KK lists its members in: head, spouse, children, then the rest. */
const RELATION_RANK: Record<string, number> = {
  'KEPALA KELUARGA': 0,
  SUAMI: 1,
  ISTRI: 1,
  ANAK: 2,
  MENANTU: 3,
  CUCU: 4,
  'ORANG TUA': 5,
  MERTUA: 6,
  'FAMILI LAIN': 7,
  PEMBANTU: 8,
  LAINNYA: 9,
};

function rank(relation: string): number {
  return RELATION_RANK[relation] ?? 10;
}

/** Whole years between two YYYY-MM-DD dates. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m * 100 + d < bm * 100 + bd) age -= 1;
  return age;
}

export function compareMembers(a: FamilyPerson, b: FamilyPerson): number {
  return rank(a.relation) - rank(b.relation) || a.birthDate.localeCompare(b.birthDate) || a.nik.localeCompare(b.nik);
}

export interface CardDecision {
  /** Every current member, in KK order, included or pending. */
  members: CardMemberDraft[];
  /** The head of family shown on the front (the first member when the KK has no head). */
  head: FamilyPerson | null;
  includedCount: number;
}

/**
 * The members of a family card issued on `on`, from the family's current
 * members (alive and not moved out on that date — the caller selects them).
 */
export function decideCardMembers(people: readonly FamilyPerson[], on: string): CardDecision {
  const ordered = [...people].sort(compareMembers);
  const parentWithEktp = ordered.some((p) => PARENT_RELATIONS.includes(p.relation) && p.ektpRecorded);
  const members = ordered.map((p): CardMemberDraft => {
    const included = p.ektpRecorded || (ageOn(p.birthDate, on) < EKTP_AGE && parentWithEktp);
    return {
      nik: p.nik,
      name: p.name,
      sex: p.sex,
      birthDate: p.birthDate,
      relation: p.relation,
      included,
      pendingReason: included ? null : 'PENDING_EKTP',
    };
  });
  const head = ordered.find((p) => p.relation === 'KEPALA KELUARGA') ?? ordered[0] ?? null;
  return { members, head, includedCount: members.filter((m) => m.included).length };
}

/**
 * Whether a card no longer matches the family: someone joined or left, or a
 * pending member became included (or the reverse). Then the card should be
 * reissued with reason PERUBAHAN_DATA.
 */
export function cardDiffers(
  onCard: readonly { nik: string; included: boolean }[],
  current: readonly { nik: string; included: boolean }[],
): boolean {
  if (onCard.length !== current.length) return true;
  const a = new Map(onCard.map((m) => [m.nik, m.included]));
  return current.some((m) => a.get(m.nik) !== m.included);
}

