import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/index.js';
import { authorId, requireActor } from '../../platform/http/actor.js';
import { conflict } from '../../platform/http/errors.js';
import type { JobService, Progress } from '../../platform/jobs/jobs.js';
import type { SettingsService } from '../membership/index.js';
import { jakartaToday } from '../membership/index.js';
import { issueFamilies, type Drafter, type FamilyDraft } from './drafts.js';
import { flaggedCardIds, reissueFlags } from './reissue-repo.js';
import * as repo from './repo.js';
import { flaggedNote, flagList, REISSUE_FLAGS, FLAG_LABEL, type ReissueFlag } from './rules/reissue.js';
import type { ReissueFlaggedResult } from './schemas.js';

/** Cards per transaction of a bulk reissue. */
const CHUNK = 200;

/**
 * "Perlu cetak ulang": the cards whose members' coverage changed after issue
 * (reissue-repo.ts), and the bulk reissue of them, confirmed by their count.
 */
export function createFlaggedReissue(
  db: Db,
  audit: AuditWriter,
  jobs: JobService,
  deps: { drafter: Drafter; settings: Pick<SettingsService, 'on'>; bulkLock: () => Promise<() => Promise<void>> },
) {
  async function scope(area: string | null, today: string, cardIds?: number[]) {
    const excludedSegments = (await deps.settings.on(today))?.excludedSegments ?? [];
    return { today, excludedSegments, area, cardIds: cardIds ?? null };
  }

  /** How many active cards of the area need reissuing, and how many for each reason. */
  async function flagged(area: string | null) {
    const flags = await reissueFlags(db, await scope(area, jakartaToday()));
    const byReason = REISSUE_FLAGS.map((r) => ({
      reason: r,
      label: FLAG_LABEL[r],
      cards: [...flags.values()].filter((f) => (f[r] ?? 0) > 0).length,
    })).filter((x) => x.cards > 0);
    return { area, total: flags.size, byReason };
  }

  /** The flags of these cards (for the queue page). */
  async function flagsOf(cardIds: number[]) {
    if (cardIds.length === 0) return new Map<number, ReturnType<typeof flagList>>();
    const flags = await reissueFlags(db, await scope(null, jakartaToday(), cardIds));
    return new Map([...flags].map(([id, f]) => [id, flagList(f)]));
  }

  async function chunk(ids: number[], today: string, area: string | null, result: ReissueFlaggedResult) {
    const flags = await reissueFlags(db, await scope(null, today, ids));
    const cards = (await repo.cardsById(db, ids)).filter((c) => c.status === 'ACTIVE' && flags.has(c.id));
    result.skipped += ids.length - cards.length;
    if (cards.length === 0) return;
    const drafts = await deps.drafter.drafts(
      cards.map((c) => c.noKk),
      today,
    );
    const by = authorId(requireActor());
    await db.tx(async (tx) => {
      const locked = new Map(
        (
          await repo.cardsById(
            tx,
            cards.map((c) => c.id),
            true,
          )
        )
          .filter((c) => c.status === 'ACTIVE')
          .map((c) => [c.id, c]),
      );
      result.skipped += cards.length - locked.size;
      const toIssue: FamilyDraft[] = [];
      const replaces = new Map<string, number>();
      const rows: Parameters<typeof auditInTx>[1] = [];
      for (const c of locked.values()) {
        const d = drafts.get(c.noKk);
        const list = flagList(flags.get(c.id));
        const reasons = list.map((f) => f.reason);
        if (!d || d.decision.coveredCount === 0) {
          const note = d
            ? `Tidak ada lagi anggota keluarga yang menjadi peserta Jamkesda: ${list.map((f) => f.label).join(', ')}.`
            : 'Semua anggota keluarga tercatat meninggal atau pindah ke luar daerah.';
          await repo.endCard(tx, c.id, {
            status: 'REVOKED',
            reason: 'TIDAK_MEMENUHI_SYARAT',
            note,
            endedOn: today,
            endedBy: by,
          });
          rows.push({
            action: 'card.revoke',
            entityType: 'family_card',
            entityId: String(c.id),
            details: { reason: 'TIDAK_MEMENUHI_SYARAT', flags: reasons, bulk: area ?? 'all' },
          });
          result.revoked++;
          continue;
        }
        if (d.decision.includedCount === 0) {
          result.skippedNoEktp++;
          continue;
        }
        await repo.endCard(tx, c.id, {
          status: 'REPLACED',
          reason: 'PERUBAHAN_DATA',
          note: flaggedNote(list),
          endedOn: today,
          endedBy: by,
        });
        toIssue.push(d);
        replaces.set(c.noKk, c.id);
        rows.push({
          action: 'card.reissue',
          entityType: 'family_card',
          entityId: String(c.id),
          details: { reason: 'PERUBAHAN_DATA', flags: reasons, bulk: area ?? 'all' },
        });
      }
      const r = await issueFamilies(
        tx,
        toIssue,
        today,
        {
          reason: 'PERUBAHAN_DATA',
          note: 'Penerbitan ulang kartu yang perlu cetak ulang karena perubahan kepesertaan.',
          audit: { bulkReissue: area ?? 'all' },
        },
        replaces,
      );
      result.reissued += r.inserted.length;
      await auditInTx(tx, rows);
    });
  }

  async function run(
    area: string | null,
    ids: number[],
    release: () => Promise<void>,
    progress?: Progress,
  ): Promise<ReissueFlaggedResult> {
    try {
      const today = jakartaToday();
      const result: ReissueFlaggedResult = {
        area,
        flagged: ids.length,
        reissued: 0,
        revoked: 0,
        skippedNoEktp: 0,
        skipped: 0,
      };
      progress?.phase('Menerbitkan ulang kartu yang perlu cetak ulang', ids.length);
      for (let i = 0; i < ids.length; i += CHUNK) {
        await chunk(ids.slice(i, i + CHUNK), today, area, result);
        progress?.advance(Math.min(i + CHUNK, ids.length));
      }
      await db.tx((tx) =>
        auditInTx(tx, {
          action: 'card.reissue_flagged',
          entityType: 'area',
          entityId: area ?? 'all',
          details: { ...result },
        }),
      );
      return result;
    } finally {
      await release();
    }
  }

  /**
   * Takes the bulk lock and the flagged cards, refusing when their number is
   * not the one the officer confirmed (the register changed meanwhile).
   */
  async function begin(area: string | null, expected: number) {
    const release = await deps.bulkLock();
    try {
      const ids = await flaggedCardIds(db, await scope(area, jakartaToday()));
      if (ids.length !== expected) {
        throw conflict(
          'FLAGGED_COUNT_CHANGED',
          `Jumlah kartu yang perlu cetak ulang sekarang ${ids.length}, bukan ${expected} seperti yang dikonfirmasi. Periksa daftarnya lagi, lalu konfirmasi ulang.`,
        );
      }
      return { ids, release };
    } catch (err) {
      await release();
      throw err;
    }
  }

  /** Reissues every flagged card of the area (null: all), in transactions of 200 cards. */
  async function reissueFlagged(
    area: string | null,
    expected: number,
    progress?: Progress,
  ): Promise<ReissueFlaggedResult> {
    const { ids, release } = await begin(area, expected);
    return run(area, ids, release, progress);
  }

  /** The same as a job, for the web. */
  async function startReissueFlagged(area: string | null, expected: number): Promise<{ jobId: number; cards: number }> {
    const by = authorId(requireActor());
    const { ids, release } = await begin(area, expected);
    const jobId = await jobs.startHoldingLock(
      'cards.reissue_flagged',
      { area, cards: ids.length },
      by,
      release,
      (progress) => run(area, ids, release, progress),
    );
    await audit.record({
      action: 'card.reissue_flagged.start',
      entityType: 'job',
      entityId: String(jobId),
      details: { area: area ?? 'all', cards: ids.length },
    });
    return { jobId, cards: ids.length };
  }

  return { flagged, flagsOf, reissueFlagged, startReissueFlagged };
}

export type { ReissueFlag };
