import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import { todayJakarta } from '../../platform/calendar/index.js';
import { formatDateId } from '../../platform/calendar/format.js';
import { normaliseCode, verificationCode } from '../../platform/documents/codes.js';
import { verificationUrl } from '../../platform/documents/pdf.js';
import type { Db } from '../../platform/db/index.js';
import { authorId, requireActor } from '../../platform/http/actor.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import type { AreaService } from '../areas/index.js';
import { signerOf } from '../../platform/documents/letterhead.js';
import { letterhead, type Letterhead } from './letterhead.js';
import { renderLetterPdf } from './pdf.js';
import * as repo from './repo.js';
import type { Letter } from './repo.js';
import { CATEGORIES, CATEGORY_LABEL, isSpecialGroup } from './rules/categories.js';
import type {
  CreateLetter,
  LetterDetail,
  LetterListItem,
  ListQuery,
  Lookup,
  PublicVerification,
  RevokeRequest,
} from './schemas.js';
import { initials } from '../../platform/documents/initials.js';
import {
  checkNewLetter,
  nikProblem,
  nikWarnings,
  normaliseNik,
  type Problem,
  type RegistryPerson,
} from './rules/letter.js';
import { formatLetterNumber } from './rules/number.js';
import {
  coverageEnd,
  defaultValidTo,
  letterState,
  maxValidTo,
  resolveRevocationDate,
  VALIDITY,
} from './rules/validity.js';

export interface RecommendationDeps {
  audit: AuditWriter;
  areas: AreaService;
  /** Base of the public verification URL printed in the QR code. */
  publicUrl: string;
  /** How an officer is named on a letter (full name, else username); null when unknown. */
  userName: (id: number) => Promise<string | null>;
  /** Today in Asia/Jakarta; replaceable in tests. */
  today?: () => string;
  /** The one letterhead source (the administrator's setting); without it, the region of the population data. */
  letterheads?: { for(office: 'SOCIAL'): Promise<Letterhead> };
}

/** How an officer is named on a letter, from the user list of the access module. */
export function userNameFrom(access: { listUsers(): Promise<{ id: number; username: string; full_name: string }[]> }) {
  return async (id: number): Promise<string | null> => {
    const u = (await access.listUsers()).find((x) => Number(x.id) === id);
    return u ? u.full_name.trim() || u.username : null;
  };
}

/** One line of the letter list. */
export function listItem(l: Letter, today: string): LetterListItem {
  return {
    id: l.id,
    number: l.number,
    nik: l.nik,
    personName: l.personName,
    category: l.category,
    institution: l.institution,
    validFrom: l.validFrom,
    validTo: l.validTo,
    status: l.status,
    state: letterState(l, today),
    revokedOn: l.revokedOn,
    issuedOn: l.issuedOn,
    issuerName: l.issuerName,
  };
}

/** Everything about one letter, as the detail page shows it. */
function detail(l: Letter, today: string, publicUrl: string): LetterDetail {
  return {
    ...listItem(l, today),
    sex: l.sex,
    birthDate: l.birthDate,
    noKk: l.noKk,
    address: l.address,
    inPopulation: l.inPopulation,
    reason: l.reason,
    coverageEnd: coverageEnd(l),
    revokeReason: l.revokeReason,
    revokedAt: l.revokedAt,
    revokedByName: l.revokedByName,
    verifyCode: l.verifyCode,
    verifyUrl: verificationUrl(publicUrl, 'rekomendasi', l.verifyCode),
    issuedAt: l.issuedAt,
    nikWarnings: nikWarnings(l.nik, l.birthDate, l.sex),
  };
}

/** The rule problems as one error: malformed input (400) before refusals (422); every problem in `details`. */
function problemsError(problems: Problem[]): AppError {
  const bad = problems.filter((p) => p.kind === 'invalid');
  const shown = bad.length ? bad : problems;
  const details = { problems: problems.map(({ code, field, message }) => ({ code, field, message })) };
  return new AppError(bad.length ? 'invalid' : 'rule', shown[0]!.code, shown.map((p) => p.message).join(' '), details);
}

const notFoundError = () => notFound('RECOMMENDATION_NOT_FOUND', 'Surat rekomendasi tidak ditemukan.');

/**
 * Dinas Sosial recommendation letters (DIN-1, MEM-3.3): look up a NIK, issue
 * a numbered letter, list and read letters, print the PDF, revoke, and the
 * public verification behind the QR code. Every write is audited in its
 * transaction; every read of a person's data before it is answered.
 */
