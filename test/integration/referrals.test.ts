import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../src/platform/calendar/index.js';
import { POP_HEADER, csv, family, nikFor, popLine } from '../helpers/fixtures.js';
import { importFile, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';
import {
  createTestAgreement,
  createTestBedReport,
  ensureFacility,
  type FacilityOptions,
} from '../helpers/factories.js';

let t: TestEnv;
const auth: Record<string, string> = {};
const today = todayJakarta();
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const fam = family('3275010101400001', 'RUJUK');
const patient = fam[0]!;
const second = fam[1]!;
const third = fam[2]!;
const stranger = nikFor('1975-05-05', 'L', '320101');

async function facility(
  code: string,
  level: 'PPK1' | 'PPK2',
  village: string,
  location: NonNullable<FacilityOptions['location']>,
  opts: { partner?: boolean; beds?: number } = {},
) {
  await ensureFacility(t.sys, code, level, {
    name: `${level === 'PPK1' ? 'PUSKESMAS' : 'RS'} ${code}`,
    villageCode: village,
    location,
  });
  if (opts.partner) {
    await createTestAgreement(t.sys, code, {
      number: `PKS/${code}`,
      validFrom: daysAgo(100),
      validTo: daysAgo(-100),
      services: ['RAWAT_INAP', 'RAWAT_JALAN'],
    });
  }
  if (opts.beds !== undefined) await createTestBedReport(t.sys, code, { class3Total: 20, class3Available: opts.beds });
}

const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: auth[who]! } });
const post = (who: string, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: { authorization: auth[who]! }, payload });
const refer = (who: string, over: Record<string, unknown> = {}) =>
  post(who, '/api/v1/referrals', {
    nik: patient.nik,
    diagnosisCode: 'I21.9',
    kind: 'MEDICAL',
    toFacilityCode: 'RS-NEAR',
    ...over,
  });
const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.sys.db.query<{ n: number }>(sql, params)).rows[0]!.n);

beforeAll(async () => {
  t = await testEnv();
  await facility('PKM-A', 'PPK1', '3275011001', 'DALAM_KOTA');
  await facility('PKM-B', 'PPK1', '3275051001', 'DALAM_KOTA');
  await facility('RS-NEAR', 'PPK2', '3275011003', 'DALAM_KOTA', { partner: true, beds: 3 });
  await facility('RS-CITY', 'PPK2', '3275051002', 'DALAM_KOTA', { partner: true, beds: 10 });
  await facility('RS-FULL', 'PPK2', '3275061002', 'DALAM_KOTA', { partner: true, beds: 0 });
  await facility('RS-NOPKS', 'PPK2', '3275011002', 'DALAM_KOTA', { beds: 5 });
  await facility('RS-OUT', 'PPK2', '3174011001', 'LUAR_KOTA', { partner: true, beds: 4 });
  auth.pkm = (await tokenFor(t.sys, 'puskesmas', 'PKM-A')).authorization;
  auth.pkmB = (await tokenFor(t.sys, 'puskesmas', 'PKM-B')).authorization;
  auth.rsNear = (await tokenFor(t.sys, 'rumahsakit', 'RS-NEAR')).authorization;
  auth.rsCity = (await tokenFor(t.sys, 'rumahsakit', 'RS-CITY')).authorization;
  auth.rsOut = (await tokenFor(t.sys, 'rumahsakit', 'RS-OUT')).authorization;
  auth.rsNopks = (await tokenFor(t.sys, 'rumahsakit', 'RS-NOPKS')).authorization;
  auth.office = (await tokenFor(t.sys, 'sjp')).authorization;
  auth.admin = (await tokenFor(t.sys, 'admin')).authorization;
  await importFile(t, 'population', 'p.csv', csv(POP_HEADER, fam.map(popLine)), daysAgo(30));
});
afterAll(async () => {
  await t?.close();
});

