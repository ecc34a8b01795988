import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, createWorkingCalendar, todayJakarta } from '../../src/platform/calendar/index.js';
import { dueAt } from '../../src/modules/guarantees/rules/deadline.js';
import { JKN_HEADER, POP_HEADER, csv, family, nikFor, popLine } from '../helpers/fixtures.js';
import { importFile, multipartRequest, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';
import { createTestAgreement } from '../helpers/factories.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const RS = 'RS-SJP-01';
const RS2 = 'RS-SJP-02';
const RS_NO_PKS = 'RS-SJP-03';

let t: TestEnv;
let rs: string;
let rs2: string;
let rsNoPks: string;
let officer: string;
const today = todayJakarta();
const famA = family('3275010101400001', 'SJPA');
const famB = family('3275010101400002', 'SJPB');
const famC = family('3275010101400003', 'SJPC');
const pbi = {
  nik: nikFor('1975-05-05', 'L'),
  noKk: '3275010101400004',
  name: 'PAK PBI',
  sex: 'L' as const,
  birthDate: '1975-05-05',
  relation: 'KEPALA KELUARGA',
};
/** An admission `hoursAgo` hours before now, as ISO text with a zone. */
const ago = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();

const inject = (auth: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: auth }, payload });

/** POST /api/v1/sjp for `nik`: an inpatient stay admitted an hour ago for A09 unless `fields` say otherwise. */
const requestSjp = (auth: string, nik: string, fields: object = {}) =>
  inject(auth, 'POST', '/api/v1/sjp', {
    nik,
    careType: 'INPATIENT',
    admittedAt: ago(1),
    diagnosisCode: 'A09',
    ...fields,
  });

async function upload(auth: string, name = 'dok.pdf', content = PDF): Promise<number> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    ...multipartRequest({}, { name, content, type: 'application/pdf' }, auth),
  });
  expect(r.statusCode).toBe(201);
  return r.json().id;
}

async function docsFor(auth: string, reqs: string[]) {
  const out = [];
  for (const requirement of reqs) out.push({ requirement, documentId: await upload(auth, `${requirement}.pdf`) });
  return out;
}

async function count(table: string): Promise<number> {
  const r = await t.sys.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(r.rows[0]!.n);
}

beforeAll(async () => {
  t = await testEnv();
  rs = (await tokenFor(t.sys, 'rumahsakit', RS)).authorization;
  rs2 = (await tokenFor(t.sys, 'rumahsakit', RS2)).authorization;
  rsNoPks = (await tokenFor(t.sys, 'rumahsakit', RS_NO_PKS)).authorization;
  officer = (await tokenFor(t.sys, 'sjp')).authorization;
  for (const [code, n] of [
    [RS, 1],
    [RS2, 2],
  ] as const) {
    await createTestAgreement(t.sys, code, {
      number: `PKS/SJP/${n}`,
      validFrom: addDays(today, -400),
      validTo: addDays(today, 400),
      services: ['RAWAT_JALAN', 'RAWAT_INAP', 'GAWAT_DARURAT', 'PERSALINAN'],
    });
  }
  const asOf = addDays(today, -30);
  await importFile(t, 'population', 'p.csv', csv(POP_HEADER, [...famA, ...famB, ...famC, pbi].map(popLine)), asOf);
  await importFile(
    t,
    'jkn',
    'j.csv',
    csv(JKN_HEADER, [`${pbi.nik},0009999999998,PAK PBI,PBI_APBN,3,AKTIF,2019-01-01,,`]),
    asOf,
  );
});
afterAll(async () => {
  await t?.close();
});

