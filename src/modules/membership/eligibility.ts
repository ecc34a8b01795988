import { stamp, type Stamped } from '../../platform/audit/audit.js';
import { Batcher } from '../../platform/batch.js';
import type { Db } from '../../platform/db/index.js';
import { invalid } from '../../platform/http/errors.js';
import { isRealDate } from '../../platform/ingest/values.js';
import { parseNik } from '../population/index.js';
import { loadFacts, type BirthRecordFacts, type Facts } from './repo.js';
import { jakartaToday } from './today.js';
import {
  decideEligibility,
  type Basis,
  type CardStatus,
  type Decision,
  type ProgramSettings,
  type Reason,
} from './rules/eligibility.js';
import type { SettingsService } from './settings.js';

/** The decision as docs/contracts/eligibility-api.md defines it, plus the rule that decided it. */
export interface EligibilityAnswer {
  nik: string;
  date: string;
  eligible: boolean;
  basis: Basis | null;
  person: { name: string; sex: 'L' | 'P'; birthDate: string; familyNumber: string } | null;
  card: { number: string | null; status: CardStatus } | null;
  jkn: { segment: string; status: 'AKTIF' | 'NONAKTIF'; cardNumber: string } | null;
  reasons: Reason[];
  rule: { code: string; description: string } | null;
  settingsEffectiveFrom: string | null;
}

export function requireNik(nik: string): string {
  if (!/^\d{16}$/.test(nik)) throw invalid('INVALID_NIK', 'NIK harus 16 digit angka.');
  const p = parseNik(nik);
  if (!p.ok) throw invalid('INVALID_NIK', p.problem.message);
  return nik;
}

export function requireDate(date: string | undefined): string {
  if (date === undefined || date === '') return jakartaToday();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !isRealDate(+m[1]!, +m[2]!, +m[3]!))
    throw invalid('INVALID_DATE', 'Tanggal harus berupa tanggal yang sah dengan format YYYY-MM-DD.');
  return date;
}

interface Pending {
  nik: string;
  date: string;
  audit: Stamped;
}

/**
 * Eligibility checks. Concurrent single checks are gathered into one query per
 * turn of the event loop (a registration desk's check costs a fraction of a
 * round trip under load); the same statement writes the audit record of every
 * check, so none is answered unrecorded.
 */
export function createEligibilityService(db: Db, settings: SettingsService) {
  const decide = createDecider(db, settings);
  const queue = new Batcher<Pending, Facts>({
    run: (batch) =>
      loadFacts(
        db,
        batch.map((b) => b.nik),
        batch.map((b) => b.date),
        batch.map((b) => b.audit),
      ),
    maxBatch: 2000,
    maxInFlight: 6,
  });

  /** The facts for one check; its audit record is written by the same statement that reads them. */
  function factsFor(nik: string, date: string): Promise<Facts> {
    const audit = stamp({ action: 'eligibility.check', entityType: 'person', entityId: nik, details: { date } });
    return queue.submit({ nik, date, audit });
  }

  async function answer(nik: string, date: string, facts: Facts): Promise<EligibilityAnswer> {
    const { decision: d, settings: s } = await decide(nik, date, facts);
    const p = facts.person;
    const b = facts.birth;
    const r = facts.recommendation;
    // Who the desk should see: the registry's record, else the birth record, else the Dinsos letter.
    const person = p
      ? { name: p.name, sex: p.sex, birthDate: p.birthDate, familyNumber: p.noKk }
      : b
        ? { name: b.childName, sex: b.sex, birthDate: b.birthDate, familyNumber: b.noKk }
        : r
          ? { name: r.personName, sex: r.sex, birthDate: r.birthDate, familyNumber: r.noKk ?? '' }
          : null;
    return {
      nik,
      date,
      eligible: d.eligible,
      basis: d.basis,
      person,
      card: d.cardStatus ? { number: facts.card?.number ?? null, status: d.cardStatus } : null,
      jkn: facts.jkn
        ? { segment: facts.jkn.segment, status: facts.jkn.status, cardNumber: facts.jkn.cardNumber }
        : null,
      reasons: d.reasons,
      rule: d.rule,
      settingsEffectiveFrom: s?.effectiveFrom ?? null,
    };
  }

  async function check(nikRaw: string, dateRaw?: string): Promise<EligibilityAnswer> {
    const nik = requireNik(nikRaw);
    const date = requireDate(dateRaw);
    return answer(nik, date, await factsFor(nik, date));
  }

  async function checkBatch(niksRaw: string[], dateRaw?: string): Promise<EligibilityAnswer[]> {
    const date = requireDate(dateRaw);
    niksRaw.forEach((n, i) => {
      try {
        requireNik(n);
      } catch (err) {
        throw invalid('INVALID_NIK', `NIK ke-${i + 1} (${n.slice(0, 20)}): ${(err as Error).message}`);
      }
    });
    const facts = await loadFacts(
      db,
      niksRaw,
      niksRaw.map(() => date),
      niksRaw.map((nik) =>
        stamp({ action: 'eligibility.check', entityType: 'person', entityId: nik, details: { date, batch: true } }),
      ),
    );
    return Promise.all(niksRaw.map((nik, i) => answer(nik, date, facts[i]!)));
  }

  return { check, checkBatch, decide };
}

/**
 * Facts → decision, with the settings in force on the date. For a recorded
 * birth it first decides whether a parent was a member on the birth date (the
 * parent's facts are read as part of the child's audited check).
 */
export function createDecider(db: Db, settings: SettingsService) {
  async function parentMemberAtBirth(b: BirthRecordFacts): Promise<boolean> {
    if (b.parentNiks.length === 0) return false;
    const [facts, s, jknFrom] = await Promise.all([
      loadFacts(
        db,
        b.parentNiks,
        b.parentNiks.map(() => b.birthDate),
      ),
      settings.on(b.birthDate),
      settings.jknDataFrom(),
    ]);
    return b.parentNiks.some((nik, i) => {
      const f = facts[i]!;
      // A parent's own newborn record is not followed: membership at birth rests on the parent's other bases.
      return decideEligibility({ nik, date: b.birthDate, ...f, birth: null, jknDataFrom: jknFrom, settings: s })
        .eligible;
    });
  }

  return async function decide(
    nik: string,
    date: string,
    facts: Facts,
  ): Promise<{ decision: Decision; settings: ProgramSettings | null }> {
    const [s, jknFrom] = await Promise.all([settings.on(date), settings.jknDataFrom()]);
    const birth = facts.birth ? { ...facts.birth, parentMemberAtBirth: await parentMemberAtBirth(facts.birth) } : null;
    const decision = decideEligibility({ nik, date, ...facts, birth, jknDataFrom: jknFrom, settings: s });
    return { decision, settings: s };
  };
}

export type Decide = ReturnType<typeof createDecider>;

export type EligibilityService = ReturnType<typeof createEligibilityService>;
