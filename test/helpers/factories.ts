/**
 * Shared test factories (openIMIS's `create_test_claim`): records of other
 * modules made through their services or their API, exactly as the HTTP
 * routes make them, so a test never writes a table it does not own and a rule
 * a service enforces cannot be skipped by accident. A factory that calls a
 * service runs it in a request context whose actor is the role the route
 * requires (`actingAs`).
 *
 * - facilities: ensureFacility (= createTestFacility), createTestAgreement,
 *   createTestBedReport, createTestPartnerHospital
 * - population and JKN: importApproved (a file through the import, a later one
 *   approved through reconciliation), jknCsv
 * - SJP: createTestSjp (through the API: needs the app)
 * - audit: recordTestAudit
 *
 * Used by the integration tests (test/helpers/system.ts) and the end-to-end
 * tests (test/e2e/harness.ts) alike: both hand in the running `System`.
 * Where a test still writes another module's rows itself, it says why: a
 * state no service makes on demand (a deadline hours away, a crashed job).
 */
import { Readable } from 'node:stream';
import { addDays, todayJakarta } from '../../src/platform/calendar/index.js';
import type { AuditEntry } from '../../src/platform/audit/audit.js';
import { runWithContext, type Actor } from '../../src/platform/http/context.js';
import type { Role } from '../../src/platform/http/permissions.js';
import { loadFacilitiesText } from '../../src/modules/facilities/index.js';
import type { App } from '../../src/platform/http/app.js';
import type { System } from '../../src/system.js';
import { JKN_HEADER } from './fixtures.js';
// system.ts imports ensureFacility from here; the cycle is safe, both sides only call each other's functions later.
import { importFile, multipartRequest } from './system.js';

let serial = 0;
const next = () => ++serial;

/** Runs `fn` as a request of this role (at this facility) would: the services read the actor from the context. */
export function actingAs<T>(role: Role, facilityCode: string | null, fn: () => Promise<T>): Promise<T> {
  const actor: Actor = { id: 0, username: `factory.${role}`, role, facilityCode, via: 'system' };
  return runWithContext({ requestId: `test-factory-${next()}`, ip: '127.0.0.1', actor }, fn);
}

export interface FacilityOptions {
  name?: string;
  /** Defaults to the level's usual kind: PUSKESMAS for PPK1, RUMAH_SAKIT for PPK2. */
  kind?: 'PUSKESMAS' | 'KLINIK_PRATAMA' | 'RUMAH_SAKIT';
  /** Hospital class; a hospital needs one (default C). */
  class?: 'A' | 'B' | 'C' | 'D';
  ownership?: 'PEMERINTAH_PUSAT' | 'PEMERINTAH_DAERAH' | 'SWASTA';
  location?: 'DALAM_KOTA' | 'PERBATASAN' | 'LUAR_KOTA';
  rsud?: boolean;
  villageCode?: string;
}

const csvCell = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * A facility in the registry (FAC-1), loaded as one row of facilities.csv the
 * way the administrator's upload does. Nothing happens when the code is
 * already registered: a facility a test set up with its own village or
 * location keeps them when a later user of it is created.
 */
export async function ensureFacility(
  sys: System,
  code: string,
  level: 'PPK1' | 'PPK2' = 'PPK2',
  opts: FacilityOptions = {},
): Promise<void> {
  if (await facilityExists(sys, code)) return;
  const kind = opts.kind ?? (level === 'PPK1' ? 'PUSKESMAS' : 'RUMAH_SAKIT');
  const row = [
    code,
    opts.name ?? `Fasilitas ${code}`,
    kind,
    kind === 'RUMAH_SAKIT' ? (opts.class ?? 'C') : '',
    opts.ownership ?? 'PEMERINTAH_DAERAH',
    opts.location ?? 'DALAM_KOTA',
    opts.rsud ? 'Y' : 'N',
    opts.villageCode ?? '',
    '',
    '',
  ];
  await actingAs('admin', null, () =>
    loadFacilitiesText(
      sys.db,
      `kode,nama,jenis,kelas,kepemilikan,lokasi,rsud,kode_wilayah,alamat,telepon\n${row.map(csvCell).join(',')}\n`,
    ),
  );
}

/** The same as ensureFacility; the name says what a test means when the facility is its subject. */
export const createTestFacility = ensureFacility;

async function facilityExists(sys: System, code: string): Promise<boolean> {
  try {
    await actingAs('admin', null, () => sys.facilities.get(code));
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'FACILITY_NOT_FOUND') return false;
    throw err;
  }
}

/** A one-page stand-in for a signed agreement scan. */
const AGREEMENT_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export interface AgreementOptions {
  /** First day in force; default 100 days ago. */
  validFrom?: string;
  /** Last day in force; default 100 days from today. */
  validTo?: string;
  services?: string[];
  number?: string;
}

/**
 * A cooperation agreement (PKS, FAC-2) as the office records one: its scan
 * uploaded, then the agreement. Returns what the service returns (id, number,
 * inForce …).
 */
