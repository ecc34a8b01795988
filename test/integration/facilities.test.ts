import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayJakarta } from '../../src/platform/calendar/index.js';
import { csv as csvOf, family, popLine, POP_HEADER } from '../helpers/fixtures.js';
import { importFile, multipartRequest, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const HEADER = 'kode,nama,jenis,kelas,kepemilikan,lokasi,rsud,kode_wilayah,alamat,telepon';
const ROWS = [
  'RS-KOTA-01,RSUD KOTA CONTOH,RUMAH_SAKIT,B,PEMERINTAH_DAERAH,DALAM_KOTA,Y,3275011001,Jl. Pramuka 55,(021) 880-1234',
  'RS-SWASTA-02,RS MITRA SEHAT,RUMAH_SAKIT,C,SWASTA,DALAM_KOTA,N,3275011001,Jl. Ahmad Yani 2,021-8801',
  'RS-BATAS-03,RS PERBATASAN,RUMAH_SAKIT,D,SWASTA,PERBATASAN,N,,Jl. Raya 9,',
  'RS-NONPKS-04,RS TANPA PKS,RUMAH_SAKIT,C,SWASTA,DALAM_KOTA,N,,,',
  'PKM-SATU-01,PUSKESMAS SATU,PUSKESMAS,,PEMERINTAH_DAERAH,DALAM_KOTA,N,3275011001,,',
  'KLN-01,KLINIK PRATAMA CONTOH,KLINIK,,SWASTA,DALAM_KOTA,N,,,',
];
const csv = (rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

let t: TestEnv;
let admin: string;
let office: string;
let rsKota: string;
let rsSwasta: string;
let rsNon: string;
let pkm: string;
const today = todayJakarta();
const monthsAgo = (n: number) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};

async function pksDocument(): Promise<number> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/facilities/documents',
    ...multipartRequest({}, { name: 'pks.pdf', content: PDF, type: 'application/pdf' }, admin),
  });
  expect(r.statusCode).toBe(201);
  return r.json().id;
}

