import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import { todayJakarta } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/index.js';
import { normaliseCode, verificationCode } from '../../platform/documents/codes.js';
import { initials } from '../../platform/documents/initials.js';
import { verificationUrl } from '../../platform/documents/pdf.js';
import { ALL_FACILITIES, authorId, requireActor, requireOwnFacility, requireScope } from '../../platform/http/actor.js';
import { AppError, conflict, forbidden, invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import { notify } from '../../platform/notifications/notifications.js';
import type { EligibilityAnswer } from '../membership/index.js';
import type { IcdService } from '../icd/index.js';
import { letterheadFor, signerOf, type Letterhead } from '../../platform/documents/letterhead.js';
import { renderBackReferralPdf, renderReferralPdf } from './pdf.js';
import * as repo from './repo.js';
import type { ActionInput, DestinationsQuery, EmergencyInput, ListQuery, NewReferralInput } from './schemas.js';
import type { Referral } from './repo.js';
import { PROXIMITY_LABEL, rankDestinations } from './rules/ranking.js';
import {
  checkDestination,
  formatReferralNumber,
  initialStatus,
  transition,
  type Action,
  type Kind,
  type Status,
} from './rules/referral.js';

export interface ReferralDeps {
  audit: AuditWriter;
  icd: IcdService;
  eligibility: { check(nik: string, date?: string): Promise<EligibilityAnswer> };
  publicUrl: string;
  userName: (id: number) => Promise<string | null>;
  today?: () => string;
  /** The one letterhead source (region from the administrator's setting). */
  letterheads?: { for(office: 'HEALTH'): Promise<Letterhead> };
}

const notFoundError = () => notFound('REFERRAL_NOT_FOUND', 'Rujukan tidak ditemukan.');

function view(r: Referral, publicUrl: string) {
  return { ...r, verifyUrl: verificationUrl(publicUrl, 'rujukan', r.verifyCode) };
}
export type ReferralView = ReturnType<typeof view>;

/**
 * Referrals (REF-1 … REF-7): a facility refers a member to a partner hospital,
 * the receiver confirms a bed (hospital-to-hospital), records arrival and
 * admission and sends the back-referral. Every write is audited and announced
 * in its transaction; every read of a patient's data is audited before it is answered.
 */
export function createReferralService(db: Db, deps: ReferralDeps) {
  const today = deps.today ?? (() => todayJakarta());

  /** The facility the actor works at; office roles have none and may not record referrals. */
  function ownFacility(): string {
    return requireOwnFacility(
      'Akun Anda tidak terikat ke fasilitas kesehatan; hanya petugas puskesmas atau rumah sakit yang dapat mencatat rujukan.',
    );
  }

  /** Who signs and is named on a referral: the user's full name; work run by the system names the desk. */
  async function author(): Promise<{ id: number | null; name: string }> {
    const a = requireActor();
    const id = authorId(a);
    if (id === null) return { id: null, name: 'Petugas fasilitas' };
    return { id, name: (await deps.userName(id)) ?? a.username };
  }

  /** Partner hospitals ranked for the actor's facility: nearest first, then free class III beds. */
  async function destinations(opts: Partial<DestinationsQuery> = {}) {
    const fc = ownFacility();
    const d = today();
    const origin = await repo.facilityInfo(db, fc, d);
    if (!origin) throw notFoundError();
    const all = await repo.hospitals(db, d, opts.emergency === true);
    const ranked = rankDestinations(
      origin.villageCode,
      all.filter((h) => h.code !== fc),
    );
    return {
      from: { code: origin.code, name: origin.name, level: origin.level },
      items: ranked.map((h) => {
        const refusal = checkDestination({ ...origin }, h, opts.emergency === true);
        return {
          code: h.code,
          name: h.name,
          address: h.address,
          location: h.location,
          partner: h.partner,
          freeBeds: h.freeBeds,
          bedsReportedAt: h.bedsReportedAt,
          proximity: h.proximity,
          proximityLabel: PROXIMITY_LABEL[h.proximity],
          rank: h.rank,
          available: refusal === null,
          refusal: refusal?.message ?? null,
        };
      }),
    };
  }

  async function checkPatient(nik: string, emergency: boolean): Promise<EligibilityAnswer> {
    const e = await deps.eligibility.check(nik, today());
    if (!e.eligible && !emergency) {
      const why = e.reasons
        .filter((r) => r.severity === 'BLOCK')
        .map((r) => r.message)
        .join(' ');
      throw ruleRefusal(
        'NOT_ELIGIBLE',
        `Pasien dengan NIK ini bukan peserta Jamkesda hari ini${why ? `: ${why}` : '.'} Rujukan Jamkesda tidak dapat dibuat; untuk kasus gawat darurat centang "Gawat darurat".`,
        { reasons: e.reasons },
      );
    }
    return e;
  }

  async function diagnosis(code: string) {
    try {
      return await deps.icd.get(code);
    } catch (err) {
      if (err instanceof AppError)
        throw new AppError(err.kind === 'not_found' ? 'invalid' : err.kind, err.code, `Diagnosis: ${err.message}`);
      throw err;
    }
  }

  async function insert(
    input: {
      nik: string;
      diagnosisCode: string;
      kind: Kind;
      emergency: boolean;
      clinicalNotes: string;
      requestKey: string | null;
    },
    from: string | null,
    to: string,
    status: Status,
    partner: boolean,
    e: EligibilityAnswer,
    competencyFlag: boolean,
  ): Promise<number> {
    const by = await author();
    const year = Number(today().slice(0, 4));
    return db.tx(async (tx) => {
      await repo.lockPatient(tx, input.nik);
      if (input.requestKey) {
        const same = await repo.byRequestKey(tx, from, input.requestKey);
        if (same)
          throw new AppError(
            'conflict',
            'REFERRAL_DUPLICATE',
            `Rujukan ini sudah terkirim dengan nomor ${same.number}; tidak dibuat dua kali.`,
            { id: same.id },
          );
      }
      const dup = await repo.openDuplicate(tx, input.nik, from, to, input.diagnosisCode);
      if (dup) {
        throw new AppError(
          'conflict',
          'REFERRAL_DUPLICATE',
          `Pasien ini sudah memiliki rujukan ${dup.number} yang masih berjalan ke rumah sakit yang sama untuk diagnosis yang sama.`,
          { id: dup.id },
        );
      }
      const seq = await repo.nextSeq(tx, year);
      const number = formatReferralNumber(seq, year);
      const id = await repo.insertReferral(tx, {
        number,
        year,
        seq,
        nik: input.nik,
        personName: e.person?.name ?? '(tidak terdaftar)',
        from,
        to,
        kind: input.kind,
        diagnosisCode: input.diagnosisCode,
        status,
        emergency: input.emergency,
        eligible: e.eligible,
        eligibilityBasis: e.basis,
        eligibilityReasons: e.reasons,
        competencyFlag,
        partner,
        clinicalNotes: input.clinicalNotes,
        verifyCode: verificationCode(),
        requestKey: input.requestKey,
        createdBy: by.id,
        creatorName: by.name,
      });
      await auditInTx(tx, {
        action: from ? 'referral.create' : 'referral.emergency',
        entityType: 'referral',
        entityId: String(id),
        details: { number, from, to, status, emergency: input.emergency, eligible: e.eligible, competencyFlag },
      });
      if (from) {
        await notify(
          tx,
          { role: 'rumahsakit', facilityCode: to },
          {
            kind: status === 'AWAITING_BED' ? 'referral.bed_request' : 'referral.new',
            title:
              status === 'AWAITING_BED' ? `Permintaan tempat tidur untuk rujukan ${number}` : `Rujukan masuk ${number}`,
            body: input.emergency ? 'Gawat darurat.' : '',
            link: `/rujukan/${id}`,
            entityType: 'referral',
            entityId: String(id),
          },
        );
      }
      return id;
    });
  }

  function cleanInput(i: {
    nik: string;
    diagnosisCode: string;
    clinicalNotes?: string | null;
    requestKey?: string | null;
  }) {
    const nik = i.nik.replace(/[\s.]/g, '');
    if (!/^\d{16}$/.test(nik)) throw invalid('INVALID_NIK', 'NIK pasien harus 16 digit angka.');
    const notes = (i.clinicalNotes ?? '').trim();
    if (notes.length > 2000) throw invalid('NOTES_TOO_LONG', 'Catatan klinis paling banyak 2000 karakter.');
    const key = i.requestKey?.trim() || null;
    return { nik, notes, key };
  }

  /** REF-1/REF-2: a facility refers a member to a hospital. */
  async function create(input: NewReferralInput): Promise<ReferralView> {
    const from = ownFacility();
    const { nik, notes, key } = cleanInput(input);
    const emergency = input.emergency === true;
    const d = today();
    const dx = await diagnosis(input.diagnosisCode);
    const [origin, dest] = await Promise.all([
      repo.facilityInfo(db, from, d),
      repo.facilityInfo(db, input.toFacilityCode.trim().toUpperCase(), d),
    ]);
    if (!origin) throw notFoundError();
    if (!dest)
      throw invalid(
        'UNKNOWN_FACILITY',
        `Fasilitas tujuan ${input.toFacilityCode.slice(0, 32)} tidak ada dalam daftar fasilitas.`,
      );
    const refusal = checkDestination(origin, dest, emergency);
    if (refusal) throw ruleRefusal(refusal.code, refusal.message);
    const e = await checkPatient(nik, emergency);
    const id = await insert(
      { nik, diagnosisCode: dx.code, kind: input.kind, emergency, clinicalNotes: notes, requestKey: key },
      from,
      dest.code,
      initialStatus(origin),
      dest.partner,
      e,
      origin.level === 'PPK1' && dx.primaryCare,
    );
    return view((await repo.getReferral(db, id, ALL_FACILITIES))!, deps.publicUrl);
  }

  /** REF-3: a hospital records an emergency admission that came without a referral. */
  async function recordEmergency(input: EmergencyInput): Promise<ReferralView> {
    const to = ownFacility();
    const { nik, notes, key } = cleanInput(input);
    const d = today();
    const dx = await diagnosis(input.diagnosisCode);
    const hospital = await repo.facilityInfo(db, to, d);
    if (!hospital || hospital.level !== 'PPK2')
      throw ruleRefusal('NOT_A_HOSPITAL', 'Penerimaan gawat darurat tanpa rujukan hanya dicatat oleh rumah sakit.');
    const e = await deps.eligibility.check(nik, d);
    if (key) {
      const same = await repo.byRequestKey(db, null, key);
      if (same) throw conflict('REFERRAL_DUPLICATE', `Penerimaan ini sudah tercatat dengan nomor ${same.number}.`);
    }
    const id = await insert(
      { nik, diagnosisCode: dx.code, kind: 'MEDICAL', emergency: true, clinicalNotes: notes, requestKey: key },
      null,
      to,
      'ADMITTED',
      hospital.partner,
      e,
      false,
    );
    return view((await repo.getReferral(db, id, ALL_FACILITIES))!, deps.publicUrl);
  }

  async function list(f: ListQuery) {
    const sc = requireScope();
    if (f.direction && 'all' in sc)
      throw invalid('DIRECTION_NEEDS_FACILITY', 'Saringan masuk/keluar hanya untuk akun fasilitas.');
    const nik = f.nik?.replace(/[\s.]/g, '');
    if (nik !== undefined && !/^\d{16}$/.test(nik)) throw invalid('INVALID_NIK', 'NIK harus 16 digit angka.');
    const r = await repo.listReferrals(db, sc, { ...f, nik });
    if (r.items.length) {
      await deps.audit.record(
        r.items.map((x) => ({
          action: 'referral.list',
          entityType: 'person',
          entityId: x.nik,
          details: { referralId: x.id },
        })),
      );
    }
    return { items: r.items.map((x) => view(x, deps.publicUrl)), total: r.total };
  }

  async function get(id: number): Promise<ReferralView> {
    const r = await repo.getReferral(db, id, requireScope());
    if (!r) throw notFoundError();
    await deps.audit.record({
      action: 'referral.read',
      entityType: 'person',
      entityId: r.nik,
      details: { referralId: r.id },
    });
    return view(r, deps.publicUrl);
  }

  async function pdf(id: number): Promise<{ fileName: string; bytes: Buffer }> {
    const r = await repo.getReferral(db, id, requireScope());
    if (!r) throw notFoundError();
    const signers = await repo.signerIds(db, id);
    const bytes = await renderReferralPdf(
      r,
      verificationUrl(deps.publicUrl, 'rujukan', r.verifyCode),
      await letterhead(),
      await signerOf(db, signers.createdBy),
    );
    await deps.audit.record({
      action: 'referral.print',
      entityType: 'person',
      entityId: r.nik,
      details: { referralId: r.id },
    });
    return { fileName: `rujukan-${r.number.replace(/\//g, '-').toLowerCase()}.pdf`, bytes };
  }

  /** REF-5: the back-referral letter (surat rujukan balik) from the receiving hospital, once the patient is sent back. */
  async function backReferralPdf(id: number): Promise<{ fileName: string; bytes: Buffer }> {
    const r = await repo.getReferral(db, id, requireScope());
    if (!r) throw notFoundError();
    if (r.status !== 'RETURNED')
      throw conflict(
        'BACK_REFERRAL_NONE',
        'Surat rujukan balik baru tersedia setelah rumah sakit mencatat rujukan balik.',
      );
    const signers = await repo.signerIds(db, id);
    const signer = await signerOf(db, signers.returnedBy);
    const bytes = await renderBackReferralPdf(
      r,
      verificationUrl(deps.publicUrl, 'rujukan', r.verifyCode),
      await letterhead(),
      signer,
      signers.returnerName,
    );
    await deps.audit.record({
      action: 'referral.print',
      entityType: 'person',
      entityId: r.nik,
      details: { referralId: r.id, letter: 'back-referral' },
    });
    return { fileName: `rujukan-balik-${r.number.replace(/\//g, '-').toLowerCase()}.pdf`, bytes };
  }

  async function letterhead(): Promise<Letterhead> {
    return deps.letterheads ? deps.letterheads.for('HEALTH') : letterheadFor('HEALTH', null, null);
  }

  /** The receiving hospital's steps: confirm bed, decline, arrival, admission, back-referral (REF-5, REF-7). */
  async function act(id: number, action: Action, body: Partial<ActionInput> = {}): Promise<ReferralView> {
    const fc = ownFacility();
    const reason = body.reason?.trim() ?? '';
    const condition = body.condition?.trim() ?? '';
    const followUp = body.followUp?.trim() ?? '';
    if (action === 'DECLINE' && reason.length < 5)
      throw invalid('REASON_REQUIRED', 'Tuliskan alasan penolakan (minimal 5 karakter).');
    if (action === 'RETURN' && (condition.length < 3 || followUp.length < 3)) {
      throw invalid(
        'BACK_REFERRAL_INCOMPLETE',
        'Rujukan balik harus berisi kondisi pasien dan tindak lanjut di fasilitas perujuk (masing-masing minimal 3 karakter).',
      );
    }
    if (reason.length > 2000 || condition.length > 2000 || followUp.length > 2000)
      throw invalid('TEXT_TOO_LONG', 'Isian paling banyak 2000 karakter.');
    // The back-referral letter's signer, read before the transaction takes the (embedded database's only) connection.
    const by = action === 'RETURN' ? await author() : undefined;
    await db.tx(async (tx) => {
      const r = await repo.getReferral(tx, id, { facility: fc }, true);
      if (!r) throw notFoundError();
      if (r.toFacilityCode !== fc)
        throw forbidden('Hanya rumah sakit tujuan yang dapat mencatat tindak lanjut rujukan ini.');
      const t = transition(r.status, action);
      if (!t.ok) throw conflict('REFERRAL_STATE', t.message);
      await repo.setStatus(tx, id, t.status, {
        declinedReason: reason,
        returnCondition: condition,
        returnFollowUp: followUp,
        by,
      });
      await auditInTx(tx, {
        action: `referral.${action.toLowerCase()}`,
        entityType: 'referral',
        entityId: String(id),
        details: { from: r.status, to: t.status },
      });
      if (r.fromFacilityCode && (action === 'RETURN' || action === 'DECLINE' || action === 'CONFIRM_BED')) {
        const role = r.fromLevel === 'PPK2' ? 'rumahsakit' : 'puskesmas';
        const title =
          action === 'RETURN'
            ? `Rujukan balik ${r.number}`
            : action === 'DECLINE'
              ? `Rujukan ${r.number} ditolak`
              : `Tempat tidur dikonfirmasi untuk rujukan ${r.number}`;
        await notify(
          tx,
          { role, facilityCode: r.fromFacilityCode },
          {
            kind: `referral.${action.toLowerCase()}`,
            title,
            body: action === 'DECLINE' ? reason : '',
            link: `/rujukan/${id}`,
            entityType: 'referral',
            entityId: String(id),
          },
        );
      }
    });
    return view((await repo.getReferral(db, id, { facility: fc }))!, deps.publicUrl);
  }

  /**
   * REF-6: the office reviews a referral whose diagnosis is on the primary-care
   * competency list — justified (complication, comorbidity, failed treatment)
   * or not — once, with a note. The referring facility is told the outcome.
   */
  async function reviewCompetency(
    id: number,
    verdict: 'JUSTIFIED' | 'NOT_JUSTIFIED',
    noteRaw: string,
  ): Promise<ReferralView> {
    const note = noteRaw.trim();
    if (note.length < 5) throw invalid('NOTE_REQUIRED', 'Tuliskan catatan telaah (minimal 5 karakter).');
    if (note.length > 2000) throw invalid('TEXT_TOO_LONG', 'Isian paling banyak 2000 karakter.');
    const who = await author();
    await db.tx(async (tx) => {
      const r = await repo.getReferral(tx, id, ALL_FACILITIES, true);
      if (!r) throw notFoundError();
      if (!r.competencyFlag)
        throw conflict('NOT_FLAGGED', 'Rujukan ini tidak ditandai sebagai diagnosis kompetensi layanan primer.');
      if (!(await repo.reviewCompetency(tx, id, verdict, note, who.name)))
        throw conflict('ALREADY_REVIEWED', 'Rujukan ini sudah ditelaah.');
      await auditInTx(tx, {
        action: 'referral.competency_review',
        entityType: 'referral',
        entityId: String(id),
        details: { verdict },
      });
      if (r.fromFacilityCode) {
        await notify(
          tx,
          { role: r.fromLevel === 'PPK2' ? 'rumahsakit' : 'puskesmas', facilityCode: r.fromFacilityCode },
          {
            kind: 'referral.competency_review',
            title: `Telaah rujukan ${r.number}: ${verdict === 'JUSTIFIED' ? 'dapat diterima' : 'seharusnya ditangani di layanan primer'}`,
            body: note,
            link: `/rujukan/${id}`,
            entityType: 'referral',
            entityId: String(id),
          },
        );
      }
    });
    return view((await repo.getReferral(db, id, ALL_FACILITIES))!, deps.publicUrl);
  }

  /** Public verification behind the QR code: validity, status and initials only. */
  async function verify(codeRaw: string) {
    const code = normaliseCode(codeRaw);
    const r = code ? await repo.referralByCode(db, code) : null;
    if (!r)
      throw notFound(
        'REFERRAL_NOT_FOUND',
        'Surat rujukan dengan kode ini tidak ditemukan. Periksa kembali kode pada surat.',
      );
    await deps.audit.record({ action: 'referral.verify', entityType: 'referral', entityId: String(r.id) });
    return {
      valid: r.status !== 'DECLINED',
      status: r.status,
      number: r.number,
      initials: initials(r.personName),
      issuedOn: r.createdOn,
    };
  }

  return { destinations, create, recordEmergency, list, get, pdf, backReferralPdf, act, reviewCompetency, verify };
}

export type ReferralService = ReturnType<typeof createReferralService>;
