import { auditInTx } from '../../platform/audit/audit.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { verificationCode } from '../../platform/documents/codes.js';
import { authorId, requireActor } from '../../platform/http/actor.js';
import { notFound, ruleRefusal } from '../../platform/http/errors.js';
import type { EligibilityService } from '../membership/index.js';
import * as repo from './repo.js';
import type { IssueReason } from './rules/lifecycle.js';
import { coverageOf, decideCardMembers, type CardDecision, type MemberCoverage } from './rules/members.js';
import { formatCardNumber, regionOfVillage } from './rules/number.js';

/** Bulk issue and bulk reissue never run at the same time: both walk the register. */
export const BULK_LOCK = 'cards:bulk-issue';

/** NIKs per eligibility batch: one statement each. */
const CHECK_CHUNK = 2000;

export interface FamilyDraft {
  noKk: string;
  decision: CardDecision;
  head: repo.PersonRow;
}

export const NO_EKTP_MESSAGE =
  'Kartu tidak dapat diterbitkan: belum ada anggota keluarga yang e-KTP-nya terekam (anak di bawah 17 tahun ikut tercantum bila kepala keluarga atau suami/istri sudah merekam e-KTP). Arahkan keluarga ke Disdukcapil untuk perekaman e-KTP.';

export const NO_COVERED_MESSAGE =
  'Kartu tidak dapat diterbitkan: tidak ada anggota keluarga yang menjadi peserta Jamkesda pada hari ini (peserta JKN-PBI dijamin JKN, bukan Jamkesda — Perda 9/2018 ps. 7).';

/**
 * Card drafts for families on a day: the current members from the registry,
 * each placed by the eligibility rule through the membership service (never
 * decided here), then laid out by `decideCardMembers`. Reads outside any
 * transaction: the eligibility service has its own connection use, and a
 * change between this read and the insert is caught by the reissue flag.
 */
export function createDrafter(db: Db, eligibility: Pick<EligibilityService, 'checkBatch'>) {
  async function coverage(niks: readonly string[], today: string): Promise<Map<string, MemberCoverage>> {
    const out = new Map<string, MemberCoverage>();
    for (let i = 0; i < niks.length; i += CHECK_CHUNK) {
      const part = niks.slice(i, i + CHECK_CHUNK);
      const answers = await eligibility.checkBatch([...part], today);
      answers.forEach((a) => out.set(a.nik, coverageOf(a)));
    }
    return out;
  }

  /** Drafts for these families; a family with no current member has none. */
  async function drafts(noKks: readonly string[], today: string): Promise<Map<string, FamilyDraft>> {
    const people = await repo.currentMembers(db, noKks, today);
    const cov = await coverage(
      people.map((p) => p.nik),
      today,
    );
    const byKk = new Map<string, repo.PersonRow[]>();
    for (const p of people) (byKk.get(p.noKk) ?? byKk.set(p.noKk, []).get(p.noKk)!).push(p);
    const out = new Map<string, FamilyDraft>();
    for (const [noKk, members] of byKk) {
      const decision = decideCardMembers(members, today, cov);
      const head = members.find((p) => p.nik === decision.head?.nik) ?? members[0]!;
      out.set(noKk, { noKk, decision, head });
    }
    return out;
  }

  /** The draft of one family, or why no card can be issued for it. */
  async function one(noKk: string, today: string): Promise<FamilyDraft> {
    const draft = (await drafts([noKk], today)).get(noKk);
    if (!draft) {
      if (await repo.familyExists(db, noKk)) {
        throw ruleRefusal(
          'FAMILY_NO_CURRENT_MEMBER',
          'Kartu tidak dapat diterbitkan: semua anggota keluarga KK ini tercatat meninggal atau pindah ke luar daerah.',
        );
      }
      throw notFound('FAMILY_NOT_FOUND', 'Nomor KK tidak terdapat dalam data kependudukan.');
    }
    refuseUnissuable(draft);
    return draft;
  }

  return { drafts, one, coverage };
}

export type Drafter = ReturnType<typeof createDrafter>;

/** A draft with nobody to include: nobody covered, or nobody identified by an e-KTP yet. */
export function refuseUnissuable(d: FamilyDraft): void {
  if (d.decision.coveredCount === 0) {
    throw ruleRefusal('NO_MEMBER_COVERED', NO_COVERED_MESSAGE, {
      listed: d.decision.members.length,
      leftOff: d.decision.leftOff.length,
    });
  }
  if (d.decision.includedCount === 0)
    throw ruleRefusal('NO_MEMBER_WITH_EKTP', NO_EKTP_MESSAGE, { pending: d.decision.members.length });
}

export interface IssueInput {
  reason: IssueReason;
  note: string | null;
  audit: Record<string, unknown>;
}

/**
 * Issues cards for these families in the caller's transaction: numbers from
 * the sequence, a random verification code each, members as decided, one
 * audit row per card. Families without anyone to include are counted, not
 * issued. `replaces` maps a KK to the card its new card replaces.
 */
export async function issueFamilies(
  tx: Queryable,
  drafts: readonly FamilyDraft[],
  today: string,
  issue: IssueInput,
  replaces: ReadonlyMap<string, number> = new Map(),
) {
  const issuable = drafts.filter((d) => d.decision.includedCount > 0);
  const noMemberCovered = drafts.filter((d) => d.decision.coveredCount === 0).length;
  const refused = { noMemberCovered, noMemberWithEktp: drafts.length - issuable.length - noMemberCovered };
  // Nothing to write: a re-run over families already served needs no author.
  if (issuable.length === 0) return { inserted: [], ...refused, alreadyActive: 0 };
  const by = authorId(requireActor());
  const seqs = await repo.nextSequences(tx, issuable.length);
  const inserted = await repo.insertCards(
    tx,
    issuable.map((d, i) => ({
      number: formatCardNumber(regionOfVillage(d.head.villageCode), seqs[i]!),
      noKk: d.noKk,
      issuedOn: today,
      verifyCode: verificationCode(),
      regionCode: regionOfVillage(d.head.villageCode),
      villageCode: d.head.villageCode,
      headNik: d.decision.head?.nik ?? null,
      headName: d.decision.head?.name ?? d.head.name,
      address: d.head.address,
      rt: d.head.rt,
      rw: d.head.rw,
      issueReason: issue.reason,
      issueNote: issue.note,
      replacesCardId: replaces.get(d.noKk) ?? null,
      issuedBy: by,
    })),
  );
  const byKk = new Map(issuable.map((d) => [d.noKk, d]));
  await repo.insertMembers(
    tx,
    inserted.map((c) => ({ cardId: c.id, members: byKk.get(c.noKk)!.decision.members })),
  );
  await auditInTx(
    tx,
    inserted.map((c) => {
      const d = byKk.get(c.noKk)!.decision;
      const pbi = d.members.filter((m) => m.coverage === 'PBI_JKN').length;
      const replaced = replaces.get(c.noKk);
      return {
        action: 'card.issue',
        entityType: 'family_card',
        entityId: String(c.id),
        details: {
          reason: issue.reason,
          members: d.members.length,
          included: d.includedCount,
          pbi,
          leftOff: d.leftOff.length,
          ...(replaced ? { replaces: replaced } : {}),
          ...issue.audit,
        },
      };
    }),
  );
  return { inserted, ...refused, alreadyActive: issuable.length - inserted.length };
}
