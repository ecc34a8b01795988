import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { verificationCode } from '../../platform/documents/codes.js';
import { currentContext } from '../../platform/http/context.js';
import { conflict, invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import type { JobService, Progress } from '../../platform/jobs/jobs.js';
import { jakartaToday } from '../membership/today.js';
import * as repo from './repo.js';
import { endProblem, type IssueReason, type ReissueReason, type RevokeReason, type CardState } from './rules/lifecycle.js';
import { cardDiffers, decideCardMembers, type CardDecision } from './rules/members.js';
import { formatCardNumber, parseCardNumber, regionOfVillage } from './rules/number.js';
import { cardView } from './view.js';

export interface CardServiceOptions {
  publicUrl: string;
  /** Families per transaction in a bulk issue. */
  bulkChunk?: number;
}

export interface BulkIssueResult extends Record<string, unknown> {
  area: string;
  /** Families in the area without an active card when the run began. */
  families: number;
  issued: number;
  /** Families refused because no member may be on a card yet (no e-KTP recorded). */
  noMemberWithEktp: number;
  /** Families that received a card from someone else while the run went on. */
  alreadyActive: number;
}

const BULK_LOCK = 'cards:bulk-issue';

export function actorId(): number | null {
  const id = currentContext()?.actor?.id;
  return id && id > 0 ? id : null;
}

export function stateOf(c: repo.CardRow): CardState {
  return { number: c.number, status: c.status, issuedOn: c.issuedOn, printedOn: c.printedOn, handedOverOn: c.handedOverOn };
}

function checkKk(noKk: string): string {
  if (!/^\d{16}$/.test(noKk)) throw invalid('INVALID_KK', 'Nomor KK harus 16 digit angka.');
  return noKk;
}

/** An area code as a prefix of village codes: province, regency, district or village, dots allowed. */
export function areaPrefix(raw: string): string {
  const code = raw.replace(/\./g, '').trim();
  if (!/^\d+$/.test(code) || ![2, 4, 6, 10].includes(code.length)) {
    throw invalid('INVALID_AREA_CODE', `"${raw}" bukan kode wilayah yang sah: 2, 4, 6 atau 10 digit (boleh bertitik), mis. 3275011001 atau 32.75.01.`);
  }
  return code;
}

interface FamilyDraft {
  noKk: string;
  decision: CardDecision;
  head: repo.PersonRow;
}

function draftOf(noKk: string, people: readonly repo.PersonRow[], today: string): FamilyDraft | null {
  if (people.length === 0) return null;
  const decision = decideCardMembers(people, today);
  const head = people.find((p) => p.nik === decision.head?.nik) ?? people[0]!;
  return { noKk, decision, head };
}

const NO_EKTP_MESSAGE =
  'Kartu tidak dapat diterbitkan: belum ada anggota keluarga yang e-KTP-nya terekam (anak di bawah 17 tahun ikut tercantum bila kepala keluarga atau suami/istri sudah merekam e-KTP). Arahkan keluarga ke Disdukcapil untuk perekaman e-KTP.';

/** The family card register: issue, reissue, revoke, bulk issue and the family's card page. */
export function createCardService(db: Db, audit: AuditWriter, jobs: JobService, opts: CardServiceOptions) {
  const chunkSize = opts.bulkChunk ?? 1000;

  /**
   * Issues cards for these families in the caller's transaction: numbers from
   * the sequence, a random verification code each, members as decided by the
   * rule, one audit row per card. Families without anyone to include are counted, not issued.
   */
  async function issueFamilies(
    tx: Queryable,
    drafts: readonly FamilyDraft[],
    today: string,
    issue: { reason: IssueReason; note: string | null; replacesCardId: number | null; audit: Record<string, unknown> },
  ) {
    const issuable = drafts.filter((d) => d.decision.includedCount > 0);
    const seqs = await repo.nextSequences(tx, issuable.length);
    const by = actorId();
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
        replacesCardId: issue.replacesCardId,
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
        return {
          action: 'card.issue',
          entityType: 'family_card',
          entityId: String(c.id),
          details: { reason: issue.reason, members: d.members.length, included: d.includedCount, ...issue.audit },
        };
      }),
    );
    return { inserted, noMemberWithEktp: drafts.length - issuable.length, alreadyActive: issuable.length - inserted.length };
  }

  /** The current family as a draft card, or why none can be issued. */
  async function draftFor(tx: Queryable, noKk: string, today: string): Promise<FamilyDraft> {
    const draft = draftOf(noKk, await repo.currentMembers(tx, [noKk], today), today);
    if (!draft) {
      if (await repo.familyExists(tx, noKk)) {
        throw ruleRefusal(
          'FAMILY_NO_CURRENT_MEMBER',
          'Kartu tidak dapat diterbitkan: semua anggota keluarga KK ini tercatat meninggal atau pindah ke luar daerah.',
        );
      }
      throw notFound('FAMILY_NOT_FOUND', 'Nomor KK tidak terdapat dalam data kependudukan.');
    }
    if (draft.decision.includedCount === 0) {
      throw ruleRefusal('NO_MEMBER_WITH_EKTP', NO_EKTP_MESSAGE, { pending: draft.decision.members.length });
    }
    return draft;
  }

  async function withMembers(ids: number[], q: Queryable = db) {
    const cards = await repo.cardsById(q, ids);
    const members = await repo.membersOf(q, ids);
    return cards.map((c) =>
      cardView(
        c,
        opts.publicUrl,
        members.filter((m) => m.cardId === c.id),
      ),
    );
  }

  async function issue(noKkRaw: string) {
    const noKk = checkKk(noKkRaw);
    const today = jakartaToday();
    const id = await db.tx(async (tx) => {
      const active = (await repo.cardsOfFamily(tx, noKk)).find((c) => c.status === 'ACTIVE');
      if (active) throw alreadyActive(active.number);
      const draft = await draftFor(tx, noKk, today);
      const r = await issueFamilies(tx, [draft], today, { reason: 'BARU', note: null, replacesCardId: null, audit: {} });
      if (r.inserted.length === 0) throw alreadyActive(null);
      return r.inserted[0]!.id;
    });
    return (await withMembers([id]))[0]!;
  }

  function alreadyActive(number: string | null) {
    return conflict(
      'CARD_ALREADY_ACTIVE',
      `Keluarga ini sudah memiliki kartu aktif${number ? ` ${number}` : ''}. Untuk kartu hilang, rusak atau data keluarga yang berubah, gunakan "Terbitkan ulang".`,
    );
  }

  async function lockedCard(tx: Queryable, id: number) {
    const card = (await repo.cardsById(tx, [id], true))[0];
    if (!card) throw notFound('CARD_NOT_FOUND', 'Kartu tidak ditemukan.');
    return card;
  }

  /** Lost, damaged, or the family changed: the card becomes REPLACED today and a new number lists the current members. */
  async function reissue(id: number, reason: ReissueReason, noteRaw: string) {
    const today = jakartaToday();
    const note = noteRaw.trim();
    const newId = await db.tx(async (tx) => {
      const old = await lockedCard(tx, id);
      const problem = endProblem(stateOf(old), note, 'reissue');
      if (problem) throw ruleRefusal(problem.code, problem.message);
      const draft = await draftFor(tx, old.noKk, today);
      await repo.endCard(tx, id, { status: 'REPLACED', reason, note, endedOn: today, endedBy: actorId() });
      const r = await issueFamilies(tx, [draft], today, { reason, note, replacesCardId: id, audit: { replaces: id } });
      const created = r.inserted[0]!;
      await auditInTx(tx, { action: 'card.reissue', entityType: 'family_card', entityId: String(id), details: { reason, newCardId: created.id } });
      return created.id;
    });
    return (await withMembers([newId]))[0]!;
  }

  async function revoke(id: number, reason: RevokeReason, noteRaw: string) {
    const today = jakartaToday();
    const note = noteRaw.trim();
    await db.tx(async (tx) => {
      const card = await lockedCard(tx, id);
      const problem = endProblem(stateOf(card), note, 'revoke');
      if (problem) throw ruleRefusal(problem.code, problem.message);
      await repo.endCard(tx, id, { status: 'REVOKED', reason, note, endedOn: today, endedBy: actorId() });
      await auditInTx(tx, { action: 'card.revoke', entityType: 'family_card', entityId: String(id), details: { reason } });
    });
    return (await withMembers([id]))[0]!;
  }

  /** One card with its members; an audited read. */
  async function get(id: number) {
    const view = (await withMembers([id]))[0];
    if (!view) throw notFound('CARD_NOT_FOUND', 'Kartu tidak ditemukan.');
    await audit.record({ action: 'card.read', entityType: 'family_card', entityId: String(id) });
    return view;
  }

  /**
   * The family's card page: the current members as a new card would list
   * them, the active card, whether it still matches the family, and every
   * card the KK ever had. Each member shown is an audited read.
   */
  async function family(noKkRaw: string) {
    const noKk = checkKk(noKkRaw);
    const today = jakartaToday();
    const people = await repo.currentMembers(db, [noKk], today);
    const history = await repo.cardsOfFamily(db, noKk);
    if (people.length === 0 && history.length === 0) {
      if (!(await repo.familyExists(db, noKk))) throw notFound('FAMILY_NOT_FOUND', 'Nomor KK tidak terdapat dalam data kependudukan.');
    }
    const decision = decideCardMembers(people, today);
    const activeRow = history.find((c) => c.status === 'ACTIVE') ?? null;
    const active = activeRow ? (await withMembers([activeRow.id]))[0]! : null;
    const ektp = new Map(people.map((p) => [p.nik, p.ektpRecorded]));
    const head = people.find((p) => p.nik === decision.head?.nik) ?? null;
    const villageCode = head?.villageCode ?? activeRow?.villageCode ?? history[0]?.villageCode ?? null;
    const area = villageCode ? await repo.areaNames(db, villageCode) : null;
    const shown = new Set([...people.map((p) => p.nik), ...(active?.members ?? []).map((m) => m.nik)]);
    await audit.record([...shown].map((nik) => ({ action: 'card.family.read', entityType: 'person', entityId: nik })));
    return {
      noKk,
      date: today,
      head: head ? { name: head.name } : null,
      villageCode,
      villageName: area?.villageName ?? null,
      districtName: area?.districtName ?? null,
      members: decision.members.map((m) => ({ ...m, ektpRecorded: ektp.get(m.nik) ?? false })),
      includedCount: decision.includedCount,
      canIssue: !active && decision.includedCount > 0,
      active,
      outdated: active ? cardDiffers(active.members ?? [], decision.members) : false,
      history: history.map((c) => cardView(c, opts.publicUrl)),
    };
  }

  /** The family a search names: a KK number, a member's NIK, or a card number. */
  async function find(qRaw: string): Promise<{ noKk: string }> {
    const q = qRaw.trim();
    const card = parseCardNumber(q);
    let noKk: string | null = null;
    if (card) noKk = (await repo.cardByNumber(db, card.number))?.noKk ?? null;
    else if (/^\d{16}$/.test(q.replace(/[\s.]/g, ''))) noKk = await repo.familyOfNumber(db, q.replace(/[\s.]/g, ''));
    else throw invalid('INVALID_QUERY', 'Cari dengan nomor KK (16 digit), NIK anggota keluarga (16 digit) atau nomor kartu (KS-xxxx-xxxxxxx).');
    if (!noKk) throw notFound('FAMILY_NOT_FOUND', 'Tidak ada keluarga atau kartu dengan nomor itu.');
    await audit.record({ action: 'card.find', entityType: 'family', entityId: noKk, details: { by: card ? 'card' : 'number' } });
    return { noKk };
  }

  /** The bulk run itself, holding the bulk lock until it ends. */
  async function runBulk(area: string, release: () => Promise<void>, progress?: Progress): Promise<BulkIssueResult> {
    try {
      const today = jakartaToday();
      progress?.phase('Mencari keluarga tanpa kartu aktif');
      const kks = await repo.familiesWithoutCard(db, area, today);
      progress?.phase('Menerbitkan kartu', kks.length);
      const result: BulkIssueResult = { area, families: kks.length, issued: 0, noMemberWithEktp: 0, alreadyActive: 0 };
      for (let i = 0; i < kks.length; i += chunkSize) {
        const part = kks.slice(i, i + chunkSize);
        const r = await db.tx(async (tx) => {
          const people = await repo.currentMembers(tx, part, today);
          const byKk = new Map<string, repo.PersonRow[]>();
          for (const p of people) (byKk.get(p.noKk) ?? byKk.set(p.noKk, []).get(p.noKk)!).push(p);
          const drafts = part.map((kk) => draftOf(kk, byKk.get(kk) ?? [], today)).filter((d): d is FamilyDraft => d !== null);
          return issueFamilies(tx, drafts, today, { reason: 'BARU', note: null, replacesCardId: null, audit: { bulk: area } });
        });
        result.issued += r.inserted.length;
        result.noMemberWithEktp += r.noMemberWithEktp;
        result.alreadyActive += r.alreadyActive;
        progress?.advance(Math.min(i + chunkSize, kks.length));
      }
      await db.tx((tx) => auditInTx(tx, { action: 'card.bulk_issue', entityType: 'area', entityId: area, details: { ...result } }));
      return result;
    } finally {
      await release();
    }
  }

  async function bulkLock() {
    const release = await db.tryLock(BULK_LOCK);
    if (!release) throw conflict('BULK_ISSUE_RUNNING', 'Penerbitan kartu massal lain sedang berjalan. Tunggu sampai selesai, lalu jalankan lagi.');
    return release;
  }

  /**
   * Issues a card to every family of the area (village, district, regency)
   * that has none, in transactions of `bulkChunk` families. Safe to re-run:
   * families that got a card are skipped. For the demo command and the CLI.
   */
  async function issueForArea(rawArea: string, progress?: Progress): Promise<BulkIssueResult> {
    const area = areaPrefix(rawArea);
    return runBulk(area, await bulkLock(), progress);
  }

  /** The same as a job, for the web: answers at once with the job to follow. */
  async function startBulkIssue(rawArea: string): Promise<{ jobId: number }> {
    const area = areaPrefix(rawArea);
    const release = await bulkLock();
    let jobId: number;
    try {
      jobId = await jobs.create('cards.bulk_issue', { area }, actorId());
    } catch (err) {
      await release();
      throw err;
    }
    let started = false;
    jobs
      .run(jobId, (progress) => {
        started = true;
        return runBulk(area, release, progress);
      })
      // The job row records the failure; the lock is released by runBulk, or here when it never began.
      .catch(async () => {
        if (!started) await release();
      });
    return { jobId };
  }

  return { issue, reissue, revoke, get, family, find, issueForArea, startBulkIssue };
}

export type CardService = ReturnType<typeof createCardService>;
