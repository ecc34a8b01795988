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
 * Coverage. A card lists only what the eligibility rule (membership service,
 * `membership/rules/eligibility.ts`) decides for each member on the issue
 * date; this file never decides coverage itself, it only places the answer:
 * a covered member is listed (included, or pending e-KTP); a member excluded
 * because they are a government-paid JKN member (Perda 9/2018 ps. 7, MEM-4)
 * is listed marked "dijamin JKN-PBI", never included (decision 0020); a
 * member not covered for any other reason is left off.
 *
 * Pure: no I/O, no clock; the issue date and the coverage are passed in.
 */

export type PendingReason = 'PENDING_EKTP';

/** A member's coverage as stored on the card: a program member, or listed only as JKN-PBI. */
export type Coverage = 'COVERED' | 'PBI_JKN';

/** The eligibility rule's answer for one member on the issue date, as the card needs it. */
export interface MemberCoverage {
  status: Coverage | 'NOT_COVERED';
  basis: string | null;
  rule: string | null;
  jknSegment: string | null;
  /** Why the member is not covered, in words (from the rule's BLOCK reason); null when covered. */
  why: string | null;
}

/** The subset of an eligibility decision the card reads. */
export interface EligibilityVerdict {
  eligible: boolean;
  basis: string | null;
  reasons: readonly { code: string; severity: string; message: string }[];
  rule: { code: string } | null;
  jkn: { segment: string } | null;
}

/** The reason code the eligibility rule gives a member excluded as government-paid JKN (MEM-4). */
export const PBI_REASON = 'PBI_JKN';

/** Places an eligibility decision: covered, excluded as JKN-PBI, or not covered. */
export function coverageOf(v: EligibilityVerdict): MemberCoverage {
  const common = { basis: v.basis, rule: v.rule?.code ?? null, jknSegment: v.jkn?.segment ?? null };
  if (v.eligible) return { status: 'COVERED', ...common, why: null };
  const block = v.reasons.find((r) => r.severity === 'BLOCK');
  if (v.reasons.some((r) => r.code === PBI_REASON && r.severity === 'BLOCK'))
    return { status: 'PBI_JKN', ...common, why: block?.message ?? null };
  return {
    status: 'NOT_COVERED',
    ...common,
    why: block?.message ?? 'Tidak memenuhi dasar kepesertaan pada tanggal ini.',
  };
}

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
  coverage: Coverage;
  coverageBasis: string | null;
  coverageRule: string | null;
  jknSegment: string | null;
}

/** A current member of the KK the card leaves off, and why (died and moved members are not current at all). */
export interface LeftOffMember {
  nik: string;
  name: string;
  relation: string;
  birthDate: string;
  why: string;
}

/** Age from which a resident records an e-KTP (UU 24/2013 art. 63). */
export const EKTP_AGE = 17;

/** Members through whom a child is identified on the card. */
export const PARENT_RELATIONS: readonly string[] = ['KEPALA KELUARGA', 'SUAMI', 'ISTRI'];

export const PENDING_LABEL: Record<PendingReason, string> = {
  PENDING_EKTP: 'perekaman e-KTP diperlukan',
};

/** How a member marked PBI is labelled on the card, the PDF and the web. */
export const PBI_LABEL = 'dijamin JKN-PBI';

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
  /** The current members the card lists, in KK order: included, pending e-KTP, or marked JKN-PBI. */
  members: CardMemberDraft[];
  /** Current members the card leaves off (not covered for a reason other than JKN-PBI). */
  leftOff: LeftOffMember[];
  /** Listed members who are Jamkesda members (included or pending). */
  coveredCount: number;
  /** The head of family shown on the front (the first member when the KK has no head). */
  head: FamilyPerson | null;
  includedCount: number;
}

/**
 * The members of a family card issued on `on`, from the family's current
 * members (alive and not moved out on that date — the caller selects them)
 * and each one's coverage on that date (the eligibility rule's answer; a
 * member without an answer is treated as not covered).
 */
export function decideCardMembers(
  people: readonly FamilyPerson[],
  on: string,
  coverage: ReadonlyMap<string, MemberCoverage>,
): CardDecision {
  const ordered = [...people].sort(compareMembers);
  // A child is identified through an adult of the KK with e-KTP, whatever that adult's own coverage.
  const parentWithEktp = ordered.some((p) => PARENT_RELATIONS.includes(p.relation) && p.ektpRecorded);
  const members: CardMemberDraft[] = [];
  const leftOff: LeftOffMember[] = [];
  for (const p of ordered) {
    const c = coverage.get(p.nik) ?? {
      status: 'NOT_COVERED',
      basis: null,
      rule: null,
      jknSegment: null,
      why: 'Status kepesertaan tidak diketahui.',
    };
    if (c.status === 'NOT_COVERED') {
      leftOff.push({ nik: p.nik, name: p.name, relation: p.relation, birthDate: p.birthDate, why: c.why ?? '' });
      continue;
    }
    const identified = p.ektpRecorded || (ageOn(p.birthDate, on) < EKTP_AGE && parentWithEktp);
    const included = c.status === 'COVERED' && identified;
    members.push({
      nik: p.nik,
      name: p.name,
      sex: p.sex,
      birthDate: p.birthDate,
      relation: p.relation,
      included,
      pendingReason: c.status === 'COVERED' && !identified ? 'PENDING_EKTP' : null,
      coverage: c.status,
      coverageBasis: c.basis,
      coverageRule: c.rule,
      jknSegment: c.jknSegment,
    });
  }
  const head = ordered.find((p) => p.relation === 'KEPALA KELUARGA') ?? ordered[0] ?? null;
  return {
    members,
    leftOff,
    head,
    coveredCount: members.filter((m) => m.coverage === 'COVERED').length,
    includedCount: members.filter((m) => m.included).length,
  };
}

/**
 * Whether a card no longer matches the family: someone joined or left, a
 * pending member became included (or the reverse), or a member's coverage
 * changed (became or stopped being JKN-PBI). Then the card should be reissued
 * with reason PERUBAHAN_DATA.
 */
export function cardDiffers(
  onCard: readonly { nik: string; included: boolean; coverage: Coverage | null }[],
  current: readonly { nik: string; included: boolean; coverage: Coverage | null }[],
): boolean {
  if (onCard.length !== current.length) return true;
  const a = new Map(onCard.map((m) => [m.nik, m]));
  return current.some((m) => {
    const was = a.get(m.nik);
    // A card issued before coverage was recorded (NULL) counts as listing its members as covered.
    return !was || was.included !== m.included || (was.coverage ?? 'COVERED') !== m.coverage;
  });
}