async function createPks(code: string, over: Record<string, unknown> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/facilities/${code}/agreements`,
    headers: { authorization: admin },
    payload: {
      number: `PKS/${code}/${Math.random().toString(36).slice(2, 7)}`,
      validFrom: addDays(today, -300),
      validTo: addDays(today, 400),
      services: ['RAWAT_JALAN', 'RAWAT_INAP', 'GAWAT_DARURAT'],
      documentId: await pksDocument(),
      ...over,
    },
  });
}

const get = (url: string, auth: string) => t.app.inject({ method: 'GET', url, headers: { authorization: auth } });
const post = (url: string, auth: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { authorization: auth }, payload });

beforeAll(async () => {
  t = await testEnv();
  admin = (await tokenFor(t.sys, 'admin')).authorization;
  const load = await post('/api/v1/facilities/import', admin, { csv: csv(ROWS) });
  expect(load.statusCode, load.body).toBe(200);
  office = (await tokenFor(t.sys, 'sjp')).authorization;
  rsKota = (await tokenFor(t.sys, 'rumahsakit', 'RS-KOTA-01')).authorization;
  rsSwasta = (await tokenFor(t.sys, 'rumahsakit', 'RS-SWASTA-02')).authorization;
  rsNon = (await tokenFor(t.sys, 'rumahsakit', 'RS-NONPKS-04')).authorization;
  pkm = (await tokenFor(t.sys, 'puskesmas', 'PKM-SATU-01')).authorization;
});
afterAll(async () => {
  await t?.close();
});

describe('registry (FAC-1)', () => {
  const details = {
    name: 'RS TANPA PKS',
    class: 'C',
    ownership: 'SWASTA',
    location: 'DALAM_KOTA',
    isRsud: false,
    villageCode: null,
    address: null,
    phone: null,
  };
  const put = (code: string, auth: string, payload: object) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/facilities/${code}`, headers: { authorization: auth }, payload });

  it("the administrator changes one facility's details under the file's rule; the change is audited", async () => {
    const r = await put('RS-NONPKS-04', admin, {
      ...details,
      class: 'B',
      address: 'Jl. Cut Meutia 12',
      phone: '(021) 885-0000',
      villageCode: '32.75.01.1001',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      code: 'RS-NONPKS-04',
      kind: 'RUMAH_SAKIT',
      level: 'PPK2',
      class: 'B',
      address: 'Jl. Cut Meutia 12',
      phone: '(021) 885-0000',
      villageCode: '3275011001',
    });
    const audit = await t.sys.db.query<{ details: { changed: string[] } }>(
      `SELECT details FROM audit_log WHERE action = 'facility.update' AND entity_id = 'RS-NONPKS-04'`,
    );
    expect(audit.rows.map((a) => a.details.changed.sort())).toEqual([['address', 'class', 'phone', 'villageCode']]);
    // Nothing changed: nothing written, nothing audited.
    expect(
      (
        await put('RS-NONPKS-04', admin, {
          ...details,
          class: 'B',
          address: 'Jl. Cut Meutia 12',
          phone: '(021) 885-0000',
          villageCode: '3275011001',
        })
      ).statusCode,
    ).toBe(200);
    expect((await t.sys.db.query(`SELECT 1 FROM audit_log WHERE action = 'facility.update'`)).rows).toHaveLength(1);
    const back = await put('RS-NONPKS-04', admin, details);
    expect(back.json()).toMatchObject({ class: 'C', address: null, phone: null, villageCode: null });
  });

  it('refuses what a file row would refuse, naming the field, and changes nothing', async () => {
    const noClass = await put('RS-NONPKS-04', admin, { ...details, class: null, phone: 'telp kantor' });
    expect(noClass.statusCode).toBe(400);
    expect(noClass.json().error).toMatchObject({ code: 'FACILITY_INVALID' });
    expect(noClass.json().error.message).toMatch(/Kolom kelas: kelas rumah sakit/);
    expect(noClass.json().error.message).toMatch(/Kolom telepon/);
    const rsudClinic = await put('PKM-SATU-01', admin, {
      ...details,
      name: 'PUSKESMAS SATU',
      class: null,
      ownership: 'PEMERINTAH_DAERAH',
      isRsud: true,
    });
    expect(rsudClinic.json().error.message).toMatch(/hanya rumah sakit yang dapat ditandai RSUD/);
    expect((await get('/api/v1/facilities/RS-NONPKS-04', office)).json()).toMatchObject({ class: 'C', phone: null });
    expect((await put('NOPE-99', admin, details)).statusCode).toBe(404);
  });

  it('loads every column of facilities.csv', async () => {
    const r = (await get('/api/v1/facilities/RS-KOTA-01', office)).json();
    expect(r).toMatchObject({
      code: 'RS-KOTA-01',
      level: 'PPK2',
      kind: 'RUMAH_SAKIT',
      class: 'B',
      ownership: 'PEMERINTAH_DAERAH',
      location: 'DALAM_KOTA',
      isRsud: true,
      villageCode: '3275011001',
      address: 'Jl. Pramuka 55',
      phone: '(021) 880-1234',
    });
    const k = (await get('/api/v1/facilities/KLN-01', office)).json();
    expect(k).toMatchObject({ kind: 'KLINIK_PRATAMA', level: 'PPK1', class: null });
  });

  it('refuses a file with a bad row as a whole, naming row and column', async () => {
    const bad = [
      ROWS[0]!.replace('RSUD KOTA CONTOH', 'RSUD DIGANTI'),
      'RS-X-09,RS X,RUMAH_SAKIT,Z,SWASTA,DALAM_KOTA,N,,,',
    ];
    const r = await post('/api/v1/facilities/import', admin, { csv: csv(bad) });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('FACILITY_ROWS');
    expect(r.json().error.message).toMatch(/Baris 3, kolom kelas/);
    const still = (await get('/api/v1/facilities/RS-KOTA-01', office)).json();
    expect(still.name).toBe('RSUD KOTA CONTOH');
    expect((await get('/api/v1/facilities/RS-X-09', office)).statusCode).toBe(404);
  });

  it('refuses a file without the required columns and one with a repeated code', async () => {
    const r = await post('/api/v1/facilities/import', admin, { csv: 'kode,nama\nA1,B\n' });
    expect(r.json().error.code).toBe('FACILITY_COLUMNS');
    const d = await post('/api/v1/facilities/import', admin, { csv: csv([ROWS[4]!, ROWS[4]!]) });
    expect(d.json().error.message).toMatch(/Baris 3, kolom kode: kode PKM-SATU-01 sudah dipakai di baris 2/);
  });

  it('filters by kind, class, location and partner status', async () => {
    await createPks('RS-KOTA-01');
    const codes = async (qs: string) =>
      ((await get(`/api/v1/facilities?${qs}`, office)).json().rows as { code: string }[]).map((r) => r.code).sort();
    expect(await codes('kind=RUMAH_SAKIT&class=C')).toEqual(['RS-NONPKS-04', 'RS-SWASTA-02']);
    expect(await codes('location=PERBATASAN')).toEqual(['RS-BATAS-03']);
    expect(await codes('partner=true')).toContain('RS-KOTA-01');
    expect(await codes('partner=false')).not.toContain('RS-KOTA-01');
    expect(await codes('q=klinik')).toEqual(['KLN-01']);
  });
});

