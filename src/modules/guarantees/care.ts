import { auditInTx } from '../../platform/audit/audit.js';
import { formatDateId } from '../../platform/calendar/format.js';
import { jakartaDate, todayJakarta, type CalendarService } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/index.js';
import type { DocumentStore } from '../../platform/documents/store.js';
import { currentContext } from '../../platform/http/context.js';
import { conflict, invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import { notify } from '../../platform/notifications/notifications.js';
import * as careRepo from './care-repo.js';
import * as repo from './repo.js';
import {
  ACTION_KINDS,
  actionProblem,
  depositProblems,
  handledOn,
  placementProblem,
  type ActionKind,
  type IntensiveUnit,
} from './rules/incidental.js';
import type { SjpService } from './service.js';

function scope(): string | null {
  return currentContext()?.actor?.facilityCode ?? null;
}
function actorName(): string | null {
  return currentContext()?.actor?.username ?? null;
}

/**
 * What happens during a guaranteed stay: incidental approvals (SJP-5) asked by
 * the hospital and decided by the office, deposits the patient paid (SJP-6)
 * and above-class placement because class III is full (SJP-7).
 */
export function createSjpCareService(
  db: Db,
  deps: { sjp: SjpService; calendar: CalendarService; documents: DocumentStore },
) {
  async function locked(tx: Parameters<Parameters<Db['tx']>[0]>[0], id: number) {
    const r = await repo.get(tx, id, scope(), true);
    if (!r) throw notFound('SJP_NOT_FOUND', 'Permintaan SJP tidak ditemukan.');
    return r;
  }

  async function requestAction(
    id: number,
    a: { kind: ActionKind; unit: IntensiveUnit; description: string; plannedOn: string; documentId: number | null },
  ) {
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
        by: actorName(),
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

  async function decideAction(id: number, actionId: number, d: { approve: boolean; note: string | null }) {
    if (!d.approve && (d.note?.trim().length ?? 0) < 5)
      throw invalid('SJP_ACTION_NOTE', 'Tuliskan alasan penolakan (minimal 5 huruf).');
    await db.tx(async (tx) => {
      const r = await locked(tx, id);
      if (!(await careRepo.decideAction(tx, id, actionId, d.approve, d.note?.trim() || null, actorName()))) {
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

  async function addDeposit(
    id: number,
    d: { amount: number; paidOn: string; documentId: number | null; note: string | null },
  ) {
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
        by: actorName(),
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

  async function recordPlacement(id: number, p: { placedClass: 'II' | 'I' | 'VIP'; since: string }) {
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
        actorName(),
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