describe('ICD-10 reference', () => {
  it('finds codes by code prefix and by words, with the REF-6 mark', async () => {
    const byCode = (await get('pkm', '/api/v1/icd10?q=e11')).json().items;
    expect(byCode.map((i: { code: string }) => i.code)).toContain('E11.9');
    expect(byCode.every((i: { code: string }) => i.code.startsWith('E11'))).toBe(true);
    const byWords = (await get('pkm', `/api/v1/icd10?q=${encodeURIComponent('jantung kongestif')}`)).json().items;
    expect(byWords.map((i: { code: string }) => i.code)).toEqual(['I50.0']);
    const j06 = (await get('pkm', '/api/v1/icd10/J06.9')).json();
    expect(j06).toMatchObject({ code: 'J06.9', primaryCare: true });
    expect((await get('pkm', '/api/v1/icd10/I21.9')).json().primaryCare).toBe(false);
    expect((await get('pkm', '/api/v1/icd10/Z99.9')).statusCode).toBe(404);
  });

  it('loads a list all-or-nothing: one bad line and nothing changes', async () => {
    const before = await count('SELECT count(*)::int AS n FROM primary_care_competency');
    const bad = await post('admin', '/api/v1/icd10/load', {
      list: 'competency',
      csv: 'kode,judul\nA09,Diare\nXYZ,Salah\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('REFERENCE_ROWS');
    expect(bad.json().error.message).toContain('Baris 3');
    expect(await count('SELECT count(*)::int AS n FROM primary_care_competency')).toBe(before);
    const ok = await post('admin', '/api/v1/icd10/load', {
      list: 'icd10',
      csv: 'kode;judul\nZ99.9;Ketergantungan alat bantu\n',
    });
    expect(ok.json()).toEqual({ list: 'icd10', rows: 1 });
    expect((await get('pkm', '/api/v1/icd10/Z99.9')).statusCode).toBe(200);
  });
});

describe('choosing a destination (REF-1)', () => {
  it('lists partner hospitals nearest first, then by free beds, marking who cannot take the patient', async () => {
    const r = (await get('pkm', '/api/v1/referrals/destinations')).json();
    expect(r.from.code).toBe('PKM-A');
    expect(r.items.map((i: { code: string }) => i.code)).toEqual(['RS-NEAR', 'RS-CITY', 'RS-FULL', 'RS-OUT']);
    const byCode = Object.fromEntries(r.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode['RS-NEAR']).toMatchObject({ proximity: 'SAME_DISTRICT', available: true, freeBeds: 3 });
    expect(byCode['RS-FULL'].available).toBe(false);
    expect(byCode['RS-OUT']).toMatchObject({ proximity: 'OUTSIDE', available: false });
    const em = (await get('pkm', '/api/v1/referrals/destinations?emergency=true')).json();
    expect(em.items.find((i: { code: string }) => i.code === 'RS-NOPKS')).toMatchObject({
      partner: false,
      available: true,
    });
  });
});

describe('creating referrals', () => {
  let firstId: number;

  it('a puskesmas refers a member; the hospital is notified', async () => {
    const r = await refer('pkm', { clinicalNotes: 'Nyeri dada 2 jam', requestKey: 'k-1' });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    firstId = body.id;
    expect(body).toMatchObject({
      status: 'SENT',
      eligible: true,
      eligibilityBasis: 'RESIDENT',
      fromFacilityCode: 'PKM-A',
      toFacilityCode: 'RS-NEAR',
      diagnosisTitle: 'Infark miokard akut',
      competencyFlag: false,
      partner: true,
    });
    expect(body.number).toMatch(new RegExp(`^\\d{5}/RUJ-JKD/${today.slice(0, 4)}$`));
    expect(
      await count(
        `SELECT count(*)::int AS n FROM notification WHERE facility_code = 'RS-NEAR' AND kind = 'referral.new' AND entity_id = $1`,
        [String(firstId)],
      ),
    ).toBe(1);
  });

  it('double submission is a clear 409 and writes nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM referral');
    const again = await refer('pkm', { requestKey: 'k-1' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REFERRAL_DUPLICATE');
    const same = await refer('pkm', { requestKey: 'k-2' });
    expect(same.statusCode).toBe(409);
    expect(await count('SELECT count(*)::int AS n FROM referral')).toBe(before);
  });

  it('refuses a non-member with the reasons, unless it is an emergency', async () => {
    const before = await count('SELECT count(*)::int AS n FROM referral');
    const r = await refer('pkm', { nik: stranger });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('NOT_ELIGIBLE');
    expect(r.json().error.message).toMatch(/bukan peserta/);
    expect(await count('SELECT count(*)::int AS n FROM referral')).toBe(before);
    const em = await refer('pkm', { nik: stranger, emergency: true });
    expect(em.statusCode).toBe(201);
    expect(em.json()).toMatchObject({ eligible: false, emergency: true });
  });

  it('refuses a hospital without an agreement or without free beds, except emergencies (FAC-2)', async () => {
    const r = await refer('pkm', { nik: second.nik, toFacilityCode: 'RS-NOPKS' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('NO_AGREEMENT');
    expect((await refer('pkm', { nik: second.nik, toFacilityCode: 'RS-FULL' })).json().error.code).toBe('NO_FREE_BED');
    const em = await refer('pkm', { nik: second.nik, toFacilityCode: 'RS-NOPKS', emergency: true });
    expect(em.statusCode).toBe(201);
    expect(em.json().partner).toBe(false);
    const bad = await refer('pkm', { nik: second.nik, diagnosisCode: 'HAHA' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_ICD');
  });

  it('flags a diagnosis on the primary-care competency list for the office (REF-6)', async () => {
    const r = await refer('pkm', { nik: third.nik, diagnosisCode: 'J06.9', toFacilityCode: 'RS-CITY' });
    expect(r.statusCode).toBe(201);
    expect(r.json().competencyFlag).toBe(true);
    const flagged = (await get('office', '/api/v1/referrals?flagged=true')).json();
    expect(flagged.items.map((x: { id: number }) => x.id)).toEqual([r.json().id]);
    // The office reviews it once, with a note; the puskesmas is told; it leaves the unreviewed list.
    const id = r.json().id;
    expect(
      (await post('pkm', `/api/v1/referrals/${id}/competency-review`, { verdict: 'JUSTIFIED', note: 'Ada komplikasi' }))
        .statusCode,
    ).toBe(403);
    const noNote = await post('office', `/api/v1/referrals/${id}/competency-review`, {
      verdict: 'NOT_JUSTIFIED',
      note: '',
    });
    expect(noNote.statusCode).toBe(400);
    const reviewed = await post('office', `/api/v1/referrals/${id}/competency-review`, {
      verdict: 'NOT_JUSTIFIED',
      note: 'ISPA tanpa komplikasi, cukup di puskesmas',
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().competencyReview).toMatchObject({
      verdict: 'NOT_JUSTIFIED',
      note: 'ISPA tanpa komplikasi, cukup di puskesmas',
    });
    expect(
      (
        await post('office', `/api/v1/referrals/${id}/competency-review`, {
          verdict: 'JUSTIFIED',
          note: 'Berubah pikiran',
        })
      ).statusCode,
    ).toBe(409);
    expect((await get('office', '/api/v1/referrals?unreviewed=true')).json().items).toEqual([]);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM notification WHERE kind = 'referral.competency_review' AND facility_code = 'PKM-A'`,
      ),
    ).toBe(1);
  });

  it('out-of-city care only on a hospital referral, which waits for the bed (REF-4, REF-7)', async () => {
    const fromPkm = await refer('pkm', { nik: second.nik, toFacilityCode: 'RS-OUT' });
    expect(fromPkm.statusCode).toBe(422);
    expect(fromPkm.json().error.code).toBe('OUT_OF_CITY_NEEDS_HOSPITAL_REFERRAL');
    const fromRs = await refer('rsCity', { nik: second.nik, toFacilityCode: 'RS-OUT', kind: 'NON_MEDICAL' });
    expect(fromRs.statusCode).toBe(201);
    const id = fromRs.json().id;
    expect(fromRs.json().status).toBe('AWAITING_BED');
    expect(
      await count(
        `SELECT count(*)::int AS n FROM notification WHERE facility_code = 'RS-OUT' AND kind = 'referral.bed_request'`,
      ),
    ).toBe(1);
    const early = await post('rsOut', `/api/v1/referrals/${id}/arrive`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('REFERRAL_STATE');
    expect((await post('rsCity', `/api/v1/referrals/${id}/confirm-bed`)).statusCode).toBe(403);
    const ok = await post('rsOut', `/api/v1/referrals/${id}/confirm-bed`);
    expect(ok.json()).toMatchObject({ status: 'SENT' });
    expect(ok.json().bedConfirmedAt).not.toBeNull();
    expect(
      await count(
        `SELECT count(*)::int AS n FROM notification WHERE facility_code = 'RS-CITY' AND role = 'rumahsakit' AND kind = 'referral.confirm_bed'`,
      ),
    ).toBe(1);
  });

  it('two simultaneous submissions of one referral make one row and one clear 409', async () => {
    const before = await count('SELECT count(*)::int AS n FROM referral');
    const [a, b] = await Promise.all([
      refer('pkm', { nik: second.nik, diagnosisCode: 'K35.8', toFacilityCode: 'RS-CITY', requestKey: 'same-click' }),
      refer('pkm', { nik: second.nik, diagnosisCode: 'K35.8', toFacilityCode: 'RS-CITY', requestKey: 'same-click' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await count('SELECT count(*)::int AS n FROM referral')).toBe(before + 1);
    const created = a.statusCode === 201 ? a.json() : b.json();
    const declined = await post('rsCity', `/api/v1/referrals/${created.id}/decline`, {
      reason: 'Kamar operasi sedang direnovasi',
    });
    expect(declined.json()).toMatchObject({ status: 'DECLINED', declinedReason: 'Kamar operasi sedang direnovasi' });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM notification WHERE facility_code = 'PKM-A' AND kind = 'referral.decline' AND entity_id = $1`,
        [String(created.id)],
      ),
    ).toBe(1);
    const v = await t.app.inject({ method: 'GET', url: `/api/v1/public/referrals/${created.verifyCode}` });
    expect(v.json()).toMatchObject({ valid: false, status: 'DECLINED' });
  });

  it('the receiving hospital records arrival, admission and the back-referral the puskesmas sees (REF-5)', async () => {
    const inbox = (await get('rsNear', '/api/v1/referrals?direction=IN')).json();
    expect(inbox.items.map((x: { id: number }) => x.id)).toContain(firstId);
    expect((await post('rsNear', `/api/v1/referrals/${firstId}/arrive`)).json().status).toBe('ARRIVED');
    expect((await post('rsNear', `/api/v1/referrals/${firstId}/admit`)).json().status).toBe('ADMITTED');
    const incomplete = await post('rsNear', `/api/v1/referrals/${firstId}/back-referral`, { condition: 'Stabil' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.code).toBe('BACK_REFERRAL_INCOMPLETE');
    const back = await post('rsNear', `/api/v1/referrals/${firstId}/back-referral`, {
      condition: 'Stabil, nyeri dada hilang',
      followUp: 'Kontrol tekanan darah tiap bulan di puskesmas',
    });
    expect(back.json()).toMatchObject({ status: 'RETURNED', returnCondition: 'Stabil, nyeri dada hilang' });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM notification WHERE facility_code = 'PKM-A' AND role = 'puskesmas' AND kind = 'referral.return'`,
      ),
    ).toBe(1);
    const seen = (await get('pkm', `/api/v1/referrals/${firstId}`)).json();
    expect(seen.returnFollowUp).toBe('Kontrol tekanan darah tiap bulan di puskesmas');
  });

  it('a hospital records an emergency admission without referral (REF-3)', async () => {
    const r = await post('rsNopks', '/api/v1/referrals/emergency-admissions', {
      nik: stranger,
      diagnosisCode: 'S06.9',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      status: 'ADMITTED',
      emergency: true,
      fromFacilityCode: null,
      toFacilityCode: 'RS-NOPKS',
      eligible: false,
      partner: false,
    });
  });

  it('prints the letter as a PDF and verifies it publicly with initials only', async () => {
    const pdf = await get('pkm', `/api/v1/referrals/${firstId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const detail = (await get('pkm', `/api/v1/referrals/${firstId}`)).json();
    expect(detail.verifyUrl).toContain(`/verifikasi/rujukan/${detail.verifyCode}`);
    const v = await t.app.inject({ method: 'GET', url: `/api/v1/public/referrals/${detail.verifyCode.toLowerCase()}` });
    expect(v.statusCode).toBe(200);
    expect(v.json()).toEqual({
      valid: true,
      status: 'RETURNED',
      number: detail.number,
      initials: 'B. R.',
      issuedOn: today,
    });
    expect(v.body).not.toContain(patient.nik);
    expect(v.body).not.toContain('BUDI');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/referrals/AAAABBBBCCCC' })).statusCode).toBe(404);
  });
});

describe('facility scoping: a facility sees only referrals from or to it', () => {
  it('holds for list, read, PDF and every hospital action', async () => {
    const all = (await get('office', '/api/v1/referrals')).json();
    expect(all.total).toBeGreaterThanOrEqual(5);
    const first = all.items.find(
      (x: { toFacilityCode: string; fromFacilityCode: string }) =>
        x.fromFacilityCode === 'PKM-A' && x.toFacilityCode === 'RS-NEAR',
    );
    for (const who of ['pkmB', 'rsCity'] as const) {
      const mine = (await get(who, '/api/v1/referrals')).json();
      const own = who === 'pkmB' ? 'PKM-B' : 'RS-CITY';
      expect(
        mine.items.every(
          (x: { fromFacilityCode: string; toFacilityCode: string }) =>
            x.fromFacilityCode === own || x.toFacilityCode === own,
        ),
      ).toBe(true);
      expect((await get(who, `/api/v1/referrals/${first.id}`)).statusCode).toBe(404);
      expect((await get(who, `/api/v1/referrals/${first.id}/pdf`)).statusCode).toBe(404);
      expect(
        (await get(who, `/api/v1/referrals?nik=${patient.nik}`))
          .json()
          .items.filter((x: { id: number }) => x.id === first.id),
      ).toEqual([]);
    }
    expect((await get('pkmB', '/api/v1/referrals')).json().total).toBe(0);
    for (const action of ['confirm-bed', 'decline', 'arrive', 'admit', 'back-referral']) {
      const r = await post('rsCity', `/api/v1/referrals/${first.id}/${action}`, {
        reason: 'tidak ada tempat',
        condition: 'baik',
        followUp: 'kontrol',
      });
      expect(r.statusCode, action).toBe(404);
    }
    const outgoing = (await get('rsCity', '/api/v1/referrals?direction=OUT')).json();
    expect(outgoing.items.map((x: { toFacilityCode: string }) => x.toFacilityCode)).toEqual(['RS-OUT']);
    const incoming = (await get('rsCity', '/api/v1/referrals?direction=IN')).json();
    expect(incoming.items.every((x: { toFacilityCode: string }) => x.toFacilityCode === 'RS-CITY')).toBe(true);
  });

  it('audits reads of a patient by entity only', async () => {
    const n = await count(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'referral.read' AND entity_id = $1`,
      [patient.nik],
    );
    expect(n).toBeGreaterThan(0);
  });
});
