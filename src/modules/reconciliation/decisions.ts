import { auditInTx } from '../../platform/audit/audit.js';
import { bulkSessionSettings } from '../../platform/db/bulk.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import { setImportDecision as setJknImportDecision } from '../jkn/index.js';
import { setImportDecision as setPopulationImportDecision } from '../population/index.js';
import { applyJknItems, JKN_DETAILS } from './jkn-changes.js';
import { applyPopulationItems, NEW_PERSON_DETAILS } from './population-changes.js';
import { STATUS_NAME } from './labels.js';
import { decider } from './officer.js';
import type { ApproveBody, SelectionBody } from './schemas.js';
import * as repo from './repo.js';
import { confirmationProblem } from './rules/guard.js';
import {
  closingStatus,
  membershipChangeTable,
  rejectionProblem,
  selectionProblem,
  type ChangeSetStatus,
  type Selection,
} from './rules/kinds.js';

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lockChangeSet>>>;

/**
 * MEM-7 decisions, kind by kind or item by item over as many days as the
 * officer needs (issue 10): each approval or decline decides only what it
 * names and applies only what it approves; the set stays open (PENDING, and
 * a new import of its kind waits) until no item is left undecided. Rejecting
 * the set declines whatever is still undecided and closes it.
 */
export function createDecisions(db: Db, onApplied: (kind: 'population' | 'jkn') => void) {
  async function noJit(tx: Queryable) {
    if (db.kind === 'pg') await tx.exec('SET LOCAL jit = off');
  }

  async function open(tx: Queryable, id: number): Promise<Locked> {
    const cs = await repo.lockChangeSet(tx, id);
    if (!cs) throw notFound('CHANGE_SET_NOT_FOUND', `Daftar perubahan #${id} tidak ditemukan.`);
    if (cs.status !== 'PENDING') {
      throw conflict(
        'CHANGE_SET_DECIDED',
        `Daftar perubahan #${id} sudah selesai diputuskan (${STATUS_NAME[cs.status]}); keputusan tidak dapat diubah.`,
      );
    }
    return cs;
  }

  async function selectionOf(tx: Queryable, cs: Locked, s: Selection): Promise<repo.ItemSelection> {
    const kinds = [...new Set(s.kinds ?? [])];
    const itemIds = [...new Set(s.itemIds ?? [])];
    const problem = selectionProblem(cs.kind, { kinds, itemIds });
    if (problem) throw invalid('INVALID_SELECTION', problem);
    const foreign = await repo.foreignItemIds(tx, cs.id, itemIds);
    if (foreign.length > 0)
      throw invalid(
        'ITEM_NOT_IN_SET',
        `Butir ${foreign.slice(0, 10).join(', ')} bukan bagian dari daftar perubahan #${cs.id}.`,
      );
    return { all: kinds.length === 0 && itemIds.length === 0, kinds, itemIds };
  }

  /**
   * Writes the counts; once nothing is undecided, closes the set and its
   * import (applied when anything was approved, else rejected).
   */
  /** The audit entry of one decision round: the set, its import, the round and where the set stands, then what was decided. */
  async function auditRound(
    tx: Queryable,
    action: 'reconciliation.approve' | 'reconciliation.decline' | 'reconciliation.reject',
    cs: Locked,
    round: number,
    status: string,
    decided: Record<string, unknown>,
  ) {
    await auditInTx(tx, {
      action,
      entityType: 'reconciliation_change_set',
      entityId: String(cs.id),
      details: { kind: cs.kind, importId: cs.import_id, round, status, ...decided },
    });
  }

  async function settle(tx: Queryable, cs: Locked, note: string | null) {
    const who = decider();
    const c = await repo.refreshCounts(tx, cs.id);
    const status = closingStatus(c);
    if (status === 'PENDING') return { status, ...c };
    await repo.closeChangeSet(tx, cs.id, {
      status,
      ...c,
      decidedBy: who.id,
      decidedByUsername: who.username,
      note: status === 'REJECTED' && !note ? 'Tidak ada butir yang disetujui.' : null,
    });
    const applied = await repo.appliedCounts(tx, cs.id);
    const importStatus = status === 'REJECTED' ? 'rejected' : 'applied';
    if (cs.kind === 'population') await setPopulationImportDecision(tx, cs.import_id, importStatus, applied);
    else await setJknImportDecision(tx, cs.import_id, importStatus, applied);
    return { status, ...c };
  }

  async function approve(id: number, input: ApproveBody) {
    const who = decider();
    const result = await db.tx(async (tx) => {
      const cs = await open(tx, id);
      const sel = await selectionOf(tx, cs, input);
      // Issue 10: on a suspect set, nothing that ends people is approved without their number typed.
      const ending = await repo.countEnding(tx, id, sel);
      const problem = confirmationProblem(cs.suspect, cs.kind, ending, input.confirmMissing);
      if (problem) throw ruleRefusal('CONFIRMATION_REQUIRED', problem, { ending });
      await bulkSessionSettings(tx, db.kind);
      await noJit(tx);
      const round = await repo.nextRound(tx, id);
      const decided = await repo.decideItems(tx, id, 'APPROVED', sel, round, who.id);
      if (decided === 0) {
        throw ruleRefusal(
          'NOTHING_APPROVED',
          'Pilihan ini tidak berisi butir yang masih menunggu keputusan. Pilih jenis atau butir yang belum diputuskan.',
        );
      }
      let applied: { inserted: number; updated: number; ended: number; stale: number };
      let changes: number;
      if (cs.kind === 'population') {
        applied = { ...(await applyPopulationItems(tx, id, cs.as_of, cs.import_id, round)), ended: 0 };
        const details = `CASE WHEN i.kind IN ('BIRTH', 'MOVE_IN') THEN ${NEW_PERSON_DETAILS} ELSE jsonb_build_object('before', i.before, 'after', i.after) END`;
        changes = await repo.appendMembershipChanges(tx, id, membershipChangeTable(), details, who.id, round);
      } else {
        applied = await applyJknItems(tx, id, cs.as_of, cs.import_id, round);
        changes = await repo.appendMembershipChanges(tx, id, membershipChangeTable(), JKN_DETAILS, who.id, round);
      }
      const note = input.note?.trim() || null;
      if (note) await repo.addNote(tx, id, note);
      const s = await settle(tx, cs, note);
      const approved = decided - applied.stale;
      await auditRound(tx, 'reconciliation.approve', cs, round, s.status, {
        approved,
        stale: applied.stale,
        ending,
        confirmed: cs.suspect && ending > 0,
        kinds: sel.kinds,
        items: sel.itemIds.length,
        pending: s.pending,
        membershipChanges: changes,
      });
      return {
        id,
        kind: cs.kind,
        status: s.status,
        approved,
        stale: applied.stale,
        pending: s.pending,
        totals: { approved: s.approved, declined: s.declined, stale: s.stale },
        membershipChanges: changes,
        inserted: applied.inserted,
        updated: applied.updated,
        ended: applied.ended,
      };
    });
    if (result.kind === 'jkn') onApplied('jkn');
    return result;
  }

  /** Declines the selection only; the rest stays open for another day. */
  async function decline(id: number, input: SelectionBody) {
    const who = decider();
    return db.tx(async (tx) => {
      const cs = await open(tx, id);
      const sel = await selectionOf(tx, cs, input);
      const round = await repo.nextRound(tx, id);
      const declined = await repo.decideItems(tx, id, 'DECLINED', sel, round, who.id);
      if (declined === 0) {
        throw ruleRefusal(
          'NOTHING_DECLINED',
          'Pilihan ini tidak berisi butir yang masih menunggu keputusan. Pilih jenis atau butir yang belum diputuskan.',
        );
      }
      const note = input.note?.trim() || null;
      if (note) await repo.addNote(tx, id, note);
      const s = await settle(tx, cs, note);
      await auditRound(tx, 'reconciliation.decline', cs, round, s.status, {
        declined,
        kinds: sel.kinds,
        items: sel.itemIds.length,
        pending: s.pending,
      });
      return {
        id,
        kind: cs.kind,
        status: s.status,
        declined,
        pending: s.pending,
        totals: { approved: s.approved, declined: s.declined, stale: s.stale },
      };
    });
  }

  /** Declines everything still undecided, with a reason, and closes the set. Items approved earlier stay applied. */
  async function reject(id: number, reason: string) {
    const problem = rejectionProblem(reason ?? '');
    if (problem) throw invalid('REASON_REQUIRED', problem);
    const who = decider();
    return db.tx(async (tx) => {
      const cs = await open(tx, id);
      const round = await repo.nextRound(tx, id);
      const declined = await repo.decideItems(tx, id, 'DECLINED', { all: true, kinds: [], itemIds: [] }, round, who.id);
      await repo.addNote(tx, id, reason.trim());
      const s = await settle(tx, cs, reason.trim());
      // The reason stays on the change set; audit details carry no free text.
      await auditRound(tx, 'reconciliation.reject', cs, round, s.status, { declined });
      return {
        id,
        kind: cs.kind,
        status: s.status,
        declined,
        totals: { approved: s.approved, declined: s.declined, stale: s.stale },
      };
    });
  }

  return { approve, decline, reject };
}
