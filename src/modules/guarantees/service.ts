import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import { formatDateId } from '../../platform/calendar/format.js';
import { addDays, jakartaDate, todayJakarta, type CalendarService } from '../../platform/calendar/index.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { verificationCode } from '../../platform/documents/codes.js';
import type { DocumentStore } from '../../platform/documents/store.js';
import type { Actor } from '../../platform/http/context.js';
import { ALL_FACILITIES, authorId, requireActor, scopeOf, type Scope } from '../../platform/http/actor.js';
import { AppError, forbidden, invalid, notFound, ruleRefusal, conflict } from '../../platform/http/errors.js';
import { notify } from '../../platform/notifications/notifications.js';
import { instantOf } from '../../platform/schemas.js';
import type { BirthService } from '../births/index.js';
import { agreementCovering } from '../facilities/index.js';
import type { EligibilityAnswer } from '../membership/index.js';
import * as careRepo from './care-repo.js';
import type { CareType } from './labels.js';
import * as repo from './repo.js';
import { checklist, sjpBasisOf } from './rules/checklist.js';
import { dueAt, lateHours, submissionRefusal } from './rules/deadline.js';
import { documentList } from './rules/documents.js';
import { timeLeftLabel, workingDuration } from './rules/duration.js';
import {
  admissionCheck,
  cutoffCheck,
  diagnosisCheck,
  subjectCheck,
  validityCheck,
  type Refusal,
} from './rules/request.js';
import { REJECT_REASONS, letterNumber, transitionProblem, type RejectReason, type SjpAction } from './rules/status.js';
import type {
  ApproveInput,
  CompletionInput,
  DocumentRefs,
  NewSjp,
  RejectInput,
  SjpDetail,
  SjpListFilter,
  SjpSummary,
} from './schemas.js';

export type { NewSjp } from './schemas.js';

export interface SjpDeps {
  documents: DocumentStore;
  audit: AuditWriter;
  calendar: CalendarService;
  eligibility: { check(nik: string, date?: string): Promise<EligibilityAnswer> };
  births: BirthService;
  /** A referral as its module shows it to the current actor (throws when it is not theirs to see). */
  referrals: { get(id: number): Promise<{ toFacilityCode: string; nik: string }> };
  /** The diagnosis name shown beside the code (ICD-10 module); a code missing from the table shows without a name. */
  icd: { get(code: string): Promise<{ title: string }> };
  /** The officer's full name for the decision and the letter (user profile); null when the profile has none. */
  fullName?: (userId: number) => Promise<string | null>;
  publicUrl: string;
}

/** Agreement services that cover each kind of care (FAC-2 contract); emergencies need none. */
const SERVICES: Record<CareType, string[]> = {
  OUTPATIENT: ['RAWAT_JALAN'],
  INPATIENT: ['RAWAT_INAP'],
  EMERGENCY: [],
  NEWBORN: ['PERSALINAN', 'RAWAT_INAP'],
};

/** A rule's refusal as the one error type: malformed input 400, a business rule 422. */
function refusalError(r: Refusal): AppError {
  return r.kind === 'invalid' ? invalid(r.code, r.message) : ruleRefusal(r.code, r.message);
}

