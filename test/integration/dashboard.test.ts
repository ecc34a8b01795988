import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayJakarta } from '../../src/platform/calendar/index.js';
import type { Role } from '../../src/platform/http/permissions.js';
import type { Dashboard } from '../../src/modules/dashboard/schemas.js';
import { JKN_HEADER, POP_HEADER, csv, family, nikFor, popLine, VILLAGE } from '../helpers/fixtures.js';
import { ensureFacility, importFile, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';
import {
  createTestAgreement,
  createTestBedReport,
  createTestRecommendation,
  createTestReferral,
} from '../helpers/factories.js';

/**
 * The home page's work counters, through HTTP, per role: each role sees only the
 * counters its permissions allow, facility staff only their own facility's work,
 * and every figure is counted from rows written here (not from the demo).
 */
let t: TestEnv;
const today = todayJakarta();
const RS_A = 'RS-DASH-A';
const RS_B = 'RS-DASH-B';
const PKM = 'PKM-DASH-A';
let serial = 0;

/*
 * The rows below are written straight into the SJP, referral and card tables on purpose: each
 * counter is checked against a state no service makes on demand — a request due in exactly 2 hours or
 * 3 hours late (the services compute the deadline from the admission and the working calendar), a
 * puskesmas referral waiting for a bed (only a hospital's referral starts there), printed and
 * handed-over cards without rendering PDFs. Agreements, bed reports, Dinsos letters and the other
 * referrals go through the services (test/helpers/factories.ts).
 */
async function sjp(facility: string, status: string, dueInHours: number) {
  serial++;
  const nik = `32750101019${String(serial).padStart(5, '0')}`;
  await t.sys.db.query(
    `INSERT INTO sjp_request (tracking_code, nik, patient_name, facility_code, care_type, admitted_at, admission_date, diagnosis_code, basis, origin, status, due_at)
     VALUES ($1, $2, 'PASIEN', $3, 'INPATIENT', now() - interval '1 day', $4::date, 'A09', 'CARD', 'FACILITY', $5, now() + make_interval(hours => $6::int))`,
    [`DASHTRACK${serial}`, nik, facility, today, status, dueInHours],
  );
}

async function referral(from: string, to: string, status: string, flagged: boolean) {
  serial++;
  await t.sys.db.query(
    `INSERT INTO referral (number, year, seq, nik, person_name, from_facility_code, to_facility_code, kind, diagnosis_code, status, eligible, partner,
                           verify_code, emergency, creator_name, competency_flag)
     VALUES ($1, 2099, $2, $3, 'PASIEN', $4, $5, 'MEDICAL', (SELECT code FROM icd10 ORDER BY code LIMIT 1), $6, true, true, $7, false, 'PETUGAS', $8)`,
    [
      `${serial}/RUJ-DASH/2099`,
      serial,
      `32750101018${String(serial).padStart(5, '0')}`,
      from,
      to,
      status,
      `DASHVERIFY${serial}`,
      flagged,
    ],
  );
}

async function agreement(facility: string, endsInDays: number, startsInDays = -300) {
  serial++;
  await createTestAgreement(t.sys, facility, {
    number: `PKS/DASH/${serial}`,
    validFrom: addDays(today, startsInDays),
    validTo: addDays(today, endsInDays),
    services: ['RAWAT_INAP'],
  });
}

/** A Dinsos letter for a care-home resident outside the population data, begun a week ago, ending in `endsInDays` days. */
async function letter(dinsos: string, endsInDays: number) {
  await createTestRecommendation(t, {
    dinsos,
    category: 'PENGHUNI_PANTI',
    institution: 'Panti Sosial Tresna Werdha',
    nik: nikFor('1970-01-01', 'L'),
    validFrom: addDays(today, -7),
    validTo: addDays(today, endsInDays),
    person: { name: 'WARGA', birthDate: '1970-01-01', sex: 'L' },
  });
}

async function card(printed: boolean, handedOver: boolean) {
  serial++;
  let batch: number | null = null;
  if (printed) {
    const b = await t.sys.db.query<{ id: number }>(
      `INSERT INTO family_card_print_batch (layout, card_count) VALUES ('A4', 1) RETURNING id`,
    );
    batch = b.rows[0]!.id;
  }
  await t.sys.db.query(
    `INSERT INTO family_card (number, no_kk, issued_on, status, verify_code, region_code, village_code, head_name, issue_reason,
                              printed_at, print_batch_id, handed_over_on, handed_over_to)
     VALUES ($1, $2, $3, 'ACTIVE', $4, '3275', $5, 'KEPALA', 'BARU', $6, $7, $8, $9)`,
    [
      `KS-2099-${String(serial).padStart(7, '0')}`,
      `32750101017${String(serial).padStart(5, '0')}`,
      today,
      `DASHCARD${serial}`,
      VILLAGE,
      printed ? new Date() : null,
      batch,
      handedOver ? today : null,
      handedOver ? 'KEPALA' : null,
    ],
  );
}

async function dashboardOf(role: Role, facility?: string): Promise<Dashboard> {
  const { authorization } = await tokenFor(t.sys, role, facility);
  const r = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: { authorization } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Dashboard;
}

const byKey = (d: Dashboard) => Object.fromEntries(d.counters.map((c) => [c.key, c.value]));

beforeAll(async () => {
  t = await testEnv();
  await ensureFacility(t.sys, RS_A);
  await ensureFacility(t.sys, RS_B);
  await ensureFacility(t.sys, PKM, 'PPK1');
  // RS A: one to decide (due in 30 h), one the office sent back and now late, one draft due in 5 h.
  await sjp(RS_A, 'SUBMITTED', 30);
  await sjp(RS_A, 'NEEDS_COMPLETION', -3);
  await sjp(RS_A, 'DRAFT', 5);
  // RS B: two to decide; the nearest deadline of the whole program (2 h) is here.
  await sjp(RS_B, 'SUBMITTED', 2);
  await sjp(RS_B, 'SUBMITTED', 50);
  await sjp(RS_B, 'APPROVED', -100);
  // One referral incoming to A waiting for a bed (written directly: see above).
  await referral(PKM, RS_A, 'AWAITING_BED', false);
  // Agreements: A ends in 10 days, B in 40 and its renewal (from day 41) in 200 days (the latter not counted).
  await agreement(RS_A, 10);
  await agreement(RS_B, 40);
  await agreement(RS_B, 200, 41);
  // Dinsos letters: one ends in 12 days, one in 90.
  const dinsos = (await tokenFor(t.sys, 'dinsos')).authorization;
  await letter(dinsos, 12);
  await letter(dinsos, 90);
  // Cards: two to print, one to hand over, one done.
  await card(false, false);
  await card(false, false);
  await card(true, false);
  await card(true, true);
  // A first population file applies; the next one waits for review as a change set.
  const people = [...family('3275010101700001', 'SATU'), ...family('3275010101700002', 'DUA')];
  await importFile(t, 'population', 'p1.csv', csv(POP_HEADER, people.map(popLine)), addDays(today, -20));
  // One head active in JKN, one wife registered but inactive (arrears): registered coverage counts both.
  await importFile(
    t,
    'jkn',
    'j1.csv',
    csv(JKN_HEADER, [
      `${people[0]!.nik},0001111111111,BUDI SATU,PPU,1,AKTIF,2020-05-01,,`,
      `${people[1]!.nik},0001111111112,SITI SATU,PBPU,3,NONAKTIF,2020-05-01,4,`,
    ]),
    addDays(today, -15),
  );
  // Referrals from the puskesmas for a primary-care diagnosis (flagged, REF-6): two not reviewed (one to A, one
  // to B), and one to B admitted there and reviewed as justified by the office.
  for (const code of [RS_A, RS_B]) await createTestBedReport(t.sys, code, { class3Total: 20, class3Available: 5 });
  const pkm = (await tokenFor(t.sys, 'puskesmas', PKM)).authorization;
  await createTestReferral(t, { from: pkm, nik: people[2]!.nik, to: RS_A });
  await createTestReferral(t, { from: pkm, nik: people[3]!.nik, to: RS_B });
  await createTestReferral(t, {
    from: pkm,
    nik: people[4]!.nik,
    to: RS_B,
    steps: ['arrive', 'admit'],
    receiver: (await tokenFor(t.sys, 'rumahsakit', RS_B)).authorization,
    verdict: 'JUSTIFIED',
    reviewer: (await tokenFor(t.sys, 'sjp')).authorization,
  });
  await importFile(t, 'population', 'p2.csv', csv(POP_HEADER, people.slice(0, 5).map(popLine)), addDays(today, -5));
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/dashboard', () => {
  it('gives the SJP officer the whole program: to decide with the nearest deadline, late, flagged referrals, agreements expiring', async () => {
    const d = await dashboardOf('sjp');
    expect(byKey(d)).toMatchObject({
      'sjp.toDecide': 3,
      'sjp.late': 1,
      'sjp.needsCompletion': 1,
      'referrals.flagged': 2,
      'agreements.expiring': 2,
    });
    const toDecide = d.counters.find((c) => c.key === 'sjp.toDecide')!;
    // The nearest deadline ahead (RS B's request due in 2 h), not the late one.
    const hoursAhead = (new Date(toDecide.due!).getTime() - Date.now()) / 3600_000;
    expect(hoursAhead).toBeGreaterThan(1.9);
    expect(hoursAhead).toBeLessThan(2.1);
    expect(toDecide.tone).toBe('alert');
    expect(d.counters.find((c) => c.key === 'agreements.expiring')!.due).toBe(addDays(today, 10));
    expect(d.figures).toBeNull();
    expect(Object.keys(byKey(d))).not.toContain('cards.toPrint');
  });

  it('scopes the hospital desk to its own facility', async () => {
    const a = await dashboardOf('rumahsakit', RS_A);
    expect(a.facilityCode).toBe(RS_A);
    expect(byKey(a)).toEqual({
      'referrals.incoming': 2,
      'sjp.needsCompletion': 1,
      'sjp.drafts': 1,
      'referrals.outgoing': 0,
      'sjp.toDecide': 1,
      'agreements.expiring': 1,
    });
    // Its own work comes first.
    expect(a.counters[0]!.key).toBe('referrals.incoming');
    const b = await dashboardOf('rumahsakit', RS_B);
    expect(byKey(b)).toMatchObject({
      'sjp.toDecide': 2,
      'sjp.drafts': 0,
      'sjp.needsCompletion': 0,
      'agreements.expiring': 1,
    });
    // Nothing of the office's (flagged referrals, signals, change sets) reaches a hospital.
    expect(Object.keys(byKey(b))).not.toContain('referrals.flagged');
    expect(b.figures).toBeNull();
  });

  it('gives the puskesmas its outgoing referrals only', async () => {
    const d = await dashboardOf('puskesmas', PKM);
    expect(byKey(d)).toEqual({ 'referrals.outgoing': 3, 'agreements.expiring': 0 });
  });

  it('gives the membership officer change sets, signals, letters and the card queue', async () => {
    const d = await dashboardOf('kepesertaan');
    expect(byKey(d)).toMatchObject({
      'reconciliation.pending': 1,
      'letters.expiring': 1,
      'cards.toPrint': 2,
      'cards.toHandOver': 1,
    });
    expect(byKey(d)).toHaveProperty('signals.open');
    expect(d.counters.find((c) => c.key === 'reconciliation.pending')!.tone).toBe('alert');
    expect(d.figures).not.toBeNull();
  });

  it('gives the leadership the membership figures of today', async () => {
    const d = await dashboardOf('pimpinan');
    // The applied population file (the change set is not approved): two families of three, the children without e-KTP,
    // one head with an active JKN membership (PPU: he stays outside the program's members only if PPU is excluded).
    expect(d.figures).toMatchObject({ date: today, residents: 6, pendingEktp: 2, jknActive: 1, jknRegistered: 2 });
    expect(d.figures!.members).toBeGreaterThanOrEqual(5);
    expect(Object.keys(byKey(d))).toEqual(
      expect.arrayContaining(['sjp.toDecide', 'cards.toPrint', 'reconciliation.pending']),
    );
    expect(Object.keys(byKey(d))).not.toContain('referrals.flagged');
    // The leadership reads the queues; nothing is an alarm for a role that does not act on it.
    expect(d.counters.filter((c) => c.tone === 'alert')).toEqual([]);
  });

  it('gives Dinsos its letters expiring and nothing of SJP', async () => {
    const d = await dashboardOf('dinsos');
    expect(byKey(d)).toEqual({ 'letters.expiring': 1 });
  });

  it('gives the administrator the accounts that need them: locked, and never used', async () => {
    const before = byKey(await dashboardOf('admin'));
    const u = await t.sys.access.createUser({ username: 'terkunci.satu', role: 'sjp' });
    // Locked by hand: five failed logins would lock it too, but the counter is what is tested here.
    await t.sys.db.query(
      `UPDATE app_user SET locked_until = now() + interval '10 minutes', must_change_password = false WHERE id = $1`,
      [u.id],
    );
    const after = await dashboardOf('admin');
    expect(byKey(after)['users.locked']).toBe(before['users.locked']! + 1);
    // The admin made by dashboardOf also has not replaced its one-time password.
    expect(byKey(after)['users.notStarted']).toBe(before['users.notStarted']! + 1);
    expect(after.counters.find((c) => c.key === 'users.locked')!.tone).toBe('alert');
    expect(Object.keys(byKey(after))).toEqual(['agreements.expiring', 'users.locked', 'users.notStarted']);
  });

  it('answers every role, and nobody without credentials', async () => {
    for (const role of ['admin', 'bendahara', 'dukcapil', 'ketua', 'auditor', 'verifikator'] as Role[])
      await dashboardOf(role);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dashboard' })).statusCode).toBe(401);
  });
});