describe('agreements (FAC-2)', () => {
  it('creates, lists and refuses overlaps, duplicates and a bad period', async () => {
    const r = await createPks('RS-SWASTA-02', {
      number: 'PKS/002/2026',
      validFrom: addDays(today, -10),
      validTo: addDays(today, 30),
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ number: 'PKS/002/2026', status: 'ACTIVE', inForce: true });
    const dup = await createPks('RS-BATAS-03', { number: 'PKS/002/2026' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('AGREEMENT_NUMBER_TAKEN');
    const overlap = await createPks('RS-SWASTA-02', { validFrom: addDays(today, 20), validTo: addDays(today, 300) });
    expect(overlap.json().error.code).toBe('AGREEMENT_OVERLAP');
    const badPeriod = await createPks('RS-BATAS-03', { validFrom: addDays(today, 10), validTo: addDays(today, 5) });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.message).toMatch(/Tanggal berakhir tidak boleh sebelum tanggal mulai/);
    const list = (await get('/api/v1/facilities/RS-SWASTA-02/agreements', pkm)).json().rows;
    expect(list).toHaveLength(1);
  });

  it('refuses a document that does not exist', async () => {
    const r = await createPks('RS-BATAS-03', { documentId: 999999 });
    expect(r.statusCode).toBe(403);
    expect((await get('/api/v1/facilities/RS-BATAS-03/agreements', office)).json().rows).toHaveLength(0);
  });

  it('lists agreements expiring within 60 days unless a renewal follows', async () => {
    const exp = (await get('/api/v1/facilities/agreements/expiring', office)).json().rows as {
      number: string;
      daysLeft: number;
    }[];
    expect(exp.map((a) => a.number)).toContain('PKS/002/2026');
    expect(exp.find((a) => a.number === 'PKS/002/2026')!.daysLeft).toBe(30);
    const renew = await createPks('RS-SWASTA-02', {
      number: 'PKS/002/2026-P',
      validFrom: addDays(today, 31),
      validTo: addDays(today, 400),
    });
    expect(renew.statusCode, renew.body).toBe(201);
    const after = (await get('/api/v1/facilities/agreements/expiring', office)).json().rows as { number: string }[];
    expect(after.map((a) => a.number)).not.toContain('PKS/002/2026');
  });

  it('isPartner / requirePartner follow the agreement, emergencies pass', async () => {
    const f = t.sys.facilities;
    expect(await f.isPartner('RS-KOTA-01', today)).toBe(true);
    expect(await f.isPartner('RS-KOTA-01', today, 'HEMODIALISA')).toBe(false);
    expect(await f.isPartner('RS-NONPKS-04', today)).toBe(false);
    await expect(f.requirePartner('RS-NONPKS-04', today, { emergency: false })).rejects.toMatchObject({
      code: 'NO_AGREEMENT',
    });
    await expect(f.requirePartner('RS-KOTA-01', today, { emergency: false, service: 'KEMOTERAPI' })).rejects.toThrow(
      /kemoterapi/,
    );
    await expect(f.requirePartner('RS-NONPKS-04', today, { emergency: true })).resolves.toBeUndefined();
  });

  it('terminates with date and reason; the termination day is no longer covered', async () => {
    const created = (await createPks('RS-BATAS-03', { number: 'PKS/BATAS/1' })).json();
    const bad = await post(`/api/v1/facilities/agreements/${created.id}/terminate`, admin, {
      terminatedOn: addDays(today, 5000),
      reason: 'Habis',
    });
    expect(bad.statusCode).toBe(400);
    const r = await post(`/api/v1/facilities/agreements/${created.id}/terminate`, admin, {
      terminatedOn: today,
      reason: 'Pelanggaran PKS',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'TERMINATED', terminatedOn: today, inForce: false });
    expect(await t.sys.facilities.isPartner('RS-BATAS-03', addDays(today, -1))).toBe(true);
    expect(await t.sys.facilities.isPartner('RS-BATAS-03', today)).toBe(false);
    const again = await post(`/api/v1/facilities/agreements/${created.id}/terminate`, admin, {
      terminatedOn: today,
      reason: 'Lagi',
    });
    expect(again.json().error.message).toMatch(/sudah diputus/);
  });
});

describe('bed board (FAC-5)', () => {
  it('a hospital reports for itself only and the board shows partners with age', async () => {
    const r = await post('/api/v1/facilities/bed-reports', rsKota, {
      class3Total: 40,
      class3Available: 6,
      aboveClassPatients: 2,
    });
    expect(r.statusCode, r.body).toBe(201);
    // Even naming another facility in the body changes nothing: the facility is the user's own.
    await post('/api/v1/facilities/bed-reports', rsSwasta, {
      class3Total: 20,
      class3Available: 9,
      facilityCode: 'RS-KOTA-01',
    });
    const board = (await get('/api/v1/facilities/bed-board', pkm)).json();
    const kota = board.rows.find((x: { facilityCode: string }) => x.facilityCode === 'RS-KOTA-01');
    const swasta = board.rows.find((x: { facilityCode: string }) => x.facilityCode === 'RS-SWASTA-02');
    expect(kota).toMatchObject({ class3Total: 40, class3Available: 6, aboveClassPatients: 2, stale: false });
    expect(swasta).toMatchObject({ class3Total: 20, class3Available: 9 });
    expect(board.rows[0].facilityCode).toBe('RS-SWASTA-02'); // most free beds first
    expect(board.rows.map((x: { facilityCode: string }) => x.facilityCode)).not.toContain('RS-NONPKS-04');
  });

  it('refuses impossible numbers and keeps nothing', async () => {
    const r = await post('/api/v1/facilities/bed-reports', rsKota, { class3Total: 5, class3Available: 9 });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/tidak boleh lebih banyak/);
    const mine = (await get('/api/v1/facilities/bed-reports/mine', rsKota)).json().rows;
    expect(mine).toHaveLength(1);
    expect((await get('/api/v1/facilities/bed-reports/mine', rsSwasta)).json().rows).toHaveLength(1);
  });

  it('marks an old report as stale and filters by location', async () => {
    await t.sys.db.query(
      `UPDATE bed_report SET reported_at = now() - interval '30 hours' WHERE facility_code = 'RS-SWASTA-02'`,
    );
    const rows = (await get('/api/v1/facilities/bed-board?sort=name', office)).json().rows;
    expect(rows.find((x: { facilityCode: string }) => x.facilityCode === 'RS-SWASTA-02')).toMatchObject({
      stale: true,
    });
    const batas = (await get('/api/v1/facilities/bed-board?location=PERBATASAN', office)).json().rows;
    expect(batas.every((x: { location: string }) => x.location === 'PERBATASAN')).toBe(true);
    const latest = await t.sys.facilities.latestBeds(['RS-KOTA-01']);
    expect(latest).toHaveLength(1);
    expect(latest[0]!.class3Available).toBe(6);
  });
});

