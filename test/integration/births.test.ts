import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../src/platform/calendar/index.js';
import { encodeNik } from '../../src/modules/population/rules/nik.js';
import { JKN_HEADER, POP_HEADER, csv, family, nikFor, popLine } from '../helpers/fixtures.js';
import { importFile, multipartRequest, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

let t: TestEnv;
let rs: string;
let otherRs: string;
let office: string;
const today = todayJakarta();
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const fam = family('3275010101300001', 'LAHIR');
const mother = fam[1]!;
const pbiMother = {
  nik: nikFor('1990-02-02', 'P'),
  noKk: '3275010101300002',
  name: 'IBU PBI',
  sex: 'P' as const,
  birthDate: '1990-02-02',
  relation: 'KEPALA KELUARGA',
};
let babySerial = 1;
const babyNik = (birthDate: string, sex: 'L' | 'P' = 'L') =>
  encodeNik({ regionCode: '327501', birthDate, sex, serial: 9000 + babySerial++ });

async function upload(auth: string, name: string, content: Buffer) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    ...multipartRequest({}, { name, content, type: 'application/pdf' }, auth),
  });
}

async function recordBirth(auth: string, over: Record<string, unknown> = {}) {
  const doc = (await upload(auth, 'skl.pdf', PDF)).json();
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/births',
    headers: { authorization: auth },
    payload: {
      childName: 'BAYI NY. SITI',
      sex: 'L',
      birthDate: daysAgo(2),
      motherNik: mother.nik,
      documentKind: 'SURAT_KETERANGAN_LAHIR',
      documentNumber: `SKL/${Math.random().toString(36).slice(2, 8)}`,
      documentId: doc.id,
      ...over,
    },
  });
}

const check = (nik: string, date: string) =>
  t.app
    .inject({ method: 'GET', url: `/api/v1/eligibility?nik=${nik}&date=${date}`, headers: { authorization: rs } })
    .then((r) => r.json());

beforeAll(async () => {
  t = await testEnv({ DOCUMENT_MAX_MB: String(4 / 1024) });
  rs = (await tokenFor(t.sys, 'rumahsakit', 'RS-LAHIR-01')).authorization;
  otherRs = (await tokenFor(t.sys, 'rumahsakit', 'RS-LAIN-02')).authorization;
  office = (await tokenFor(t.sys, 'kepesertaan')).authorization;
  await importFile(t, 'population', 'p.csv', csv(POP_HEADER, [...fam, pbiMother].map(popLine)), daysAgo(30));
  await importFile(
    t,
    'jkn',
    'j.csv',
    csv(JKN_HEADER, [`${pbiMother.nik},0009999999999,IBU PBI,PBI_APBN,3,AKTIF,2019-01-01,,`]),
    daysAgo(30),
  );
});
afterAll(async () => {
  await t?.close();
});

