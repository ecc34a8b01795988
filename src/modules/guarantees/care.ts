import { auditInTx } from '../../platform/audit/audit.js';
import { formatDateId } from '../../platform/calendar/format.js';
import { jakartaDate, todayJakarta, type CalendarService } from '../../platform/calendar/index.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import type { DocumentStore } from '../../platform/documents/store.js';
import { requireActor, scopeOf } from '../../platform/http/actor.js';
import { conflict, invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import { notify } from '../../platform/notifications/notifications.js';
import * as careRepo from './care-repo.js';
import * as repo from './repo.js';
import { ACTION_KINDS, actionProblem, depositProblems, handledOn, placementProblem } from './rules/incidental.js';
import type { ActionInput, DecideActionInput, DepositInput, PlacementInput } from './schemas.js';
import type { SjpService } from './service.js';

/**
 * What happens during a guaranteed stay: incidental approvals (SJP-5) asked by
 * the hospital and decided by the office, deposits the patient paid (SJP-6)
 * and above-class placement because class III is full (SJP-7).
 */
export function createSjpCareService(
  db: Db,
  deps: { sjp: SjpService; calendar: CalendarService; documents: DocumentStore },
) {
  /** The request locked for a change, within the current actor's scope (facility staff: their own only). */
  async function locked(tx: Queryable, id: number) {
    const r = await repo.get(tx, id, scopeOf(requireActor()), true);
    if (!r) throw notFound('SJP_NOT_FOUND', 'Permintaan SJP tidak ditemukan.');
    return r;
  }

  async function requestAction(id: number, a: ActionInput) {
    const actor = requireActor();
    if (a.description.trim().length < 3)
      throw invalid('SJP_ACTION_DESCRIPTION', 'Uraikan tindakan, AMHP atau rencana pulang (minimal 3 huruf).');
    if (a.documentId !== null) await deps.documents.requireUsable([a.documentId]);
    const cal = await deps.calendar.calendar();
    await db.tx(async (tx) => {
      const r = await locked(tx, id);
      const problem = actionProblem(r.care_type, r.status);
      if (problem) throw ruleRefusal('SJP_ACTION_REFUSED', problem);
      if (a.plannedOn < r.admission_date)
        throw invalid('SJP_ACTION_DATE', 'Tanggal rencana tidak boleh sebelum tanggal masuk.');
      const handled = handledOn(a.kind, a.plannedOn, cal);
      const actionId = await careRepo.insertAction(tx, {
        requestId: id,
        ...a,
        description: a.description.trim(),
        handledOn: handled,
        by: actor.username,
      });
      await notify(
        tx,
        { role: 'sjp' },
        {
          kind: 'sjp.action_requested',
          title: `Persetujuan ${ACTION_KINDS[a.kind].toLowerCase()} (${a.unit}) dari ${r.facility_name}`,
          body: handled !== a.plannedOn ? `Diproses pada hari kerja berikutnya: ${formatDateId(handled)}.` : undefined,
          link: `/sjp/${id}`,
          entityType: 'sjp_request',
          entityId: String(id),
        },
      );
      await auditInTx(tx, {
        action: 'sjp.action.request',
        entityType: 'sjp_request',
        entityId: String(id),
        details: { actionId, kind: a.kind, unit: a.unit },
      });
    });
    return deps.sjp.get(id);
  }

  async function decideAction(id: number, actionId: number, d: DecideActionInput) {
    const actor = requireActor();
    if (!d.approve && (d.note?.trim().length ?? 0) < 5)
      throw invalid('SJP_ACTION_NOTE', 'Tuliskan alasan penolakan (minimal 5 huruf).');
    await db.tx(async (tx) => {
      const r = await locked(tx, id);
      if (!(await careRepo.decideAction(tx, id, actionId, d.approve, d.note?.trim() || null, actor.username))) {
        throw conflict('SJP_ACTION_NOT_PENDING', 'Permintaan persetujuan ini tidak ada atau sudah diputuskan.');
      }
      await notify(
        tx,
        { role: 'rumahsakit', facilityCode: r.facility_code },
        {
          kind: d.approve ? 'sjp.action_approved' : 'sjp.action_rejected',
          title: d.approve ? 'Persetujuan kasus insidentil diberikan' : 'Persetujuan kasus insidentil ditolak',
          body: d.note?.trim() || undefined,
          link: `/sjp/${id}`,
          entityType: 'sjp_request',
          entityId: String(id),
        },
      );
      await auditInTx(tx, {
        action: 'sjp.action.decide',
        entityType: 'sjp_request',
        entityId: String(id),
        details: { actionId, approve: d.approve },
      });
    });
    return deps.sjp.get(id);
  }

  async function addDeposit(id: number, d: DepositInput) {
    const actor = requireActor();
    if (d.documentId !== null) await deps.documents.requireUsable([d.documentId]);
    await db.tx(async (tx) => {
      const r = await locked(tx, id);
      if (r.care_type === 'OUTPATIENT' || !['SUBMITTED', 'NEEDS_COMPLETION', 'APPROVED', 'DRAFT'].includes(r.status)) {
        throw ruleRefusal(
          'SJP_DEPOSIT_REFUSED',
          'Deposit hanya dicatat untuk rawat inap yang SJP-nya masih berjalan atau disetujui.',
        );
      }
      const problems = depositProblems(d, r.admission_date, todayJakarta());
      if (problems.length) throw invalid('SJP_DEPOSIT_INVALID', problems.join(' '), { problems });
      const depositId = await careRepo.insertDeposit(tx, {
        requestId: id,
        ...d,
        note: d.note?.trim() || null,
        by: actor.username,
      });
      await auditInTx(tx, {
        action: 'sjp.deposit.record',
        entityType: 'sjp_request',
        entityId: String(id),
        details: { depositId, amount: d.amount },
      });
    });
    return deps.sjp.get(id);
  }

  async function recordPlacement(id: number, p: PlacementInput) {
    const actor = requireActor();
    const since = new Date(p.since);
    if (Number.isNaN(since.getTime()) || !/(Z|[+-]\d{2}:?\d{2})$/.test(p.since))
      throw invalid('SJP_PLACEMENT_TIME', 'Waktu penempatan harus waktu ISO dengan zona.');
    await db.tx(async (tx) => {
      const r = await locked(tx, id);
      const problem = placementProblem(r.care_type, r.status);
      if (problem) throw ruleRefusal('SJP_PLACEMENT_REFUSED', problem);
      if (since.getTime() < new Date(r.admitted_at).getTime() || since.getTime() > Date.now() + 10 * 60_000) {
        throw invalid('SJP_PLACEMENT_TIME', 'Waktu penempatan harus di antara waktu masuk dan sekarang.');
      }
      await repo.update(tx, id, { placed_class: p.placedClass, placed_since: since });
      await repo.addEvent(
        tx,
        id,
        r.status,
        `Ditempatkan di kelas ${p.placedClass} sejak ${formatDateId(jakartaDate(since))} karena kelas III penuh (tarif insidentil)`,
        actor.username,
      );
      await notify(
        tx,
        { role: 'sjp' },
        {
          kind: 'sjp.above_class',
          title: `Pasien ditempatkan di atas kelas III: ${r.facility_name}`,
          body: `Kelas ${p.placedClass}, kelas III penuh.`,
          link: `/sjp/${id}`,
          entityType: 'sjp_request',
          entityId: String(id),
        },
      );
      await auditInTx(tx, {
        action: 'sjp.placement.record',
        entityType: 'sjp_request',
        entityId: String(id),
        details: { placedClass: p.placedClass },
      });
    });
    return deps.sjp.get(id);
  }

  return { requestAction, decideAction, addDeposit, recordPlacement };
}

export type SjpCareService = ReturnType<typeof createSjpCareService>;