describe('monthly report (FAC-6)', () => {
  const body = {
    outpatientVisits: 1200,
    inpatientAdmissions: 300,
    class3PatientDays: 900,
    referralsReceived: 150,
    referralsBack: 40,
    deaths: 3,
  };
  it('is filed by the hospital for itself; the office sees on time, late and missing', async () => {
    const period = monthsAgo(3);
    const r = await post('/api/v1/facilities/monthly-reports', rsKota, { period, ...body });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().status).toBe('LATE');
    const dup = await post('/api/v1/facilities/monthly-reports', rsKota, { period, ...body });
    expect(dup.statusCode).toBe(409);
    // A report filed well before its due date counts as on time.
    // A report filed before its due date counts as on time (RS-BATAS-03 was a partner then).
    const rsBatas = (await tokenFor(t.sys, 'rumahsakit', 'RS-BATAS-03')).authorization;
    expect((await post('/api/v1/facilities/monthly-reports', rsBatas, { period, ...body })).statusCode).toBe(201);
    await t.sys.db.query(
      `UPDATE monthly_report SET submitted_at = ($1 || '-02 10:00+07')::timestamptz WHERE facility_code = 'RS-BATAS-03'`,
      [monthsAgo(2)],
    );
    // RS-SWASTA-02's agreement started ten days ago: it owed nothing for that month.
    await post('/api/v1/facilities/monthly-reports', rsSwasta, { period, ...body });
    const o = (await get(`/api/v1/facilities/monthly-reports?period=${period}`, office)).json();
    const missing = (await get(`/api/v1/facilities/monthly-reports?period=${monthsAgo(4)}`, office)).json();
    expect(missing.rows.find((x: { facilityCode: string }) => x.facilityCode === 'RS-KOTA-01').status).toBe('MISSING');
    const status = Object.fromEntries(
      o.rows.map((x: { facilityCode: string; status: string }) => [x.facilityCode, x.status]),
    );
    expect(status['RS-KOTA-01']).toBe('LATE');
    expect(status['RS-BATAS-03']).toBe('ON_TIME');
    expect(status['RS-SWASTA-02']).toBeUndefined();
    expect(status['RS-NONPKS-04']).toBeUndefined();
    expect(o.dueDate.slice(0, 7)).toBe(monthsAgo(2));
  });

  it('refuses the current month and a bad period', async () => {
    const cur = await post('/api/v1/facilities/monthly-reports', rsKota, { period: today.slice(0, 7), ...body });
    expect(cur.statusCode).toBe(422);
    expect(cur.json().error.code).toBe('MONTH_NOT_ENDED');
    expect((await post('/api/v1/facilities/monthly-reports', rsKota, { period: '2026-13', ...body })).statusCode).toBe(
      400,
    );
  });

  it('a hospital sees only its own reports', async () => {
    const mine = (await get('/api/v1/facilities/monthly-reports/mine', rsKota)).json().rows;
    expect(mine.every((m: { facilityCode: string }) => m.facilityCode === 'RS-KOTA-01')).toBe(true);
    expect(mine).toHaveLength(1);
  });
});