describe('supporting documents', () => {
  it('keeps a PDF by its content hash and refuses an executable renamed .pdf', async () => {
    const ok = await upload(rs, 'skl.pdf', PDF);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ mediaType: 'application/pdf', sizeBytes: PDF.length });
    const exe = await upload(rs, 'surat.pdf', EXE);
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe('DOCUMENT_TYPE');
    const big = await upload(rs, 'besar.pdf', Buffer.concat([PDF, Buffer.alloc(5000, 0x20)]));
    expect(big.statusCode).toBe(413);
  });

  it('serves a document to its facility and the office, never to another facility', async () => {
    const id = (await upload(rs, 'kk.pdf', PDF)).json().id;
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/documents/${id}`, headers: { authorization: rs } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/documents/${id}`, headers: { authorization: office } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/documents/${id}`, headers: { authorization: otherRs } }))
        .statusCode,
    ).toBe(404);
  });
});

describe('birth records and the newborn basis (MEM-3.2)', () => {
  it('a baby NIK is unknown before the birth is recorded, and covered from birth after', async () => {
    const born = daysAgo(3);
    const nik = babyNik(born);
    expect((await check(nik, today)).reasons.map((r: { code: string }) => r.code)).toEqual(['NOT_FOUND']);
    const r = await recordBirth(rs, { childNik: nik, birthDate: born });
    expect(r.statusCode).toBe(201);
    const rec = r.json();
    expect(rec.regNumber).toMatch(/^BY-\d{4}-\d{6}$/);
    expect(rec.noKk).toBe(mother.noKk);
    expect(rec.facilityCode).toBe('RS-LAHIR-01');
    expect(rec.coverage).toMatchObject({ eligible: true, basis: 'NEWBORN' });
    expect(await check(nik, born)).toMatchObject({
      eligible: true,
      basis: 'NEWBORN',
      person: { familyNumber: mother.noKk },
      rule: { code: 'MEM-3.2' },
    });
    expect((await check(nik, daysAgo(4))).reasons.map((x: { code: string }) => x.code)).toContain('NOT_YET_BORN');
  });

  it('a baby without a NIK yet gets its coverage on the record itself', async () => {
    const rec = (await recordBirth(rs)).json();
    expect(rec.childNik).toBeNull();
    expect(rec.coverage).toMatchObject({ eligible: true, basis: 'NEWBORN' });
  });

  it('is not covered when no parent was a member at birth (mother with PBI JKN)', async () => {
    const rec = (await recordBirth(rs, { motherNik: pbiMother.nik })).json();
    expect(rec.coverage.eligible).toBe(false);
    expect(rec.coverage.reasons.map((x: { code: string }) => x.code)).toContain('NEWBORN_PARENT_NOT_MEMBER');
  });

  it('refuses bad input with the field named, a parent outside the registry, and a second record for the same NIK', async () => {
    const future = await recordBirth(rs, { birthDate: daysAgo(-1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.problems[0].field).toBe('birthDate');
    const stranger = await recordBirth(rs, { motherNik: nikFor('1991-01-01', 'P') });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.code).toBe('PARENT_NOT_FOUND');
    const born = daysAgo(5);
    const nik = babyNik(born, 'P');
    expect((await recordBirth(rs, { childNik: nik, birthDate: born, sex: 'P' })).statusCode).toBe(201);
    const again = await recordBirth(office, { childNik: nik, birthDate: born, sex: 'P' });
    expect(again.statusCode).toBe(409);
  });

  it("refuses another facility's document, and hides records from other facilities", async () => {
    const foreignDoc = (await upload(otherRs, 'x.pdf', PDF)).json().id;
    const r = await recordBirth(rs, { documentId: foreignDoc });
    expect(r.statusCode).toBe(403);
    const mine = (await recordBirth(rs)).json();
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/births/${mine.id}`, headers: { authorization: otherRs } }))
        .statusCode,
    ).toBe(404);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/births', headers: { authorization: otherRs } })
    ).json();
    expect(list.items.every((b: { facilityCode: string }) => b.facilityCode === 'RS-LAIN-02')).toBe(true);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/births', headers: { authorization: office } })).json().total,
    ).toBeGreaterThan(list.total);
  });

  it('cancelling the record ends the newborn basis; the timeline keeps both', async () => {
    const born = daysAgo(6);
    const nik = babyNik(born);
    const rec = (await recordBirth(rs, { childNik: nik, birthDate: born })).json();
    const c = await t.app.inject({
      method: 'POST',
      url: `/api/v1/births/${rec.id}/cancel`,
      headers: { authorization: office },
      payload: { reason: 'Salah input NIK ibu' },
    });
    expect(c.statusCode).toBe(200);
    expect(c.json().status).toBe('CANCELLED');
    expect((await check(nik, today)).eligible).toBe(false);
    const tl = (
      await t.app.inject({ method: 'GET', url: `/api/v1/persons/${nik}/timeline`, headers: { authorization: office } })
    ).json();
    expect(tl.events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['BIRTH', 'CORRECTION', 'BIRTH_RECORD']),
    );
    const audit = await t.sys.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'birth_record' AND entity_id = $1`,
      [String(rec.id)],
    );
    expect(audit.rows.map((a) => a.action)).toEqual(expect.arrayContaining(['birth.record', 'birth.cancel']));
  });
});

describe('manual changes and the timeline (MEM-6)', () => {
  const head = fam[0]!;
  it('a recorded death stops coverage from that date; a correction restores it; the timeline shows each step', async () => {
    const died = daysAgo(10);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${head.nik}/changes`,
      headers: { authorization: office },
      payload: { kind: 'DEATH', effectiveDate: died, reason: 'Surat keterangan kematian RS 17/2026' },
    });
    expect(r.statusCode).toBe(201);
    expect((await check(head.nik, daysAgo(11))).eligible).toBe(true);
    expect((await check(head.nik, died)).reasons.map((x: { code: string }) => x.code)).toContain('DECEASED');
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${head.nik}/changes`,
      headers: { authorization: office },
      payload: { kind: 'DEATH', effectiveDate: died, reason: 'Surat lain lagi' },
    });
    expect(twice.statusCode).toBe(422);

    const tl = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/persons/${head.nik}/timeline`,
        headers: { authorization: office },
      })
    ).json();
    const death = tl.events.find((e: { kind: string }) => e.kind === 'DEATH');
    expect(death).toMatchObject({ date: died, source: 'MANUAL' });
    expect(tl.coverage.at(-1)).toMatchObject({ date: died, eligible: false, until: null });
    expect(tl.coverage.at(-2)).toMatchObject({ eligible: true, basis: 'RESIDENT', until: died });
    // Covered from the day the program began (the settings in force from 2018), not from the first snapshot.
    expect(tl.coverage[0]).toMatchObject({ date: head.birthDate, eligible: false, rule: 'SETTINGS' });
    expect(tl.coverage[1]).toMatchObject({ date: '2018-01-01', eligible: true, basis: 'RESIDENT' });
    expect(tl.coverage.at(-1).reason).toMatch(/Meninggal dunia/);

    const undo = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${head.nik}/changes`,
      headers: { authorization: office },
      payload: {
        kind: 'CORRECTION',
        withdraws: 'DEATH',
        effectiveDate: today,
        reason: 'Salah orang, surat kematian milik warga lain',
      },
    });
    expect(undo.statusCode).toBe(201);
    expect((await check(head.nik, today)).eligible).toBe(true);
  });

  it('a facility may not record changes or read timelines', async () => {
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/persons/${head.nik}/timeline`,
          headers: { authorization: rs },
        })
      ).statusCode,
    ).toBe(403);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${head.nik}/changes`,
      headers: { authorization: rs },
      payload: { kind: 'DEATH', effectiveDate: today, reason: 'xxxxxxx' },
    });
    expect(r.statusCode).toBe(403);
  });
});