export async function createTestAgreement(sys: System, facilityCode: string, opts: AgreementOptions = {}) {
  const today = todayJakarta();
  return actingAs('admin', null, async () => {
    const doc = await sys.documents.save(Readable.from([AGREEMENT_PDF]), 'pks.pdf');
    return sys.facilities.createAgreement(facilityCode, {
      number: opts.number ?? `PKS/TEST/${next()}`,
      validFrom: opts.validFrom ?? addDays(today, -100),
      validTo: opts.validTo ?? addDays(today, 100),
      services: opts.services ?? ['RAWAT_INAP', 'RAWAT_JALAN'],
      documentId: doc.id,
    });
  });
}

/** A class III bed report (FAC-5) filed by the hospital itself, as its staff do on the bed board. */
export async function createTestBedReport(
  sys: System,
  facilityCode: string,
  beds: { class3Total: number; class3Available: number; aboveClassPatients?: number },
) {
  return actingAs('rumahsakit', facilityCode, () =>
    sys.facilities.reportBeds({
      class3Total: beds.class3Total,
      class3Available: beds.class3Available,
      aboveClassPatients: beds.aboveClassPatients ?? 0,
    }),
  );
}

/** A partner hospital: registered, with an agreement in force and (when given) free class III beds. */
export async function createTestPartnerHospital(
  sys: System,
  code: string,
  opts: FacilityOptions & {
    agreement?: AgreementOptions;
    beds?: { class3Total: number; class3Available: number };
  } = {},
) {
  await ensureFacility(sys, code, 'PPK2', opts);
  const agreement = await createTestAgreement(sys, code, opts.agreement);
  if (opts.beds) await createTestBedReport(sys, code, opts.beds);
  return agreement;
}

/**
 * Audit records as the platform's writer stores them (for tests of the audit
 * log's reading side: filters, pages, exports): written by `actor` when given,
 * else by no one, as a record of the system's own work is.
 */
export async function recordTestAudit(
  sys: System,
  entries: AuditEntry[],
  actor?: { username: string; role: Role; facilityCode?: string | null },
): Promise<void> {
  const ctx = actor
    ? {
        requestId: `test-factory-${next()}`,
        ip: '127.0.0.1',
        actor: {
          id: 0,
          username: actor.username,
          role: actor.role,
          facilityCode: actor.facilityCode ?? null,
          via: 'system' as const,
        },
      }
    : undefined;
  await sys.audit.record(entries, ctx);
}

/**
 * A population or JKN file through the import, as the office loads one: the
 * first file of its kind applies at once; a later one becomes a change set
 * (MEM-7) that is approved here as the membership officer approves it on the
 * review page, typing the number of people it ends when the guard asks for it.
 * A later file is a whole snapshot: whoever it leaves out is ended on `asOf`.
 */
export async function importApproved(
  t: { sys: System; dataDir: string },
  kind: 'population' | 'jkn',
  name: string,
  content: string,
  asOf: string,
): Promise<Record<string, unknown>> {
  const result = await importFile(t, kind, name, content, asOf);
  if (result.changeSetId === undefined) return result;
  const id = Number(result.changeSetId);
  await actingAs('kepesertaan', null, async () => {
    try {
      await t.sys.reconciliation.approve(id, {});
    } catch (err) {
      const ending = (err as { code?: string; details?: { ending?: number } }).details?.ending;
      if ((err as { code?: string }).code !== 'CONFIRMATION_REQUIRED' || ending === undefined) throw err;
      await t.sys.reconciliation.approve(id, { confirmMissing: ending });
    }
  });
  return result;
}

export interface JknRow {
  nik: string;
  segment: string;
  /** First day of membership (tanggal_mulai); a NIK first seen is a member from then. */
  startDate: string;
  cardNumber?: string;
  name?: string;
  class?: 1 | 2 | 3;
  status?: 'AKTIF' | 'NONAKTIF';
  arrearsMonths?: number;
}

/** The lines of a jkn.csv (docs/contracts/jkn-membership.md) for these memberships. */
export function jknCsv(rows: JknRow[]): string {
  const lines = rows.map((r) =>
    [
      r.nik,
      r.cardNumber ?? `000${r.nik.slice(-10)}`,
      r.name ?? 'PESERTA JKN',
      r.segment,
      String(r.class ?? 3),
      r.status ?? 'AKTIF',
      r.startDate,
      r.arrearsMonths === undefined ? '' : String(r.arrearsMonths),
      '',
    ].join(','),
  );
  return `${JKN_HEADER}\n${lines.join('\n')}\n`;
}

/** POSTs as `authorization` and returns the answer's body; any other status than `expected` is the factory's failure. */
async function post(t: { app: App }, authorization: string, url: string, payload: object, expected: number) {
  const r = await t.app.inject({ method: 'POST', url, headers: { authorization }, payload });
  if (r.statusCode !== expected) throw new Error(`POST ${url}: ${r.statusCode} ${r.body}`);
  return r.json();
}