export function view(r: repo.SjpRow): SjpSummary {
  return {
    id: Number(r.id),
    trackingCode: r.tracking_code,
    number: r.number,
    nik: r.nik,
    patientName: r.patient_name,
    facilityCode: r.facility_code,
    facilityName: r.facility_name,
    careType: r.care_type,
    admittedAt: new Date(r.admitted_at).toISOString(),
    admissionDate: r.admission_date,
    diagnosisCode: r.diagnosis_code,
    diagnosisText: r.diagnosis_text,
    careClass: r.care_class,
    basis: r.basis,
    referralId: r.referral_id === null ? null : Number(r.referral_id),
    birthId: r.birth_id === null ? null : Number(r.birth_id),
    origin: r.origin,
    status: r.status,
    dueAt: new Date(r.due_at).toISOString(),
    firstSubmittedAt: r.first_submitted_at ? new Date(r.first_submitted_at).toISOString() : null,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    lateHours: r.late_hours === null ? null : Number(r.late_hours),
    lateLabel: r.late_hours !== null && Number(r.late_hours) > 0 ? workingDuration(Number(r.late_hours)) : null,
    missing: r.missing,
    completionNote: r.completion_note,
    rejectCode: r.reject_code,
    rejectLabel: r.reject_code ? (REJECT_REASONS[r.reject_code as RejectReason] ?? r.reject_code) : null,
    rejectNote: r.reject_note,
    cancelReason: r.cancel_reason,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decidedBy: r.decider_name,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
export type SjpView = SjpSummary;

/**
 * Guarantee letters (SJP-1 … SJP-4): requests from a hospital desk or the
 * office, the SJP-2 checklist with documents, the 3×24 working-hour clock,
 * and the officer's decisions.
 */
export function createSjpService(db: Db, deps: SjpDeps) {
  /** The request locked for a change within the actor's scope, if `action` is allowed in its status. */
  async function requireAllowed(tx: Queryable, id: number, action: SjpAction, scope: Scope) {
    const r = await repo.get(tx, id, scope, true);
    if (!r) throw notFound('SJP_NOT_FOUND', 'Permintaan SJP tidak ditemukan.');
    const problem = transitionProblem(r.status, action);
    if (problem) throw conflict('SJP_STATUS', problem);
    return r;
  }

  /** Submits (or resubmits) in `tx`: records the lateness and refuses it when the setting says so. */
  async function submitIn(tx: Queryable, r: repo.SjpRow, actorName: string) {
    const now = new Date();
    const cal = await deps.calendar.calendar();
    const late = lateHours(new Date(r.due_at), now, cal);
    const { policy } = await repo.latePolicyOn(tx, jakartaDate(now));
    const refusal = submissionRefusal(late, policy);
    if (refusal) throw ruleRefusal('SJP_LATE', refusal, { lateHours: late });
    await repo.update(tx, Number(r.id), {
      status: 'SUBMITTED',
      submitted_at: now,
      first_submitted_at: r.first_submitted_at ?? now,
      late_hours: late,
      missing: [],
    });
    const note = late > 0 ? `Terlambat ${workingDuration(late)}` : null;
    await repo.addEvent(tx, Number(r.id), 'SUBMITTED', note, actorName);
    const again = r.status === 'NEEDS_COMPLETION';
    await notify(
      tx,
      { role: 'sjp' },
      {
        kind: again ? 'sjp.resubmitted' : 'sjp.submitted',
        title: `${again ? 'Kelengkapan SJP dikirim' : 'Permintaan SJP baru'} dari ${r.facility_name}`,
        body: late > 0 ? `Terlambat ${workingDuration(late)}.` : undefined,
        link: `/sjp/${r.id}`,
        entityType: 'sjp_request',
        entityId: String(r.id),
      },
    );
    await auditInTx(tx, {
      action: 'sjp.submit',
      entityType: 'sjp_request',
      entityId: String(r.id),
      details: { lateHours: late },
    });
  }

  async function create(input: NewSjp): Promise<SjpDetail> {
    const actor = requireActor();
    const actorFacility = actor.facilityCode ?? null;
    if (actorFacility && input.facilityCode && input.facilityCode !== actorFacility) {
      throw forbidden('Rumah sakit hanya dapat mengajukan SJP untuk fasilitasnya sendiri.');
    }
    const facilityCode = actorFacility ?? input.facilityCode;
    if (!facilityCode)
      throw invalid('SJP_FACILITY_REQUIRED', 'Pilih rumah sakit tempat pasien dirawat (facilityCode).');
    const facilityName = await repo.facilityName(db, facilityCode);
    if (!facilityName) throw invalid('SJP_FACILITY_UNKNOWN', `Fasilitas ${facilityCode} tidak terdaftar.`);
    // The request's own rules (rules/request.ts), in the order the desk fixes them.
    const now = new Date();
    const admission = admissionCheck(input.admittedAt, input.careType, now);
    if (!admission.ok) throw refusalError(admission.refusal);
    const admittedAt = admission.admittedAt;
    const diagnosis = diagnosisCheck(input.diagnosisCode);
    if (!diagnosis.ok) throw refusalError(diagnosis.refusal);
    const admissionDate = jakartaDate(admittedAt);
    const cutoff = cutoffCheck(input.costCutoffAt, input.careType, admittedAt, now);
    if (!cutoff.ok) throw refusalError(cutoff.refusal);
    const subject = subjectCheck(input.careType, input.nik, input.newborn);
    if (!subject.ok) throw refusalError(subject.refusal);
    const subjectNik = subject.nik;

    // Eligibility on the admission date (for a newborn: the mother's, the child's follows from the birth).
    const decision = await deps.eligibility.check(subjectNik, admissionDate);
    if (!decision.eligible) {
      const why = decision.reasons.map((x) => x.message).join(' ');
      throw ruleRefusal(
        'SJP_NOT_MEMBER',
        `${input.careType === 'NEWBORN' ? 'Ibu bayi' : 'Pasien'} bukan peserta Jamkesda pada tanggal ${formatDateId(admissionDate)}; SJP tidak dapat diajukan.${why ? ` ${why}` : ''}`,
        { reasons: decision.reasons.map((x) => x.code) },
      );
    }
    // FAC-2: the agreement in force is the facilities module's rule.
    if (
      input.careType !== 'EMERGENCY' &&
      !(await agreementCovering(db, facilityCode, admissionDate, SERVICES[input.careType]))
    ) {
      throw ruleRefusal(
        'SJP_NO_AGREEMENT',
        `${facilityName} tidak memiliki perjanjian kerja sama yang berlaku pada ${formatDateId(admissionDate)} untuk layanan ini; SJP hanya dapat diajukan untuk kasus gawat darurat.`,
      );
    }
    await deps.documents.requireUsable(input.documents.map((d) => d.documentId));
    if (input.referralId !== null && !(await referralFits(input.referralId, facilityCode, input.nik))) {
      throw invalid('SJP_REFERRAL', `Rujukan ${input.referralId} tidak ditemukan untuk pasien ini di ${facilityName}.`);
    }
    if (input.newborn) await deps.documents.requireUsable([input.newborn.documentId]);

    const cal = await deps.calendar.calendar();
    const basis = sjpBasisOf(decision.basis);
    const costCutoffAt = cutoff.cutoff;
    // SJP-4: the birth and the baby's request are written in one transaction: a request refused
    // (a duplicate, a late submission) leaves no birth behind, so the desk can simply file again.
    const id = await db.tx(async (tx) => {
      let birth: { id: number; childNik: string | null; childName: string } | null = null;
      if (input.newborn) {
        // A duplicate birth statement stops here (409 BIRTH_DUPLICATE).
        const b = await deps.births.record({ ...input.newborn, motherNik: subjectNik }, { tx });
        birth = { id: b.id, childNik: b.childNik, childName: b.childName };
      }
      const newId = await repo.insert(tx, {
        trackingCode: verificationCode(),
        nik: birth ? birth.childNik : input.nik,
        patientName: birth ? birth.childName : (decision.person?.name ?? '-'),
        facilityCode,
        careType: input.careType,
        admittedAt,
        admissionDate,
        diagnosisCode: diagnosis.code,
        diagnosisText: input.diagnosisText?.trim() || null,
        basis,
        eligibilityBasis: birth ? 'NEWBORN' : decision.basis,
        referralId: input.referralId,
        birthId: birth?.id ?? null,
        motherNik: input.newborn ? subjectNik : null,
        origin: actorFacility ? 'FACILITY' : 'OFFICE',
        // A switch from self-pay starts the guarantee, and its clock, at the cost cut-off.
        dueAt: dueAt(input.careType, costCutoffAt ?? admittedAt, cal),
        costCutoffAt,
        createdBy: authorId(actor),
      });
      if (newId === null) {
        // Name the open request so the desk can go straight to it instead of filing again.
        const open = await repo.openDuplicate(tx, {
          nik: birth ? birth.childNik : input.nik,
          birthId: birth?.id ?? null,
          facilityCode,
          careType: input.careType,
          admissionDate,
        });
        throw new AppError(
          'conflict',
          'SJP_DUPLICATE',
          `Sudah ada permintaan SJP yang masih terbuka untuk pasien ini di ${facilityName} (jenis dan tanggal masuk yang sama)${open ? `, kode lacak ${open.trackingCode}` : ''}.`,
          open ? { existingId: open.id, trackingCode: open.trackingCode } : undefined,
        );
      }
      const docs = [...input.documents];
      if (input.newborn) docs.push({ requirement: 'SURAT_KETERANGAN_LAHIR', documentId: input.newborn.documentId });
      await repo.attach(tx, newId, docs);
      await repo.addEvent(tx, newId, 'DRAFT', null, actor.username);
      await auditInTx(tx, {
        action: 'sjp.create',
        entityType: 'sjp_request',
        entityId: String(newId),
        details: {
          careType: input.careType,
          facilityCode,
          documentIds: docs.map((d) => d.documentId),
          birthId: birth?.id ?? null,
        },
      });
      if (input.submit) await submitIn(tx, (await repo.get(tx, newId, ALL_FACILITIES, true))!, actor.username);
      return newId;
    });
    return get(id);
  }

  /** The referral was made to `facility` for this patient (read through the referrals module). */
  async function referralFits(id: number, facility: string, nik: string | null): Promise<boolean> {
    let referral: { toFacilityCode: string; nik: string };
    try {
      referral = await deps.referrals.get(id);
    } catch (err) {
      if (err instanceof AppError && (err.kind === 'not_found' || err.kind === 'forbidden')) return false;
      throw err;
    }
    return referral.toFacilityCode === facility && (nik === null || referral.nik === nik);
  }

  async function get(id: number): Promise<SjpDetail> {
    const r = await repo.get(db, id, scopeOf(requireActor()));
    if (!r) throw notFound('SJP_NOT_FOUND', 'Permintaan SJP tidak ditemukan.');
    await deps.audit.record({ action: 'sjp.read', entityType: 'sjp_request', entityId: String(id) });
    const docs = await documentsOf(id);
    const cal = await deps.calendar.calendar();
    const hoursLeft = Math.round(cal.workingHoursBetween(new Date(), new Date(r.due_at)) * 100) / 100;
    const events = await repo.events(db, id);
    const askedAt = events.filter((e) => e.status === 'NEEDS_COMPLETION').at(-1)?.at ?? null;
    return {
      ...view(r),
      hoursLeft,
      timeLeft: timeLeftLabel(hoursLeft),
      diagnosisTitle: await diagnosisTitle(r.diagnosis_code),
      eligibility: await eligibilityOnAdmission(r),
      checklist: checklist(r.care_type, r.basis, docs),
      documents: documentList(docs, r.missing, askedAt).map((d) => ({ ...d, addedAt: d.addedAt.toISOString() })),
      events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
      ...(await careRepo.care(db, id)),
      actions: await careRepo.actions(db, id),
      deposits: await careRepo.deposits(db, id),
      letterUrl:
        r.number && (r.status === 'APPROVED' || r.status === 'EXPIRED') ? `/api/v1/sjp/${id}/letter.pdf` : null,
    };
  }

  /** The request's documents with the name and type the document store keeps for each. */
  async function documentsOf(id: number) {
    const attached = await repo.documents(db, id);
    const stored = await deps.documents.describe(attached.map((d) => d.documentId));
    return attached.flatMap((d) => {
      const s = stored.get(d.documentId);
      return s ? [{ ...d, fileName: s.fileName, mediaType: s.mediaType }] : [];
    });
  }

  async function diagnosisTitle(code: string): Promise<string | null> {
    try {
      return (await deps.icd.get(code)).title;
    } catch {
      // A code outside the loaded ICD-10 table (the full table is loaded by the administrator) shows as the code alone.
      return null;
    }
  }

  /** The membership decision on the admission date, for the officer deciding the request (a newborn without NIK: none). */
  async function eligibilityOnAdmission(r: repo.SjpRow) {
    if (!r.nik) return null;
    const e = await deps.eligibility.check(r.nik, r.admission_date);
    return {
      date: e.date,
      eligible: e.eligible,
      basis: e.basis,
      rule: e.rule?.description ?? null,
      reasons: e.reasons.filter((x) => x.severity !== 'INFO').map((x) => x.message),
    };
  }

  async function deciderName(actor: Actor): Promise<string | null> {
    const id = authorId(actor);
    const name = id !== null && deps.fullName ? await deps.fullName(id) : null;
    return name ?? actor.username;
  }

  async function list(f: SjpListFilter) {
    const { rows, total } = await repo.list(db, {
      scope: scopeOf(requireActor()),
      statuses: f.status?.length ? f.status : null,
      search: f.q?.trim().toUpperCase() || null,
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    });
    await deps.audit.record(
      rows.map((r) => ({
        action: 'sjp.read',
        entityType: 'sjp_request',
        entityId: String(r.id),
        details: { via: 'list' },
      })),
    );
    return { items: rows.map(view), total, page: f.page, pageSize: f.pageSize };
  }

  async function attach(id: number, docs: DocumentRefs) {
    const scope = scopeOf(requireActor());
    if (docs.length === 0) throw invalid('SJP_DOCUMENTS_EMPTY', 'Pilih sedikitnya satu dokumen untuk dilampirkan.');
    await deps.documents.requireUsable(docs.map((d) => d.documentId));
    await db.tx(async (tx) => {
      await requireAllowed(tx, id, 'attach', scope);
      await repo.attach(tx, id, docs);
      await repo.update(tx, id, {});
      await auditInTx(tx, {
        action: 'sjp.attach',
        entityType: 'sjp_request',
        entityId: String(id),
        details: { documentIds: docs.map((d) => d.documentId) },
      });
    });
    return get(id);
  }

  async function submit(id: number) {
    const actor = requireActor();
    await db.tx(async (tx) => submitIn(tx, await requireAllowed(tx, id, 'submit', scopeOf(actor)), actor.username));
    return get(id);
  }

  async function cancel(id: number, reason: string) {
    const actor = requireActor();
    if (reason.trim().length < 5) throw invalid('REASON_REQUIRED', 'Alasan pembatalan wajib diisi (minimal 5 huruf).');
    await db.tx(async (tx) => {
      await requireAllowed(tx, id, 'cancel', scopeOf(actor));
      await repo.update(tx, id, { status: 'CANCELLED', cancel_reason: reason.trim() });
      await repo.addEvent(tx, id, 'CANCELLED', reason.trim(), actor.username);
      await auditInTx(tx, { action: 'sjp.cancel', entityType: 'sjp_request', entityId: String(id) });
    });
    return get(id);
  }

  function hospital(r: repo.SjpRow) {
    return { role: 'rumahsakit' as const, facilityCode: r.facility_code };
  }

  async function approve(id: number, input: ApproveInput) {
    const actor = requireActor();
    // Read outside the transaction: the embedded database has one connection, held by the transaction.
    const decider = await deciderName(actor);
    await db.tx(async (tx) => {
      const r = await requireAllowed(tx, id, 'approve', scopeOf(actor));
      const validity = validityCheck(r.care_type, r.admission_date, input.validTo);
      if (!validity.ok) throw refusalError(validity.refusal);
      const { validFrom, validTo } = validity;
      const year = Number(todayJakarta().slice(0, 4));
      const seq = await repo.nextSeq(tx, year);
      const number = letterNumber(seq, year);
      await repo.update(tx, id, {
        status: 'APPROVED',
        number,
        year,
        seq,
        valid_from: validFrom,
        valid_to: validTo,
        decided_at: new Date(),
        decided_by: authorId(actor),
        decider_name: decider,
      });
      await repo.addEvent(
        tx,
        id,
        'APPROVED',
        `Nomor ${number}, berlaku ${formatDateId(validFrom)} s.d. ${formatDateId(validTo)}`,
        actor.username,
      );
      await notify(tx, hospital(r), {
        kind: 'sjp.approved',
        title: `SJP disetujui: ${number}`,
        body: `Berlaku ${formatDateId(validFrom)} s.d. ${formatDateId(validTo)}. Surat dapat dicetak.`,
        link: `/sjp/${id}`,
        entityType: 'sjp_request',
        entityId: String(id),
      });
      await auditInTx(tx, {
        action: 'sjp.approve',
        entityType: 'sjp_request',
        entityId: String(id),
        details: { number, validFrom, validTo },
      });
    });
    return get(id);
  }

  async function askCompletion(id: number, input: CompletionInput) {
    const actor = requireActor();
    if (input.missing.length === 0 && !input.note?.trim()) {
      throw invalid('SJP_MISSING_REQUIRED', 'Sebutkan dokumen yang kurang atau tuliskan keterangan kekurangannya.');
    }
    await db.tx(async (tx) => {
      const r = await requireAllowed(tx, id, 'ask_completion', scopeOf(actor));
      await repo.update(tx, id, {
        status: 'NEEDS_COMPLETION',
        missing: input.missing,
        completion_note: input.note?.trim() || null,
      });
      const labels = checklist(r.care_type, r.basis, [])
        .filter((c) => input.missing.includes(c.code))
        .map((c) => c.label);
      const other = input.missing.filter((m) => !checklist(r.care_type, r.basis, []).some((c) => c.code === m));
      const what = [...labels, ...other].join(', ');
      await repo.addEvent(
        tx,
        id,
        'NEEDS_COMPLETION',
        [what, input.note?.trim()].filter(Boolean).join('. ') || null,
        actor.username,
      );
      await notify(tx, hospital(r), {
        kind: 'sjp.completion_asked',
        title: 'SJP perlu dilengkapi',
        body: what ? `Kurang: ${what}.` : (input.note?.trim() ?? undefined),
        link: `/sjp/${id}`,
        entityType: 'sjp_request',
        entityId: String(id),
      });
      await auditInTx(tx, {
        action: 'sjp.ask_completion',
        entityType: 'sjp_request',
        entityId: String(id),
        details: { missing: input.missing },
      });
    });
    return get(id);
  }

  async function reject(id: number, input: RejectInput) {
    const actor = requireActor();
    const decider = await deciderName(actor);
    if (input.code === 'OTHER' && (input.note?.trim().length ?? 0) < 5) {
      throw invalid('SJP_REJECT_NOTE', 'Untuk alasan "lainnya", tuliskan keterangan penolakan (minimal 5 huruf).');
    }
    await db.tx(async (tx) => {
      const r = await requireAllowed(tx, id, 'reject', scopeOf(actor));
      await repo.update(tx, id, {
        status: 'REJECTED',
        reject_code: input.code,
        reject_note: input.note?.trim() || null,
        decided_at: new Date(),
        decided_by: authorId(actor),
        decider_name: decider,
      });
      await repo.addEvent(tx, id, 'REJECTED', REJECT_REASONS[input.code], actor.username);
      await notify(tx, hospital(r), {
        kind: 'sjp.rejected',
        title: 'SJP ditolak',
        body: REJECT_REASONS[input.code],
        link: `/sjp/${id}`,
        entityType: 'sjp_request',
        entityId: String(id),
      });
      await auditInTx(tx, {
        action: 'sjp.reject',
        entityType: 'sjp_request',
        entityId: String(id),
        details: { code: input.code },
      });
    });
    return get(id);
  }

  return { create, get, list, attach, submit, cancel, approve, askCompletion, reject };
}

export type SjpService = ReturnType<typeof createSjpService>;