export function createRecommendationService(db: Db, deps: RecommendationDeps) {
  const today = deps.today ?? (() => todayJakarta());
  let head: { value: Letterhead; at: number } | null = null;

  /** The letterhead, from the regency the population data belongs to; re-read every 10 minutes. */
  async function issuerLetterhead(): Promise<Letterhead> {
    if (deps.letterheads) return deps.letterheads.for('SOCIAL');
    if (head && Date.now() - head.at < 600_000) return head.value;
    const code = await repo.populationRegency(db);
    const name = code ? ((await deps.areas.get(code))?.name ?? null) : null;
    head = { value: letterhead(name), at: Date.now() };
    return head.value;
  }

  /** The population record with its address as one line: street, RT/RW, village, district. */
  async function registry(nik: string): Promise<RegistryPerson | null> {
    const p = await repo.registryPerson(db, nik);
    if (!p) return null;
    const area = await deps.areas.lookup(p.villageCode);
    const rtRw = p.rt || p.rw ? `RT ${p.rt ?? '-'}/RW ${p.rw ?? '-'}` : null;
    const parts = [p.street, rtRw, area?.village, area?.district ? `Kec. ${area.district}` : null].filter(
      (x): x is string => Boolean(x),
    );
    return {
      nik: p.nik,
      noKk: p.noKk,
      name: p.name,
      sex: p.sex,
      birthDate: p.birthDate,
      deathDate: p.deathDate,
      movedOutDate: p.movedOutDate,
      villageCode: p.villageCode,
      address: parts.length ? parts.join(', ') : null,
    };
  }

  /** The officer a letter or revocation names; a call without an actor is refused. */
  async function officer(): Promise<{ id: number | null; name: string }> {
    const actor = requireActor();
    const id = authorId(actor);
    // Work started by the system (the demo command) has no officer of its own; the audit log names the operator.
    if (id === null) return { id: null, name: 'Petugas Dinas Sosial' };
    return { id, name: (await deps.userName(id)) ?? actor.username };
  }

  /** What the create form shows for a NIK: the population record, the NIK's letters, and each category's default validity. */
  async function lookup(nikRaw: string): Promise<Lookup> {
    const nik = normaliseNik(nikRaw);
    const problem = nikProblem(nik);
    if (problem) throw invalid('INVALID_NIK', problem);
    const d = today();
    const person = await registry(nik);
    const letters = await repo.lettersOfNik(db, nik);
    await deps.audit.record({
      action: 'recommendation.lookup',
      entityType: 'person',
      entityId: nik,
      details: { found: person !== null, letters: letters.length },
    });
    return {
      nik,
      today: d,
      person: person && {
        name: person.name,
        sex: person.sex,
        birthDate: person.birthDate,
        noKk: person.noKk,
        address: person.address,
        deathDate: person.deathDate,
        movedOutDate: person.movedOutDate,
        resident: !(person.deathDate && person.deathDate <= d) && !(person.movedOutDate && person.movedOutDate <= d),
        nikWarnings: nikWarnings(nik, person.birthDate, person.sex),
      },
      letters: letters.map((l) => listItem(l, d)),
      categories: CATEGORIES.map((c) => ({
        code: c,
        label: CATEGORY_LABEL[c],
        specialGroup: isSpecialGroup(c),
        unit: VALIDITY[c].unit,
        defaultLength: VALIDITY[c].default,
        maxLength: VALIDITY[c].max,
        defaultValidTo: defaultValidTo(c, d),
        maxValidTo: maxValidTo(c, d),
      })),
    };
  }

  /** Issues a letter: checks, refuses an overlap with the NIK's letters, numbers it, all in one transaction. */
  async function create(req: CreateLetter): Promise<LetterDetail> {
    const d = today();
    const nik = normaliseNik(req.nik);
    const person = nikProblem(nik) ? null : await registry(nik);
    const checked = checkNewLetter(req, person, d);
    if (!checked.ok) throw problemsError(checked.problems);
    const l = checked.letter;
    const issuer = await officer();
    const year = Number(d.slice(0, 4));
    const id = await db.tx(async (tx) => {
      await repo.lockNik(tx, l.nik);
      const clash = await repo.overlapping(tx, l.nik, l.validFrom, l.validTo);
      if (clash.length) {
        const c = clash[0]!;
        throw new AppError(
          'conflict',
          'RECOMMENDATION_OVERLAP',
          `NIK ini sudah memiliki surat rekomendasi ${c.number} yang berlaku ${formatDateId(c.validFrom)} s.d. ${formatDateId(coverageEnd(c) ?? c.validTo)}. Masa berlaku surat baru tidak boleh bertumpang tindih; cabut surat itu lebih dahulu atau mulai sesudah tanggal tersebut.`,
          {
            overlapping: clash.map((x) => ({ id: x.id, number: x.number, validFrom: x.validFrom, validTo: x.validTo })),
          },
        );
      }
      const seq = await repo.nextSeq(tx, year);
      const number = formatLetterNumber(seq, year);
      const id = await repo.insertLetter(tx, {
        ...l,
        number,
        year,
        seq,
        verifyCode: verificationCode(),
        issuedOn: d,
        issuedBy: issuer.id,
        issuerName: issuer.name,
      });
      await auditInTx(tx, {
        action: 'recommendation.create',
        entityType: 'recommendation',
        entityId: String(id),
        details: {
          number,
          category: l.category,
          validFrom: l.validFrom,
          validTo: l.validTo,
          inPopulation: l.inPopulation,
        },
      });
      return id;
    });
    return detail((await repo.getLetter(db, id))!, d, deps.publicUrl);
  }

  async function list(query: ListQuery) {
    const d = today();
    const q = query.q?.trim().replace(/\s+/g, ' ').toUpperCase() ?? '';
    const filter: repo.ListFilter = {
      today: d,
      state: query.status,
      category: query.category,
      endingWithinDays: query.expiringWithinDays,
      limit: query.limit,
      offset: query.offset,
    };
    if (q) {
      const digits = q.replace(/[\s.]/g, '');
      if (/^\d{16}$/.test(digits)) filter.nik = digits;
      else if (/^[0-9][0-9A-Z/-]*$/.test(q)) filter.numberPrefix = q;
      else if (/^[\p{L} .,'-]{3,}$/u.test(q)) filter.namePrefix = q;
      else
        throw invalid(
          'INVALID_QUERY',
          'Cari dengan nomor surat (mis. 0007/REK-JKD/DINSOS/2026 atau awalnya), NIK 16 digit, atau awal nama (minimal 3 huruf).',
        );
    }
    const r = await repo.listLetters(db, filter);
    if (r.items.length) {
      await deps.audit.record(
        r.items.map((l) => ({
          action: 'recommendation.list',
          entityType: 'person',
          entityId: l.nik,
          details: { recommendationId: l.id },
        })),
      );
    }
    return { items: r.items.map((l) => listItem(l, d)), total: r.total };
  }

  async function get(id: number): Promise<LetterDetail> {
    const l = await repo.getLetter(db, id);
    if (!l) throw notFoundError();
    await deps.audit.record({
      action: 'recommendation.read',
      entityType: 'person',
      entityId: l.nik,
      details: { recommendationId: l.id },
    });
    return detail(l, today(), deps.publicUrl);
  }

  /** The printable letter; printing is a read of the person's data and is audited. */
  async function pdf(id: number): Promise<{ fileName: string; bytes: Buffer }> {
    const l = await repo.getLetter(db, id);
    if (!l) throw notFoundError();
    const signer = await signerOf(db, await repo.issuerOf(db, id));
    const bytes = await renderLetterPdf(
      l,
      await issuerLetterhead(),
      verificationUrl(deps.publicUrl, 'rekomendasi', l.verifyCode),
      signer,
    );
    await deps.audit.record({
      action: 'recommendation.print',
      entityType: 'person',
      entityId: l.nik,
      details: { recommendationId: l.id },
    });
    return { fileName: `rekomendasi-${l.number.replace(/\//g, '-').toLowerCase()}.pdf`, bytes };
  }

  /** Revokes a letter from a date (today by default); coverage ends on that date. The letter stays listed. */
  async function revoke(id: number, input: RevokeRequest): Promise<LetterDetail> {
    const reason = input.reason.trim().replace(/\s+/g, ' ');
    if (reason.length < 5) throw invalid('REASON_REQUIRED', 'Tuliskan alasan pencabutan (minimal 5 karakter).');
    const d = today();
    const by = await officer();
    await db.tx(async (tx) => {
      const l = await repo.getLetter(tx, id, true);
      if (!l) throw notFoundError();
      if (l.status === 'REVOKED') {
        throw new AppError(
          'conflict',
          'ALREADY_REVOKED',
          `Surat ${l.number} sudah dicabut mulai ${formatDateId(l.revokedOn!)}.`,
        );
      }
      const r = resolveRevocationDate(l, input.revokedOn, d);
      if (r.problems.length) {
        const p = r.problems[0]!;
        throw new AppError(p.code === 'INVALID_DATE' ? 'invalid' : 'rule', p.code, p.message);
      }
      await repo.revokeLetter(tx, id, r.revokedOn, reason, by);
      await auditInTx(tx, {
        action: 'recommendation.revoke',
        entityType: 'recommendation',
        entityId: String(id),
        details: { number: l.number, revokedOn: r.revokedOn },
      });
    });
    return detail((await repo.getLetter(db, id))!, d, deps.publicUrl);
  }

  /** Public verification (QR code): whether the letter is valid today, its state, initials and validity — nothing more. */
  async function verify(codeRaw: string): Promise<PublicVerification> {
    const code = normaliseCode(codeRaw);
    const l = code ? await repo.letterByCode(db, code) : null;
    if (!l)
      throw notFound(
        'RECOMMENDATION_NOT_FOUND',
        'Surat rekomendasi dengan kode ini tidak ditemukan. Periksa kembali kode pada surat.',
      );
    await deps.audit.record({ action: 'recommendation.verify', entityType: 'recommendation', entityId: String(l.id) });
    const state = letterState(l, today());
    return {
      valid: state === 'ACTIVE',
      status: state,
      initials: initials(l.personName),
      validFrom: l.validFrom,
      validTo: l.validTo,
    };
  }

  return { lookup, create, list, get, pdf, revoke, verify, issuerLetterhead };
}

export type RecommendationService = ReturnType<typeof createRecommendationService>;
