import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/index.js';
import type { DocumentStore } from '../../platform/documents/store.js';
import { currentContext } from '../../platform/http/context.js';
import { conflict, invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import { todayJakarta } from '../../platform/calendar/index.js';
import type { Decide } from '../membership/index.js';
import { loadFacts } from '../membership/index.js';
import { appendChange } from '../membership/index.js';
import * as repo from './repo.js';
import { checkBirth, type BirthInput } from './rules/birth.js';

export interface RecordBirth extends BirthInput {
  birthPlace: string | null;
  documentId: number;
}

function view(r: repo.BirthRow) {
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
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by_name,
  };
}

/** Facility staff see and change only their facility's records. */
function scope(): string | null {
  return currentContext()?.actor?.facilityCode ?? null;
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

  async function record(input: RecordBirth) {
    const today = todayJakarta();
    const problems = checkBirth(input, today);
    if (problems.length > 0) throw invalid('BIRTH_INVALID', problems.map((p) => p.message).join(' '), { problems });
    await deps.documents.requireUsable([input.documentId]);
    const parentNiks = [input.motherNik, input.fatherNik].filter((n): n is string => !!n);
    const parents = await repo.findParents(db, parentNiks);
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
    const actor = currentContext()?.actor;
    const id = await db.tx(async (tx) => {
      if (input.childNik && (await repo.activeForChildNik(tx, input.childNik))) {
        throw conflict('BIRTH_DUPLICATE', 'Kelahiran dengan NIK bayi ini sudah dicatat.');
      }
      const same = await repo.sameDocument(tx, input.documentKind, input.documentNumber);
      if (same)
        throw conflict('BIRTH_DUPLICATE', `Dokumen kelahiran dengan nomor ini sudah dicatat (registrasi ${same}).`);
      const row = await repo.insert(tx, {
        ...input,
        noKk: family.no_kk,
        facilityCode: actor?.facilityCode ?? null,
        recordedBy: actor && actor.id > 0 ? actor.id : null,
        year: Number(today.slice(0, 4)),
      });
      if (input.childNik) {
        await appendChange(tx, {
          nik: input.childNik,
          kind: 'BIRTH',
          effectiveDate: input.birthDate,
          reason: `Kelahiran dicatat (${input.documentKind === 'AKTA_KELAHIRAN' ? 'akta kelahiran' : 'surat keterangan lahir'}), registrasi ${row.reg_number}`,
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
    });
    return get(id);
  }

  async function get(id: number) {
    const r = await repo.get(db, id, scope());
    if (!r) throw notFound('BIRTH_NOT_FOUND', 'Catatan kelahiran tidak ditemukan.');
    await deps.audit.record({ action: 'birth.read', entityType: 'birth_record', entityId: String(id) });
    return { ...view(r), coverage: await coverage(r) };
  }

  async function list(f: { status?: 'ACTIVE' | 'CANCELLED'; q?: string; page: number; pageSize: number }) {
    const search = f.q?.trim().toUpperCase() || null;
    const { rows, total } = await repo.list(db, {
      facility: scope(),
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
    await db.tx(async (tx) => {
      const r = await repo.get(tx, id, scope());
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