describe('inpatient SJP from the hospital desk to the letter', () => {
  let id: number;
  let code: string;

  it('files and submits with documents; the deadline is 72 working hours after admission', async () => {
    const admittedAt = ago(3);
    const r = await requestSjp(rs, famA[0]!.nik, {
      admittedAt,
      diagnosisCode: 'a09',
      diagnosisText: 'Diare dan gastroenteritis',
      documents: await docsFor(rs, ['KARTU', 'KTP', 'BUKTI_RAWAT_INAP']),
      submit: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    const s = r.json();
    id = s.id;
    code = s.trackingCode;
    expect(s).toMatchObject({
      status: 'SUBMITTED',
      careType: 'INPATIENT',
      diagnosisCode: 'A09',
      basis: 'CARD',
      careClass: 'III',
      facilityCode: RS,
      lateHours: 0,
      origin: 'FACILITY',
    });
    const cal = await t.sys.calendar.calendar();
    expect(s.dueAt).toBe(dueAt('INPATIENT', new Date(admittedAt), cal).toISOString());
    expect(s.checklist.filter((c: { present: boolean }) => !c.present).map((c: { code: string }) => c.code)).toEqual([
      'KK',
    ]);
    const notes = (await inject(officer, 'GET', '/api/v1/notifications')).json();
    expect(JSON.stringify(notes)).toContain('sjp.submitted');
  });

  it('the officer asks for the missing KK; the hospital is told, uploads it and resubmits', async () => {
    const ask = await inject(officer, 'POST', `/api/v1/sjp/${id}/request-completion`, {
      missing: ['KK'],
      note: 'KK belum dilampirkan',
    });
    expect(ask.statusCode, ask.body).toBe(200);
    expect(ask.json()).toMatchObject({ status: 'NEEDS_COMPLETION', missing: ['KK'] });
    expect(JSON.stringify((await inject(rs, 'GET', '/api/v1/notifications')).json())).toContain('sjp.completion_asked');
    expect(JSON.stringify((await inject(rs2, 'GET', '/api/v1/notifications')).json())).not.toContain(
      'sjp.completion_asked',
    );
    // Approving now is not allowed: the request waits for the hospital.
    expect((await inject(officer, 'POST', `/api/v1/sjp/${id}/approve`, {})).statusCode).toBe(409);
    const att = await inject(rs, 'POST', `/api/v1/sjp/${id}/documents`, { documents: await docsFor(rs, ['KK']) });
    expect(att.statusCode, att.body).toBe(200);
    expect(att.json().checklist.every((c: { present: boolean }) => c.present)).toBe(true);
    const sub = await inject(rs, 'POST', `/api/v1/sjp/${id}/submit`);
    expect(sub.json()).toMatchObject({ status: 'SUBMITTED', missing: [] });
  });

  it('the officer approves: a yearly number, validity, a PDF letter and a public tracking page without personal data', async () => {
    const r = await inject(officer, 'POST', `/api/v1/sjp/${id}/approve`, {});
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s.number).toMatch(new RegExp(`^\\d{5}/SJP/DINKES/${today.slice(0, 4)}$`));
    expect(s.validFrom).toBe(s.admissionDate);
    expect(s.validTo >= s.validFrom).toBe(true);
    expect(s.events.map((e: { status: string }) => e.status)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'NEEDS_COMPLETION',
      'SUBMITTED',
      'APPROVED',
    ]);
    const pdf = await inject(rs, 'GET', `/api/v1/sjp/${id}/letter.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const track = await t.app.inject({ method: 'GET', url: `/api/v1/public/sjp/${code.slice(0, 4)}-${code.slice(4)}` });
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ status: 'APPROVED', number: s.number, facilityName: s.facilityName });
    expect(track.body).not.toContain(famA[0]!.nik);
    expect(track.body).not.toContain(famA[0]!.name);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/sjp/ZZZZZZZZZZZZ' })).statusCode).toBe(404);
    expect(JSON.stringify((await inject(rs, 'GET', '/api/v1/notifications')).json())).toContain('sjp.approved');
  });

  it('a second approval gets the next number', async () => {
    const r = await requestSjp(rs, famA[1]!.nik, {
      careType: 'OUTPATIENT',
      admittedAt: new Date(Date.now() + 86_400_000).toISOString(),
      diagnosisCode: 'J06.9',
      submit: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    const first = (await inject(officer, 'GET', `/api/v1/sjp/${id}`)).json().number as string;
    const s = (
      await inject(officer, 'POST', `/api/v1/sjp/${r.json().id}/approve`, { validTo: addDays(today, 10) })
    ).json();
    expect(Number(s.number.slice(0, 5))).toBe(Number(first.slice(0, 5)) + 1);
    expect(s.validTo).toBe(addDays(today, 10));
  });
});

describe('a hospital never sees another hospital’s requests or documents', () => {
  let id: number;
  beforeAll(async () => {
    const r = await requestSjp(rs, famB[0]!.nik, {
      careType: 'EMERGENCY',
      diagnosisCode: 'S06.0',
      documents: await docsFor(rs, ['KARTU']),
    });
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().id;
  });

  it('every endpoint answers 404 (or leaves it out) for the other hospital', async () => {
    for (const [method, url, body] of [
      ['GET', `/api/v1/sjp/${id}`],
      ['GET', `/api/v1/sjp/${id}/letter.pdf`],
      ['POST', `/api/v1/sjp/${id}/submit`],
      ['POST', `/api/v1/sjp/${id}/cancel`, { reason: 'salah pasien' }],
      ['POST', `/api/v1/sjp/${id}/documents`, { documents: [{ requirement: 'KK', documentId: await upload(rs2) }] }],
    ] as const) {
      const r = await inject(rs2, method, url, body);
      expect(r.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = (await inject(rs2, 'GET', '/api/v1/sjp?pageSize=200')).json();
    expect(list.items.map((i: { id: number }) => i.id)).not.toContain(id);
    expect(list.items.every((i: { facilityCode: string }) => i.facilityCode === RS2)).toBe(true);
    const queue = (await inject(rs2, 'GET', '/api/v1/sjp/queue')).json();
    expect(JSON.stringify(queue)).not.toContain(famB[0]!.nik);
    const own = (await inject(rs, 'GET', `/api/v1/sjp/${id}`)).json();
    const docId = own.documents[0].documentId;
    expect((await inject(rs2, 'GET', `/api/v1/documents/${docId}`)).statusCode).toBe(404);
    // Still a draft with one document: nothing the other hospital tried changed it.
    expect(own).toMatchObject({ status: 'DRAFT' });
    expect(own.documents).toHaveLength(1);
  });

  it('cannot attach another hospital’s document, nor file for another hospital', async () => {
    const foreign = await upload(rs2);
    const r = await inject(rs, 'POST', `/api/v1/sjp/${id}/documents`, {
      documents: [{ requirement: 'KK', documentId: foreign }],
    });
    expect(r.statusCode).toBe(403);
    const other = await requestSjp(rs2, famB[1]!.nik, {
      careType: 'EMERGENCY',
      diagnosisCode: 'S06.0',
      facilityCode: RS,
    });
    expect(other.statusCode).toBe(403);
  });

  it('the office sees every hospital’s request and files for a hospital', async () => {
    expect((await inject(officer, 'GET', `/api/v1/sjp/${id}`)).statusCode).toBe(200);
    const r = await requestSjp(officer, famB[1]!.nik, {
      admittedAt: ago(2),
      diagnosisCode: 'J18.9',
      facilityCode: RS2,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ origin: 'OFFICE', facilityCode: RS2 });
    expect(
      (await requestSjp(officer, famB[2]!.nik, { admittedAt: ago(2), diagnosisCode: 'J18.9' })).json().error.code,
    ).toBe('SJP_FACILITY_REQUIRED');
  });
});

describe('bad input is refused clearly and nothing is half-written', () => {
  it('an executable renamed .pdf is refused at upload', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      ...multipartRequest({}, { name: 'ktp.pdf', content: EXE, type: 'application/pdf' }, rs),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('DOCUMENT_TYPE');
  });

  it('refuses a non-member and an unknown NIK', async () => {
    const before = await count('sjp_request');
    const r = await requestSjp(rs, pbi.nik);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('SJP_NOT_MEMBER');
    expect(r.json().error.message).toMatch(/bukan peserta Jamkesda/);
    const unknown = await requestSjp(rs, nikFor('1970-01-01', 'L'));
    expect(unknown.json().error.code).toBe('SJP_NOT_MEMBER');
    expect(await count('sjp_request')).toBe(before);
  });

  it('refuses a hospital without an agreement, except for an emergency', async () => {
    const r = await requestSjp(rsNoPks, famC[0]!.nik);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('SJP_NO_AGREEMENT');
    const em = await requestSjp(rsNoPks, famC[0]!.nik, { careType: 'EMERGENCY', diagnosisCode: 'I21.9' });
    expect(em.statusCode, em.body).toBe(201);
  });

  it('a double submission of the same care is a 409 and writes nothing', async () => {
    const body = {
      nik: famC[1]!.nik,
      careType: 'INPATIENT',
      admittedAt: ago(1),
      diagnosisCode: 'A09',
      documents: await docsFor(rs, ['KTP']),
      submit: true,
    };
    expect((await inject(rs, 'POST', '/api/v1/sjp', body)).statusCode).toBe(201);
    const [requests, docs, events] = [
      await count('sjp_request'),
      await count('sjp_document'),
      await count('sjp_event'),
    ];
    const again = await inject(rs, 'POST', '/api/v1/sjp', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SJP_DUPLICATE');
    expect([await count('sjp_request'), await count('sjp_document'), await count('sjp_event')]).toEqual([
      requests,
      docs,
      events,
    ]);
  });

  it('two simultaneous submissions of the same care: exactly one is accepted', async () => {
    const body = {
      nik: famB[0]!.nik,
      careType: 'OUTPATIENT',
      admittedAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      diagnosisCode: 'K29.7',
      submit: true,
    };
    const codes = (
      await Promise.all([inject(rs, 'POST', '/api/v1/sjp', body), inject(rs, 'POST', '/api/v1/sjp', body)])
    )
      .map((r) => r.statusCode)
      .sort();
    expect(codes).toEqual([201, 409]);
  });

  it('refuses a diagnosis that is not an ICD-10 code and an admission without a time zone', async () => {
    const a = await requestSjp(rs, famC[2]!.nik, { diagnosisCode: 'diare' });
    expect(a.json().error.code).toBe('SJP_DIAGNOSIS');
    const b = await requestSjp(rs, famC[2]!.nik, { admittedAt: '2026-01-01T10:00:00' });
    expect(b.json().error.code).toBe('SJP_ADMITTED_AT');
  });

  it('rejects with a coded reason; "other" needs a note', async () => {
    const r = await requestSjp(rs, famC[2]!.nik, { submit: true });
    const id = r.json().id;
    expect((await inject(officer, 'POST', `/api/v1/sjp/${id}/reject`, { code: 'OTHER' })).json().error.code).toBe(
      'SJP_REJECT_NOTE',
    );
    expect((await inject(officer, 'POST', `/api/v1/sjp/${id}/reject`, { code: 'NOPE' })).statusCode).toBe(400);
    const ok = await inject(officer, 'POST', `/api/v1/sjp/${id}/reject`, {
      code: 'NOT_COVERED',
      note: 'Tindakan kosmetik',
    });
    expect(ok.json()).toMatchObject({
      status: 'REJECTED',
      rejectCode: 'NOT_COVERED',
      rejectLabel: 'Pelayanan tidak dijamin program',
    });
    expect(JSON.stringify((await inject(rs, 'GET', '/api/v1/notifications')).json())).toContain('sjp.rejected');
  });
});

describe('late requests (SJP-1)', () => {
  const lateAdmission = () => new Date(Date.now() - 12 * 86_400_000).toISOString();

  it('accepts a late request by default and records the working hours late; the officer queue shows it and reminds once', async () => {
    const r = await requestSjp(rs2, famC[0]!.nik, { admittedAt: lateAdmission(), submit: true });
    expect(r.statusCode, r.body).toBe(201);
    const s = r.json();
    const cal = createWorkingCalendar();
    expect(s.lateHours).toBeGreaterThan(0);
    expect(s.lateHours).toBeLessThanOrEqual(cal.workingHoursBetween(new Date(s.dueAt), new Date()) + 0.01);
    const draft = await requestSjp(rs2, famC[1]!.nik, { admittedAt: lateAdmission() });
    const q = (await inject(officer, 'GET', '/api/v1/sjp/queue')).json();
    expect(q.late.map((i: { id: number }) => i.id)).toEqual(expect.arrayContaining([s.id, draft.json().id]));
    expect(q.toDecide.map((i: { id: number }) => i.id)).toContain(s.id);
    await inject(officer, 'GET', '/api/v1/sjp/queue');
    const notes = (await inject(officer, 'GET', '/api/v1/notifications?limit=200')).json();
    const lateNotes = JSON.stringify(notes).split(`"sjp.late"`).length - 1;
    expect(lateNotes).toBeGreaterThanOrEqual(1);
    const r2 = await t.sys.db.query<{ n: string }>(`SELECT count(*) AS n FROM notification WHERE dedupe_key = $1`, [
      `sjp:${draft.json().id}:late`,
    ]);
    expect(Number(r2.rows[0]!.n)).toBe(1);
  });

  it('refuses a late submission when the program setting says so, and nothing is written', async () => {
    await t.sys.db.query(
      `INSERT INTO sjp_setting (effective_from, late_policy, note) VALUES ($1, 'REFUSE', 'Uji kebijakan tolak')`,
      [addDays(today, -1)],
    );
    try {
      const before = await count('sjp_request');
      const r = await requestSjp(rs, famB[2]!.nik, { admittedAt: lateAdmission(), submit: true });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe('SJP_LATE');
      expect(r.json().error.message).toMatch(/terlambat .* jam kerja/);
      expect(await count('sjp_request')).toBe(before);
      const onTime = await requestSjp(rs, famB[2]!.nik, { submit: true });
      expect(onTime.statusCode, onTime.body).toBe(201);
    } finally {
      await t.sys.db.query(`DELETE FROM sjp_setting WHERE note = 'Uji kebijakan tolak'`);
    }
  });

  it('a future late-policy change is scheduled by the admin only from tomorrow', async () => {
    const admin = (await tokenFor(t.sys, 'admin')).authorization;
    expect(
      (
        await inject(admin, 'POST', '/api/v1/sjp/settings', {
          effectiveFrom: today,
          latePolicy: 'REFUSE',
          note: 'Perwal 27A',
        })
      ).statusCode,
    ).toBe(400);
    const ok = await inject(admin, 'POST', '/api/v1/sjp/settings', {
      effectiveFrom: addDays(today, 5),
      latePolicy: 'REFUSE',
      note: 'Perwal 27A',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const list = (await inject(officer, 'GET', '/api/v1/sjp/settings')).json();
    expect(list.current.policy).toBe('ACCEPT');
    expect(list.items.map((s: { latePolicy: string }) => s.latePolicy)).toContain('REFUSE');
  });
});

describe('newborn SJP (SJP-4)', () => {
  it('the hospital requests it with the birth statement; the birth is recorded and the baby gets its own SJP', async () => {
    const admittedAt = ago(2);
    const birthDate = todayJakarta(new Date(admittedAt));
    const skl = await upload(rs, 'skl.pdf');
    const births = await count('birth_record');
    const newborn = {
      childName: 'BAYI NY SITI SJPA',
      sex: 'P',
      birthDate,
      motherNik: famA[1]!.nik,
      documentKind: 'SURAT_KETERANGAN_LAHIR',
      documentNumber: 'SKL/SJP/001',
      documentId: skl,
    };
    const r = await inject(rs, 'POST', '/api/v1/sjp', {
      careType: 'NEWBORN',
      admittedAt,
      diagnosisCode: 'Z38.0',
      documents: await docsFor(rs, ['KARTU', 'KK']),
      submit: true,
      newborn,
    });
    expect(r.statusCode, r.body).toBe(201);
    const s = r.json();
    expect(s).toMatchObject({ careType: 'NEWBORN', status: 'SUBMITTED', patientName: 'BAYI NY SITI SJPA', nik: null });
    expect(s.birthId).toBeGreaterThan(0);
    expect(s.checklist.every((c: { present: boolean }) => c.present)).toBe(true);
    expect(await count('birth_record')).toBe(births + 1);
    const birth = await inject(rs, 'GET', `/api/v1/births/${s.birthId}`);
    expect(birth.json()).toMatchObject({ childName: 'BAYI NY SITI SJPA', facilityCode: RS });
    expect(birth.json().coverage.eligible).toBe(true);
    // The same birth statement again is a duplicate.
    const again = await inject(rs, 'POST', '/api/v1/sjp', {
      careType: 'NEWBORN',
      admittedAt,
      diagnosisCode: 'Z38.0',
      newborn,
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a newborn SJP when the mother is not a member, before recording anything', async () => {
    const births = await count('birth_record');
    const r = await inject(rs, 'POST', '/api/v1/sjp', {
      careType: 'NEWBORN',
      admittedAt: ago(2),
      diagnosisCode: 'Z38.0',
      newborn: {
        childName: 'BAYI PBI',
        sex: 'L',
        birthDate: todayJakarta(new Date(ago(2))),
        motherNik: pbi.nik,
        documentKind: 'SURAT_KETERANGAN_LAHIR',
        documentNumber: 'SKL/SJP/002',
        documentId: await upload(rs),
      },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('SJP_NOT_MEMBER');
    expect(await count('birth_record')).toBe(births);
  });
});

describe('public tracking is rate-limited', () => {
  it('answers 429 after 30 look-ups a minute from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 32; i++)
      codes.push((await t.app.inject({ method: 'GET', url: '/api/v1/public/sjp/ZZZZZZZZZZZZ' })).statusCode);
    expect(codes).toContain(404);
    expect(codes.at(-1)).toBe(429);
  });
});
