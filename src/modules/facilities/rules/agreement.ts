/** Cooperation agreements (PKS, FAC-2): when one is in force, and what a new one must satisfy. */
import type { IsoDate } from '../../../platform/calendar/index.js';
import { SERVICES, type Service } from '../labels.js';

export { SERVICES, SERVICE_LABEL } from '../labels.js';
export type { Service } from '../labels.js';

export interface AgreementTerms {
  validFrom: IsoDate;
  validTo: IsoDate;
  services: readonly string[];
  terminatedOn: IsoDate | null;
}

/**
 * In force on `date`: within the period (both ends inclusive) and not terminated
 * on or before that date — the termination date is the first day without cover.
 */
export function inForce(a: AgreementTerms, date: IsoDate, service?: Service): boolean {
  if (date < a.validFrom || date > a.validTo) return false;
  if (a.terminatedOn !== null && date >= a.terminatedOn) return false;
  return service === undefined || a.services.includes(service);
}

/** The last day covered: the end of the period or the day before termination. */
export function lastCoveredDay(a: AgreementTerms, dayBefore: (d: IsoDate) => IsoDate): IsoDate {
  if (a.terminatedOn !== null) {
    const prev = dayBefore(a.terminatedOn);
    return prev < a.validTo ? prev : a.validTo;
  }
  return a.validTo;
}

/** In force today and ending within `days` days (inclusive). */
export function expiresWithin(a: AgreementTerms, today: IsoDate, horizon: IsoDate): boolean {
  return inForce(a, today) && a.terminatedOn === null && a.validTo <= horizon;
}

export interface NewAgreement {
  number: string;
  validFrom: string;
  validTo: string;
  services: readonly string[];
}

export interface Problem {
  field: string;
  message: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function realDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function checkNewAgreement(a: NewAgreement): Problem[] {
  const problems: Problem[] = [];
  if (!/^[A-Za-z0-9./\-\s]{3,80}$/.test(a.number.trim())) {
    problems.push({
      field: 'number',
      message: 'Nomor PKS wajib diisi: 3–80 karakter (huruf, angka, titik, garis miring, tanda hubung).',
    });
  }
  if (!realDate(a.validFrom)) problems.push({ field: 'validFrom', message: 'Tanggal mulai tidak valid (YYYY-MM-DD).' });
  if (!realDate(a.validTo)) problems.push({ field: 'validTo', message: 'Tanggal berakhir tidak valid (YYYY-MM-DD).' });
  if (realDate(a.validFrom) && realDate(a.validTo) && a.validTo < a.validFrom) {
    problems.push({ field: 'validTo', message: 'Tanggal berakhir tidak boleh sebelum tanggal mulai.' });
  }
  if (a.services.length === 0)
    problems.push({ field: 'services', message: 'Pilih paling sedikit satu layanan yang dijamin.' });
  const unknown = a.services.filter((s) => !(SERVICES as readonly string[]).includes(s));
  if (unknown.length > 0)
    problems.push({ field: 'services', message: `Layanan tidak dikenal: ${unknown.join(', ')}.` });
  if (new Set(a.services).size !== a.services.length)
    problems.push({ field: 'services', message: 'Layanan tidak boleh disebut dua kali.' });
  return problems;
}

/** A termination date must fall within the period (a PKS that never started is cancelled from its first day). */
export function checkTermination(a: AgreementTerms & { status: string }, on: string): Problem[] {
  if (a.status === 'TERMINATED') return [{ field: 'terminatedOn', message: 'PKS ini sudah diputus.' }];
  if (!realDate(on)) return [{ field: 'terminatedOn', message: 'Tanggal pemutusan tidak valid (YYYY-MM-DD).' }];
  if (on < a.validFrom || on > a.validTo) {
    return [
      {
        field: 'terminatedOn',
        message: `Tanggal pemutusan harus dalam masa berlaku PKS (${a.validFrom} s.d. ${a.validTo}).`,
      },
    ];
  }
  return [];
}
