import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import type { DocumentStore } from '../../platform/documents/store.js';
import { authorId, requireActor, requireScope, scopeOf } from '../../platform/http/actor.js';
import { conflict, invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import { todayJakarta } from '../../platform/calendar/index.js';
import type { Decide } from '../membership/index.js';
import { loadFacts } from '../membership/index.js';
import { appendChange } from '../membership/index.js';
import { BIRTH_DOCUMENT_LABELS } from './labels.js';
import * as repo from './repo.js';
import { checkBirth } from './rules/birth.js';
import type { BirthDetail, BirthListFilter, BirthRecord, RecordBirthBody } from './schemas.js';

/** A birth to record: the route's body (MEM-3.2). */
export type RecordBirth = RecordBirthBody;

function view(r: repo.BirthRow): BirthRecord {
  return {
    id: Number(r.id),
    regNumber: r.reg_number,
    childNik: r.child_nik,
    childName: r.child_name,
    sex: r.sex,
    birthDate: r.birth_date,
    birthPlace: r.birth_place,
    motherNik: r.mother_nik,
    fatherNik: r.father_nik,
    noKk: r.no_kk,
    documentKind: r.document_kind,
    documentNumber: r.document_number,
    documentId: Number(r.document_id),
    facilityCode: r.facility_code,
    facilityName: r.facility_name,
    status: r.status,
    cancelReason: r.cancel_reason,
    recordedAt: new Date(r.recorded_at).toISOString(),
    recordedBy: r.recorded_by_name,
  };
}

/**
 * Birth records (MEM-3.2): recorded by the hospital where the child was born
 * or by the membership office, each with its document uploaded. The child's
 * coverage follows from the record and the parents' membership at birth.
 */
export function createBirthService(db: Db, deps: { documents: DocumentStore; decide: Decide; audit: AuditWriter }) {
  /** The child's coverage today, decided like any eligibility check. */
  async function coverage(r: repo.BirthRow) {
    const date = todayJakarta();
    const facts = r.child_nik
      ? (await loadFacts(db, [r.child_nik], [date]))[0]!
      : { person: null, jkn: null, poverty: null, card: null, recommendation: null, birth: null };
    // A cancelled record does not count; an active one is what the eligibility engine reads.
    const birth =
      r.status === 'ACTIVE'
        ? {
            regNumber: r.reg_number,
            childName: r.child_name,
            sex: r.sex,
            birthDate: r.birth_date,
            noKk: r.no_kk,
            documentKind: r.document_kind,
            parentNiks: [r.mother_nik, r.father_nik].filter((n): n is string => n !== null),
          }
        : null;
    const { decision } = await deps.decide(r.child_nik ?? '', date, { ...facts, birth: facts.birth ?? birth });
    return { date, eligible: decision.eligible, basis: decision.basis, reasons: decision.reasons, rule: decision.rule };
  }

  /**
   * Records a birth with its membership change and audit. Alone it runs in its own transaction and
   * answers the detail with today's coverage; given the caller's transaction (`tx`), every read and
   * write goes through it — a newborn SJP records the birth and its request together or not at all —
   * and it answers the record as written (its coverage needs reads outside that transaction).
   */
  async function record(input: RecordBirth): Promise<BirthDetail>;
  async function record(input: RecordBirth, opts: { tx: Queryable }): Promise<BirthRecord>;
  async function record(input: RecordBirth, opts: { tx?: Queryable } = {}): Promise<BirthDetail | BirthRecord> {
    const actor = requireActor();
    const q = opts.tx ?? db;
    const today = todayJakarta();
    const problems = checkBirth(input, today);
    if (problems.length > 0) throw invalid('BIRTH_INVALID', problems.map((p) => p.message).join(' '), { problems });
    await deps.documents.requireUsable([input.documentId], q);
    const parentNiks = [input.motherNik, input.fatherNik].filter((n): n is string => !!n);
    const parents = await repo.findParents(q, parentNiks);
    const mother = parents.find((p) => p.nik === input.motherNik);
    const family = mother ?? parents[0];
    if (!family) {
      throw ruleRefusal(
        'PARENT_NOT_FOUND',
        'Tidak ada orang tua (NIK ibu atau ayah) yang terdaftar dalam data kependudukan Kota.',
      );
    }
    if (mother && mother.sex !== 'P')
      throw invalid('BIRTH_INVALID', 'NIK ibu tercatat sebagai laki-laki dalam data kependudukan.');
    const write = async (tx: Queryable) => {
      if (input.childNik && (await repo.activeForChildNik(tx, input.childNik))) {
        throw conflict('BIRTH_DUPLICATE', 'Kelahiran dengan NIK bayi ini sudah dicatat.');
      }
      const same = await repo.sameDocument(tx, input.documentKind, input.documentNumber);
      if (same)
        throw conflict('BIRTH_DUPLICATE', `Dokumen kelahiran dengan nomor ini sudah dicatat (registrasi ${same}).`);
      const row = await repo.insert(tx, {
        ...input,
        noKk: family.no_kk,
        facilityCode: actor.facilityCode ?? null,
        recordedBy: authorId(actor),
        year: Number(today.slice(0, 4)),
      });
      if (input.childNik) {
        await appendChange(tx, {
          nik: input.childNik,
          kind: 'BIRTH',
          effectiveDate: input.birthDate,
          reason: `Kelahiran dicatat (${BIRTH_DOCUMENT_LABELS[input.documentKind].toLowerCase()}), registrasi ${row.reg_number}`,
          source: 'BIRTH_RECORD',
          sourceId: row.id,
        });
      }
      await auditInTx(tx, {
        action: 'birth.record',
        entityType: 'birth_record',
        entityId: String(row.id),
        details: { documentId: input.documentId },
      });
      return row.id;
    };
    if (opts.tx) {
      const id = await write(opts.tx);
      return view((await repo.get(opts.tx, id, scopeOf(actor)))!);
    }
    return get(await db.tx(write));
  }

  async function get(id: number): Promise<BirthDetail> {
    const r = await repo.get(db, id, requireScope());
    if (!r) throw notFound('BIRTH_NOT_FOUND', 'Catatan kelahiran tidak ditemukan.');
    await deps.audit.record({ action: 'birth.read', entityType: 'birth_record', entityId: String(id) });
    return { ...view(r), coverage: await coverage(r) };
  }

  async function list(f: BirthListFilter) {
    const search = f.q?.trim().toUpperCase() || null;
    const { rows, total } = await repo.list(db, {
      scope: requireScope(),
      status: f.status ?? null,
      search,
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    });
    await deps.audit.record(
      rows.map((r) => ({
        action: 'birth.read',
        entityType: 'birth_record',
        entityId: String(r.id),
        details: { via: 'list' },
      })),
    );
    return { items: rows.map(view), total, page: f.page, pageSize: f.pageSize };
  }

  async function cancel(id: number, reason: string) {
    if (reason.trim().length < 5) throw invalid('REASON_REQUIRED', 'Alasan pembatalan wajib diisi (minimal 5 huruf).');
    const scope = requireScope();
    await db.tx(async (tx) => {
      const r = await repo.get(tx, id, scope);
      if (!r) throw notFound('BIRTH_NOT_FOUND', 'Catatan kelahiran tidak ditemukan.');
      if (!(await repo.cancel(tx, id, reason.trim())))
        throw conflict('BIRTH_ALREADY_CANCELLED', 'Catatan kelahiran ini sudah dibatalkan.');
      if (r.child_nik) {
        await appendChange(tx, {
          nik: r.child_nik,
          kind: 'CORRECTION',
          effectiveDate: r.birth_date,
          reason: `Catatan kelahiran ${r.reg_number} dibatalkan: ${reason.trim()}`,
          source: 'BIRTH_RECORD',
          sourceId: id,
        });
      }
      await auditInTx(tx, { action: 'birth.cancel', entityType: 'birth_record', entityId: String(id) });
    });
    return get(id);
  }

  return { record, get, list, cancel };
}

export type BirthService = ReturnType<typeof createBirthService>;