describe('sanctions (FAC-3)', () => {
  it('records a warning and a termination that ends the agreement', async () => {
    const w = await post('/api/v1/facilities/RS-KOTA-01/sanctions', admin, {
      kind: 'TEGURAN_TERTULIS',
      imposedOn: today,
      basis: 'Laporan bulanan terlambat dua kali',
    });
    expect(w.statusCode, w.body).toBe(201);
    expect(await t.sys.facilities.isPartner('RS-KOTA-01', today)).toBe(true);
    const doc = await pksDocument();
    const term = await post('/api/v1/facilities/RS-KOTA-01/sanctions', admin, {
      kind: 'PEMUTUSAN',
      imposedOn: addDays(today, 1),
      basis: 'Pasal 22 Perda 9/2018',
      documentId: doc,
    });
    expect(term.statusCode, term.body).toBe(201);
    expect(term.json().agreementId).toBeGreaterThan(0);
    expect(await t.sys.facilities.isPartner('RS-KOTA-01', today)).toBe(true);
    expect(await t.sys.facilities.isPartner('RS-KOTA-01', addDays(today, 1))).toBe(false);
    const page = (await get('/api/v1/facilities/RS-KOTA-01', office)).json();
    expect(page.sanctions.map((s: { kind: string }) => s.kind)).toEqual(['PEMUTUSAN', 'TEGURAN_TERTULIS']);
    expect((await get('/api/v1/facilities/RS-KOTA-01', rsKota)).json().sanctions).toHaveLength(2);
    expect((await get('/api/v1/facilities/RS-KOTA-01', rsSwasta)).json().sanctions).toHaveLength(0);
    const noPks = await post('/api/v1/facilities/RS-NONPKS-04/sanctions', admin, {
      kind: 'PEMUTUSAN',
      imposedOn: today,
      basis: 'x x x',
    });
    expect(noPks.statusCode).toBe(422);
    expect((await get('/api/v1/facilities/RS-NONPKS-04', office)).json().sanctions).toHaveLength(0);
  });
});