/** A one-page PDF standing in for a scanned requirement (KTP, KK, card …). */
const SCAN_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export interface TestSjpOptions {
  /** Authorization header of the hospital desk that files it. */
  hospital: string;
  /** Authorization header of the SJP officer; when given, the request is approved. */
  officer?: string;
  nik: string;
  careType?: 'INPATIENT' | 'OUTPATIENT' | 'EMERGENCY';
  /** Hours since admission (default 2). */
  hoursAgo?: number;
  diagnosisCode?: string;
  /** Requirements whose scans are uploaded and attached (default the JKN/Jamkesda card). */
  requirements?: string[];
  /** Submitted for a decision (default true; an approval needs it). */
  submit?: boolean;
}

/**
 * An SJP request (SJP-1 …) through the API as a hospital desk files it: its
 * scans uploaded, the request created and submitted, and approved by the
 * officer when one is given. Returns the request's id.
 */
export async function createTestSjp(t: { app: App }, o: TestSjpOptions): Promise<number> {
  const documents: { requirement: string; documentId: number }[] = [];
  for (const requirement of o.requirements ?? ['KARTU']) {
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      ...multipartRequest(
        {},
        { name: `${requirement.toLowerCase()}.pdf`, content: SCAN_PDF, type: 'application/pdf' },
        o.hospital,
      ),
    });
    if (up.statusCode !== 201) throw new Error(`upload: ${up.statusCode} ${up.body}`);
    documents.push({ requirement, documentId: up.json().id });
  }
  const c = await post(
    t,
    o.hospital,
    '/api/v1/sjp',
    {
      nik: o.nik,
      careType: o.careType ?? 'INPATIENT',
      admittedAt: new Date(Date.now() - (o.hoursAgo ?? 2) * 3_600_000).toISOString(),
      diagnosisCode: o.diagnosisCode ?? 'A09',
      documents,
      submit: o.submit ?? true,
    },
    201,
  );
  const id = Number(c.id);
  if (o.officer) await post(t, o.officer, `/api/v1/sjp/${id}/approve`, {}, 200);
  return id;
}

export interface TestReferralOptions {
  /** Authorization header of the referring facility's desk (a puskesmas or a hospital). */
  from: string;
  nik: string;
  /** The receiving hospital: a partner with a free class III bed. */
  to: string;
  /** Default A09, on the primary-care competency list: a puskesmas referral for it is flagged (REF-6). */
  diagnosisCode?: string;
  kind?: 'MEDICAL' | 'NON_MEDICAL';
  /** The receiving hospital's steps, in order (its desk's authorization in `receiver`). */
  steps?: ('confirm-bed' | 'arrive' | 'admit')[];
  receiver?: string;
  /** The office's competency review (its reviewer's authorization in `reviewer`). */
  verdict?: 'JUSTIFIED' | 'NOT_JUSTIFIED';
  reviewer?: string;
}

/**
 * A referral (REF-1 …) through the API: made by the referring desk, then
 * taken through the receiving hospital's steps and the office's competency
 * review when asked. Returns the referral's id.
 */
export async function createTestReferral(t: { app: App }, o: TestReferralOptions): Promise<number> {
  const created = await post(
    t,
    o.from,
    '/api/v1/referrals',
    { nik: o.nik, diagnosisCode: o.diagnosisCode ?? 'A09', kind: o.kind ?? 'MEDICAL', toFacilityCode: o.to },
    201,
  );
  const id = Number(created.id);
  for (const step of o.steps ?? []) {
    if (!o.receiver) throw new Error('createTestReferral: steps need the receiving desk (receiver)');
    await post(t, o.receiver, `/api/v1/referrals/${id}/${step}`, {}, 200);
  }
  if (o.verdict) {
    if (!o.reviewer) throw new Error('createTestReferral: a verdict needs the reviewer');
    await post(
      t,
      o.reviewer,
      `/api/v1/referrals/${id}/competency-review`,
      { verdict: o.verdict, note: 'Telaah uji' },
      200,
    );
  }
  return id;
}

export interface TestRecommendationOptions {
  /** Authorization header of the Dinas Sosial officer. */
  dinsos: string;
  nik: string;
  category?: string;
  /** The institution, for the categories that need one (care home, prison …). */
  institution?: string;
  validFrom?: string;
  validTo?: string;
  /** Who the letter is for, when the NIK is not in the population data. */
  person?: { name: string; birthDate: string; sex: 'L' | 'P'; address?: string };
}

/** A Dinas Sosial recommendation letter (DIN-1) issued through the API as the officer issues one. Returns its id. */
export async function createTestRecommendation(t: { app: App }, o: TestRecommendationOptions): Promise<number> {
  const letter = await post(
    t,
    o.dinsos,
    '/api/v1/recommendations',
    {
      nik: o.nik,
      category: o.category ?? 'TIDAK_MAMPU',
      reason: 'Hasil asesmen pekerja sosial: tidak mampu.',
      institution: o.institution ?? null,
      validFrom: o.validFrom ?? null,
      validTo: o.validTo ?? null,
      person: o.person ?? null,
    },
    201,
  );
  return Number(letter.id);
}
