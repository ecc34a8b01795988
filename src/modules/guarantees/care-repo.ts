import type { Queryable } from '../../platform/db/index.js';

/** SQL for the incidental approvals (SJP-5), deposits (SJP-6) and placement (SJP-7) of a request. */
export async function actions(q: Queryable, requestId: number) {
  const r = await q.query<{
    id: number;
    kind: string;
    unit: string;
    description: string;
    planned_on: string;
    handled_on: string;
    document_id: number | null;
    status: string;
    decision_note: string | null;
    decided_at: Date | null;
    decider_name: string | null;
    requested_by_name: string | null;
    created_at: Date;
  }>(
    `SELECT id, kind, unit, description, to_char(planned_on, 'YYYY-MM-DD') AS planned_on, to_char(handled_on, 'YYYY-MM-DD') AS handled_on, document_id,
            status, decision_note, decided_at, decider_name, requested_by_name, created_at
       FROM sjp_action WHERE request_id = $1 ORDER BY id`,
    [requestId],
  );
  return r.rows.map((a) => ({
    id: Number(a.id),
    kind: a.kind,
    unit: a.unit,
    description: a.description,
    plannedOn: a.planned_on,
    handledOn: a.handled_on,
    documentId: a.document_id === null ? null : Number(a.document_id),
    status: a.status,
    decisionNote: a.decision_note,
    decidedAt: a.decided_at ? a.decided_at.toISOString() : null,
    decidedBy: a.decider_name,
    requestedBy: a.requested_by_name,
    createdAt: a.created_at.toISOString(),
  }));
}

export async function insertAction(
  q: Queryable,
  a: {
    requestId: number;
    kind: string;
    unit: string;
    description: string;
    plannedOn: string;
    handledOn: string;
    documentId: number | null;
    by: string | null;
  },
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO sjp_action (request_id, kind, unit, description, planned_on, handled_on, document_id, requested_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [a.requestId, a.kind, a.unit, a.description, a.plannedOn, a.handledOn, a.documentId, a.by],
  );
  return Number(r.rows[0]!.id);
}

/** Decides a pending action of the request; false when there is none with that id still pending. */
export async function decideAction(
  q: Queryable,
  requestId: number,
  actionId: number,
  approve: boolean,
  note: string | null,
  by: string | null,
): Promise<boolean> {
  const r = await q.query(
    `UPDATE sjp_action SET status = $3, decision_note = $4, decided_at = now(), decider_name = $5
      WHERE id = $2 AND request_id = $1 AND status = 'REQUESTED'`,
    [requestId, actionId, approve ? 'APPROVED' : 'REJECTED', note, by],
  );
  return r.rowCount > 0;
}

export async function deposits(q: Queryable, requestId: number) {
  const r = await q.query<{
    id: number;
    amount: string;
    paid_on: string;
    document_id: number | null;
    note: string | null;
    recorded_by_name: string | null;
  }>(
    `SELECT id, amount::text AS amount, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, document_id, note, recorded_by_name FROM sjp_deposit WHERE request_id = $1 ORDER BY id`,
    [requestId],
  );
  return r.rows.map((d) => ({
    id: Number(d.id),
    amount: Number(d.amount),
    paidOn: d.paid_on,
    documentId: d.document_id === null ? null : Number(d.document_id),
    note: d.note,
    recordedBy: d.recorded_by_name,
  }));
}

export async function insertDeposit(
  q: Queryable,
  d: {
    requestId: number;
    amount: number;
    paidOn: string;
    documentId: number | null;
    note: string | null;
    by: string | null;
  },
) {
  const r = await q.query<{ id: number }>(
    `INSERT INTO sjp_deposit (request_id, amount, paid_on, document_id, note, recorded_by_name) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [d.requestId, d.amount, d.paidOn, d.documentId, d.note, d.by],
  );
  return Number(r.rows[0]!.id);
}

export async function care(q: Queryable, requestId: number) {
  const r = await q.query<{ cost_cutoff_at: Date | null; placed_class: string | null; placed_since: Date | null }>(
    'SELECT cost_cutoff_at, placed_class, placed_since FROM sjp_request WHERE id = $1',
    [requestId],
  );
  const row = r.rows[0];
  return {
    costCutoffAt: row?.cost_cutoff_at ? row.cost_cutoff_at.toISOString() : null,
    placedClass: row?.placed_class ?? null,
    placedSince: row?.placed_since ? row.placed_since.toISOString() : null,
  };
}