describe('emergency reports from non-partner facilities (FAC-4)', () => {
  const nik = '3275014101900001'; // not in the population data
  it('on time within 72 working hours, late after; the partner refers onward', async () => {
    const recent = new Date(Date.now() - 3600_000).toISOString();
    const ok = await post('/api/v1/facilities/emergency-reports', rsNon, {
      nik,
      admittedAt: recent,
      condition: 'Perdarahan hebat',
      onwardFacilityCode: 'RS-SWASTA-02',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ onTime: true, facilityCode: 'RS-NONPKS-04', onwardFacilityCode: 'RS-SWASTA-02' });
    // Taken, but marked: FAC-4 concerns members.
    expect(ok.json().coverage).toMatchObject({ eligible: false, basis: null });
    expect(ok.json().coverage.reasons.map((r: { code: string }) => r.code)).toContain('NOT_FOUND');
    const old = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const late = await post('/api/v1/facilities/emergency-reports', rsNon, {
      nik,
      admittedAt: old,
      condition: 'Sesak napas berat',
      onwardFacilityCode: null,
    });
    expect(late.json().onTime).toBe(false);
    const list = (await get('/api/v1/facilities/emergency-reports', office)).json().rows;
    expect(list).toHaveLength(2);
    const notes = (
      await t.sys.db.query<{ title: string }>(
        `SELECT title FROM notification WHERE role = 'sjp' AND kind = 'facility.emergency_report' ORDER BY id`,
      )
    ).rows;
    expect(notes.map((n) => n.title)).toEqual([
      'Laporan gawat darurat dari fasilitas non-PKS — pasien bukan peserta',
      'Laporan gawat darurat dari fasilitas non-PKS (terlambat) — pasien bukan peserta',
    ]);
  });

  it('refuses onward referral to a non-partner and a report from a partner', async () => {
    const r = await post('/api/v1/facilities/emergency-reports', rsNon, {
      nik,
      admittedAt: new Date().toISOString(),
      condition: 'Trauma kepala',
      onwardFacilityCode: 'RS-NONPKS-04',
    });
    expect(r.statusCode).toBe(400);
    const p = await post('/api/v1/facilities/emergency-reports', rsSwasta, {
      nik,
      admittedAt: new Date().toISOString(),
      condition: 'Trauma kepala',
      onwardFacilityCode: null,
    });
    expect(p.json().error.code).toBe('FACILITY_IS_PARTNER');
    const bad = await post('/api/v1/facilities/emergency-reports', rsNon, {
      nik: '123',
      admittedAt: 'kemarin',
      condition: '',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('a facility sees only its own emergency reports', async () => {
    expect((await get('/api/v1/facilities/emergency-reports/mine', rsNon)).json().rows).toHaveLength(2);
    expect((await get('/api/v1/facilities/emergency-reports/mine', pkm)).json().rows).toHaveLength(0);
  });

  it("records the member's coverage on the admission date, through an audited eligibility check", async () => {
    const fam = family('3275010101990001', 'GAWAT');
    await importFile(t, 'population', 'p.csv', csvOf(POP_HEADER, fam.map(popLine)), addDays(today, -30));
    const member = fam[0]!.nik;
    const admittedAt = new Date(Date.now() - 2 * 3600_000).toISOString();
    const r = await post('/api/v1/facilities/emergency-reports', rsNon, {
      nik: member,
      admittedAt,
      condition: 'Nyeri dada akut',
      onwardFacilityCode: 'RS-SWASTA-02',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().coverage).toMatchObject({ eligible: true, basis: 'RESIDENT' });
    const listed = (await get('/api/v1/facilities/emergency-reports', office))
      .json()
      .rows.find((x: { id: number }) => x.id === r.json().id);
    expect(listed.coverage).toMatchObject({ eligible: true, basis: 'RESIDENT' });
    const checks = await t.sys.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'eligibility.check' AND entity_id = $1`,
      [member],
    );
    expect(checks.rows[0]!.n).toBe(1);
    const note = await t.sys.db.query<{ title: string }>(
      `SELECT title FROM notification WHERE kind = 'facility.emergency_report' AND entity_id = $1`,
      [String(r.json().id)],
    );
    expect(note.rows.map((n) => n.title)).toEqual(['Laporan gawat darurat dari fasilitas non-PKS']);
  });
});
