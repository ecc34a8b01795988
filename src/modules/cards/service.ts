import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { authorId, requireActor } from '../../platform/http/actor.js';
import { conflict, invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import type { JobService, Progress } from '../../platform/jobs/jobs.js';
import type { EligibilityService } from '../membership/index.js';
import type { SettingsService } from '../membership/index.js';
import { jakartaToday } from '../membership/index.js';
import { BULK_LOCK, createDrafter, issueFamilies, type FamilyDraft } from './drafts.js';
import * as repo from './repo.js';
import { reissueFlags } from './reissue-repo.js';
import { createFlaggedReissue } from './reissue.js';
import { endProblem, type ReissueReason, type RevokeReason, type CardState } from './rules/lifecycle.js';
import type { BulkIssueResult } from './schemas.js';
import { cardDiffers } from './rules/members.js';
import { flagList } from './rules/reissue.js';
import { parseCardNumber } from './rules/number.js';
import { cardView } from './view.js';

export interface CardServiceOptions {
  publicUrl: string;
  /** Families per transaction in a bulk issue. */
  bulkChunk?: number;
  /** Who is covered: each card member is placed by the membership module's eligibility rule. */
  eligibility: Pick<EligibilityService, 'checkBatch'>;
  /** The JKN segments excluded today, for the reissue flags. */
  settings: Pick<SettingsService, 'on'>;
}

export function stateOf(c: repo.CardRow): CardState {
  return {
    number: c.number,
    status: c.status,
    issuedOn: c.issuedOn,
    printedOn: c.printedOn,
    handedOverOn: c.handedOverOn,
  };
}

function checkKk(noKk: string): string {
  if (!/^\d{16}$/.test(noKk)) throw invalid('INVALID_KK', 'Nomor KK harus 16 digit angka.');
  return noKk;
}

/** An area code as a prefix of village codes: province, regency, district or village, dots allowed. */
export function areaPrefix(raw: string): string {
  const code = raw.replace(/\./g, '').trim();
  if (!/^\d+$/.test(code) || ![2, 4, 6, 10].includes(code.length)) {
    throw invalid(
      'INVALID_AREA_CODE',
      `"${raw}" bukan kode wilayah yang sah: 2, 4, 6 atau 10 digit (boleh bertitik), mis. 3275011001 atau 32.75.01.`,
    );
  }
  return code;
}

/** The family card register: issue, reissue, revoke, bulk issue and the family's card page. */
export function createCardService(db: Db, audit: AuditWriter, jobs: JobService, opts: CardServiceOptions) {
  const chunkSize = opts.bulkChunk ?? 1000;
  const drafter = createDrafter(db, opts.eligibility);

  async function excludedSegments(today: string): Promise<string[]> {
    return (await opts.settings.on(today))?.excludedSegments ?? [];
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
    const current = (await repo.cardsOfFamily(db, noKk)).find((c) => c.status === 'ACTIVE');
    if (current) throw alreadyActive(current.number);
    const draft = await drafter.one(noKk, today);
    const id = await db.tx(async (tx) => {
      const r = await issueFamilies(tx, [draft], today, { reason: 'BARU', note: null, audit: {} });
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
    const by = authorId(requireActor());
    const today = jakartaToday();
    const note = noteRaw.trim();
    const before = (await repo.cardsById(db, [id]))[0];
    if (!before) throw notFound('CARD_NOT_FOUND', 'Kartu tidak ditemukan.');
    const early = endProblem(stateOf(before), note, 'reissue');
    if (early) throw ruleRefusal(early.code, early.message);
    // Coverage is decided before the transaction: the eligibility service reads on its own.
    const draft = await drafter.one(before.noKk, today);
    const newId = await db.tx(async (tx) => {
      const old = await lockedCard(tx, id);
      const problem = endProblem(stateOf(old), note, 'reissue');
      if (problem) throw ruleRefusal(problem.code, problem.message);
      await repo.endCard(tx, id, { status: 'REPLACED', reason, note, endedOn: today, endedBy: by });
      const r = await issueFamilies(tx, [draft], today, { reason, note, audit: {} }, new Map([[old.noKk, id]]));
      const created = r.inserted[0]!;
      await auditInTx(tx, {
        action: 'card.reissue',
        entityType: 'family_card',
        entityId: String(id),
        details: { reason, newCardId: created.id },
      });
      return created.id;
    });
    return (await withMembers([newId]))[0]!;
  }

  async function revoke(id: number, reason: RevokeReason, noteRaw: string) {
    const by = authorId(requireActor());
    const today = jakartaToday();
    const note = noteRaw.trim();
    await db.tx(async (tx) => {
      const card = await lockedCard(tx, id);
      const problem = endProblem(stateOf(card), note, 'revoke');
      if (problem) throw ruleRefusal(problem.code, problem.message);
      await repo.endCard(tx, id, { status: 'REVOKED', reason, note, endedOn: today, endedBy: by });
      await auditInTx(tx, {
        action: 'card.revoke',
        entityType: 'family_card',
        entityId: String(id),
        details: { reason },
      });
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
      if (!(await repo.familyExists(db, noKk)))
        throw notFound('FAMILY_NOT_FOUND', 'Nomor KK tidak terdapat dalam data kependudukan.');
    }
    const draft = (await drafter.drafts([noKk], today)).get(noKk);
    const decision = draft?.decision ?? { members: [], leftOff: [], head: null, coveredCount: 0, includedCount: 0 };
    const activeRow = history.find((c) => c.status === 'ACTIVE') ?? null;
    const active = activeRow ? (await withMembers([activeRow.id]))[0]! : null;
    const flags = activeRow
      ? flagList(
          (
            await reissueFlags(db, { today, excludedSegments: await excludedSegments(today), cardIds: [activeRow.id] })
          ).get(activeRow.id),
        )
      : [];
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
      leftOff: decision.leftOff,
      includedCount: decision.includedCount,
      coveredCount: decision.coveredCount,
      canIssue: !active && decision.includedCount > 0,
      active,
      outdated: active ? flags.length > 0 || cardDiffers(active.members ?? [], decision.members) : false,
      reissueFlags: flags,
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
    else
      throw invalid(
        'INVALID_QUERY',
        'Cari dengan nomor KK (16 digit), NIK anggota keluarga (16 digit) atau nomor kartu (KS-xxxx-xxxxxxx).',
      );
    if (!noKk) throw notFound('FAMILY_NOT_FOUND', 'Tidak ada keluarga atau kartu dengan nomor itu.');
    await audit.record({
      action: 'card.find',
      entityType: 'family',
      entityId: noKk,
      details: { by: card ? 'card' : 'number' },
    });
    return { noKk };
  }

  /** The bulk run itself, holding the bulk lock until it ends. */
  async function runBulk(area: string, release: () => Promise<void>, progress?: Progress): Promise<BulkIssueResult> {
    try {
      const today = jakartaToday();
      progress?.phase('Mencari keluarga tanpa kartu aktif');
      const kks = await repo.familiesWithoutCard(db, area, today);
      progress?.phase('Menerbitkan kartu', kks.length);
      const result: BulkIssueResult = {
        area,
        families: kks.length,
        issued: 0,
        noMemberWithEktp: 0,
        noMemberCovered: 0,
        alreadyActive: 0,
      };
      for (let i = 0; i < kks.length; i += chunkSize) {
        const part = kks.slice(i, i + chunkSize);
        const byKk = await drafter.drafts(part, today);
        const drafts = part.map((kk) => byKk.get(kk)).filter((d): d is FamilyDraft => d !== undefined);
        const r = await db.tx((tx) =>
          issueFamilies(tx, drafts, today, { reason: 'BARU', note: null, audit: { bulk: area } }),
        );
        result.issued += r.inserted.length;
        result.noMemberWithEktp += r.noMemberWithEktp;
        result.noMemberCovered += r.noMemberCovered;
        result.alreadyActive += r.alreadyActive;
        progress?.advance(Math.min(i + chunkSize, kks.length));
      }
      await db.tx((tx) =>
        auditInTx(tx, { action: 'card.bulk_issue', entityType: 'area', entityId: area, details: { ...result } }),
      );
      return result;
    } finally {
      await release();
    }
  }

  async function bulkLock() {
    const release = await db.tryLock(BULK_LOCK);
    if (!release)
      throw conflict(
        'BULK_ISSUE_RUNNING',
        'Penerbitan kartu massal lain sedang berjalan. Tunggu sampai selesai, lalu jalankan lagi.',
      );
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
    const by = authorId(requireActor());
    const release = await bulkLock();
    const jobId = await jobs.startHoldingLock('cards.bulk_issue', { area }, by, release, (progress) =>
      runBulk(area, release, progress),
    );
    return { jobId };
  }

  const flaggedReissue = createFlaggedReissue(db, audit, jobs, { drafter, settings: opts.settings, bulkLock });

  /** The flagged cards of an area as typed (any level, dots allowed), or of the whole register. */
  const flagged = (rawArea?: string) => flaggedReissue.flagged(rawArea ? areaPrefix(rawArea) : null);
  const startReissueFlagged = (rawArea: string | undefined, expected: number) =>
    flaggedReissue.startReissueFlagged(rawArea ? areaPrefix(rawArea) : null, expected);

  return {
    issue,
    reissue,
    revoke,
    get,
    family,
    find,
    issueForArea,
    startBulkIssue,
    ...flaggedReissue,
    flagged,
    startReissueFlagged,
  };
}

export type CardService = ReturnType<typeof createCardService>;
