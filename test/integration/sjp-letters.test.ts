/**
 * Issue 10, letters: the region's name from the letterhead setting in every
 * letter, the signer's full name and NIP from the user profile, PUBLIC_URL
 * required in production, and the back-referral letter. Also the SJP detail a
 * desk reads: remaining time in words, coverage on the admission date, the
 * diagnosis name, a replaced document, and a duplicate that names the open
 * request. The PDF text is read back with pdftotext (poppler), as a reader would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { addDays, todayJakarta } from '../../src/platform/calendar/index.js';
import { POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { describeAccessMatrix } from '../helpers/matrix.js';
import { importFile, multipartRequest, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';
import { createTestAgreement, createTestSjp } from '../helpers/factories.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const RS = 'RS-LTR-01';
const NIP = '198703152010012003';
let t: TestEnv;
let rs: string;
let rsUser: string;
let officer: string;
let officerUser: string;
let admin: string;
const today = todayJakarta();
const fam = family('3275010101500001', 'SURAT');

const inject = (auth: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: auth }, payload });
const ago = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
/** Every one of `parts` is in the letter's text (each checked on its own, so a failure names the missing part). */
const expectText = (text: string, parts: string[]) => parts.forEach((part) => expect(text).toContain(part));

/** A signer's profile (full name, NIP, position), set by the administrator as on the users page. */
async function setProfile(username: string, profile: { fullName?: string; nip?: string | null; position?: string }) {
  const found = (await inject(admin, 'GET', `/api/v1/users/search?q=${encodeURIComponent(username)}`)).json().users as {
    id: number;
    username: string;
  }[];
  const r = await inject(admin, 'PATCH', `/api/v1/users/${found.find((u) => u.username === username)!.id}`, profile);
  expect(r.statusCode, r.body).toBe(200);
}

/** The text of a PDF as printed (pdftotext keeps the reading order). */
function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes })
    .toString('utf8')
    .replace(/[ \t]+/g, ' ');
}

async function upload(auth: string, name: string): Promise<number> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    ...multipartRequest({}, { name, content: PDF, type: 'application/pdf' }, auth),
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

const approvedSjp = (nik: string, hoursAgo: number) => createTestSjp(t, { hospital: rs, officer, nik, hoursAgo });

beforeAll(async () => {
  t = await testEnv();
  ({ authorization: rs, username: rsUser } = await tokenFor(t.sys, 'rumahsakit', RS));
  ({ authorization: officer, username: officerUser } = await tokenFor(t.sys, 'sjp'));
  admin = (await tokenFor(t.sys, 'admin')).authorization;
  await createTestAgreement(t.sys, RS, {
    number: 'PKS/LTR/1',
    validFrom: addDays(today, -400),
    validTo: addDays(today, 400),
    services: ['RAWAT_JALAN', 'RAWAT_INAP'],
  });
  await importFile(t, 'population', 'p.csv', csv(POP_HEADER, fam.map(popLine)), addDays(today, -30));
});
afterAll(async () => {
  await t?.close();
});

describeAccessMatrix('letterhead setting: role × endpoint', [
  {
    method: 'GET',
    url: '/api/v1/settings/letterhead',
    allowed: ['admin', 'kepesertaan', 'sjp', 'pimpinan', 'auditor'],
  },
  {
    method: 'PUT',
    url: '/api/v1/settings/letterhead',
    body: { regionKind: 'KOTA', regionName: 'Bekasi' },
    allowed: ['admin'],
  },
]);

describe('PUBLIC_URL in production', () => {
  it('refuses to boot without it, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', COOKIE_SECRET: 'k'.repeat(32) })).toThrow(
      /PUBLIC_URL: wajib diisi bila NODE_ENV=production/,
    );
  });
  it('boots with it, and QR codes use it', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      COOKIE_SECRET: 'k'.repeat(32),
      PUBLIC_URL: 'https://jamkesda.bekasikota.go.id/',
    });
    expect(c.publicUrl).toBe('https://jamkesda.bekasikota.go.id');
  });
  it('the server command itself stops before listening and says why', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-prod-'));
    try {
      const bin = path.resolve(import.meta.dirname, '../../bin/jamkesda.js');
      const env = {
        ...process.env,
        NODE_ENV: 'production',
        PUBLIC_URL: '',
        DATA_DIR: dataDir,
        PORT: '0',
        DATABASE_URL: '',
        JAMKESDA_NO_RESPAWN: '1',
      };
      delete (env as Record<string, string | undefined>).PUBLIC_URL;
      const r = spawnSync(process.execPath, [bin, 'serve'], { env, encoding: 'utf8', timeout: 120_000 });
      expect(r.status).not.toBe(0);
      expect(r.signal).toBeNull();
      expect(`${r.stderr}${r.stdout}`).toContain('PUBLIC_URL: wajib diisi bila NODE_ENV=production');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
  it('development keeps the localhost default', () => {
    expect(loadConfig({ NODE_ENV: 'development', PORT: '3999' }).publicUrl).toBe('http://localhost:3999');
  });
});

describe('the letterhead setting', () => {
  it('refuses an empty region name with a message in Indonesian', async () => {
    const r = await inject(admin, 'PUT', '/api/v1/settings/letterhead', { regionKind: 'KOTA', regionName: ' ' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Nama kota/kabupaten wajib diisi');
  });

  it('before it is set, letters name the region of the population data (here Kota Bekasi, area 3275)', async () => {
    const id = await approvedSjp(fam[0]!.nik, 2);
    const text = pdfText((await inject(rs, 'GET', `/api/v1/sjp/${id}/letter.pdf`)).rawPayload);
    expect(text).toContain('PEMERINTAH KOTA BEKASI');
    expect(text).toContain('Dinas Kesehatan Kota Bekasi menjamin');
  });

  it('is saved by the administrator, audited, and printed on the SJP letter', async () => {
    const save = await inject(admin, 'PUT', '/api/v1/settings/letterhead', {
      regionKind: 'KABUPATEN',
      regionName: 'kabupaten Bekasi',
      healthOfficeAddress: 'Jl. Jend. Ahmad Yani No. 1, Bekasi Selatan',
    });
    expect(save.statusCode, save.body).toBe(200);
    expect(save.json().setting).toMatchObject({ regionKind: 'KABUPATEN', regionName: 'Bekasi' });
    expect(save.json().preview.HEALTH).toMatchObject({
      government: 'PEMERINTAH KABUPATEN BEKASI',
      region: 'Kabupaten Bekasi',
    });
    const audit = await t.sys.db.query(`SELECT 1 FROM audit_log WHERE action = 'settings.letterhead.save'`);
    expect(audit.rows.length).toBe(1);

    // The saving process drops its cache at once; other processes within 10 s.
    const id = await approvedSjp(fam[0]!.nik, 3);
    const pdf = await inject(rs, 'GET', `/api/v1/sjp/${id}/letter.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expectText(text, [
      'PEMERINTAH KABUPATEN BEKASI',
      'Dinas Kesehatan Kabupaten Bekasi menjamin',
      'Jl. Jend. Ahmad Yani No. 1',
    ]);
    expect(text).toMatch(/Bekasi, \d{1,2} \w+ \d{4}/);
  });

  it("the Dinas Sosial letter takes the same region, its own office and address, and the issuer's NIP", async () => {
    await inject(admin, 'PUT', '/api/v1/settings/letterhead', {
      regionKind: 'KABUPATEN',
      regionName: 'Bekasi',
      healthOfficeAddress: 'Jl. Jend. Ahmad Yani No. 1, Bekasi Selatan',
      socialOfficeAddress: 'Jl. Veteran No. 7, Bekasi',
    });
    const { authorization: dinsos, username } = await tokenFor(t.sys, 'dinsos');
    await setProfile(username, { fullName: 'Sri Wahyuni, S.Sos', nip: '198202022006042011' });
    const l = await inject(dinsos, 'POST', '/api/v1/recommendations', {
      nik: fam[1]!.nik,
      category: 'TIDAK_MAMPU',
      reason: 'Hasil asesmen pekerja sosial: tidak mampu.',
    });
    expect(l.statusCode, l.body).toBe(201);
    const pdf = await inject(dinsos, 'GET', `/api/v1/recommendations/${l.json().id}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expectText(text, [
      'PEMERINTAH KABUPATEN BEKASI',
      'DINAS SOSIAL',
      'Jl. Veteran No. 7, Bekasi',
      'Kepala Dinas Sosial Kabupaten Bekasi',
      'Sri Wahyuni, S.Sos',
      'NIP. 198202022006042011',
    ]);
  });
});

describe('the signer', () => {
  it('an officer without a profile signs with the login name and the NIP line says it is not filled in', async () => {
    const id = await approvedSjp(fam[1]!.nik, 4);
    const text = pdfText((await inject(rs, 'GET', `/api/v1/sjp/${id}/letter.pdf`)).rawPayload);
    expect(text).toContain(officerUser);
    expect(text).toContain('NIP. (belum diisi pada profil pengguna)');
  });

  it("the SJP letter prints the deciding officer's full name, NIP and position from the profile, not the username", async () => {
    await setProfile(officerUser, {
      fullName: 'dr. Ratna Sari Dewi',
      nip: NIP,
      position: 'Kepala Seksi Jaminan Kesehatan',
    });
    const id = await approvedSjp(fam[2]!.nik, 5);
    const detail = (await inject(rs, 'GET', `/api/v1/sjp/${id}`)).json();
    expect(detail.decidedBy).toBe('dr. Ratna Sari Dewi');
    const text = pdfText((await inject(rs, 'GET', `/api/v1/sjp/${id}/letter.pdf`)).rawPayload);
    expectText(text, ['dr. Ratna Sari Dewi', `NIP. ${NIP}`, 'Kepala Seksi Jaminan Kesehatan']);
    expect(text).not.toContain(officerUser);
  });
});

describe('the back-referral letter (rujukan balik)', () => {
  let refId: number;

  it('is not there before the hospital sends the patient back', async () => {
    const r = await inject(rs, 'POST', '/api/v1/referrals/emergency-admissions', {
      nik: fam[2]!.nik,
      diagnosisCode: 'A09',
    });
    expect(r.statusCode, r.body).toBe(201);
    refId = r.json().id;
    const pdf = await inject(rs, 'GET', `/api/v1/referrals/${refId}/back-referral.pdf`);
    expect(pdf.statusCode).toBe(409);
    expect(pdf.json().error.code).toBe('BACK_REFERRAL_NONE');
  });

  it("prints the condition, the follow-up and the hospital officer who recorded it, under the region's letterhead", async () => {
    await setProfile(rsUser, { fullName: 'Ns. Budi Santoso', nip: '199001012015031004' });
    const back = await inject(rs, 'POST', `/api/v1/referrals/${refId}/back-referral`, {
      condition: 'Stabil, diare berhenti',
      followUp: 'Kontrol cairan dan gizi di puskesmas tiap minggu',
    });
    expect(back.statusCode, back.body).toBe(200);
    const pdf = await inject(rs, 'GET', `/api/v1/referrals/${refId}/back-referral.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expectText(text, [
      'SURAT RUJUKAN BALIK',
      'PEMERINTAH KABUPATEN BEKASI',
      'Stabil, diare berhenti',
      'Kontrol cairan dan gizi di puskesmas tiap minggu',
      'Ns. Budi Santoso',
      'NIP. 199001012015031004',
    ]);
    // The referral letter of the same record carries the same letterhead.
    expect(pdfText((await inject(rs, 'GET', `/api/v1/referrals/${refId}/pdf`)).rawPayload)).toContain(
      'PEMERINTAH KABUPATEN BEKASI',
    );
  });
});

describe('what the SJP page shows', () => {
  it('remaining time in words, coverage on the admission date, the diagnosis name, and a replaced document marked', async () => {
    const c = await inject(rs, 'POST', '/api/v1/sjp', {
      nik: fam[0]!.nik,
      careType: 'INPATIENT',
      admittedAt: ago(1),
      diagnosisCode: 'A09',
      documents: [{ requirement: 'KK', documentId: await upload(rs, 'kk-buram.pdf') }],
      submit: true,
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id;
    expect(c.json().timeLeft).toMatch(/^(sisa|lewat) (\d+ hari)?( ?\d+ jam)?( ?\d+ menit)? kerja$/);
    expect(c.json().timeLeft).not.toMatch(/,/);
    expect(c.json().eligibility).toMatchObject({ eligible: true, date: c.json().admissionDate });
    expect(c.json().diagnosisTitle).toBeTruthy();

    await inject(officer, 'POST', `/api/v1/sjp/${id}/request-completion`, {
      missing: ['KK'],
      note: 'KK tidak terbaca',
    });
    const asked = (await inject(rs, 'GET', `/api/v1/sjp/${id}`)).json();
    expect(asked.documents).toMatchObject([{ fileName: 'kk-buram.pdf', flagged: true, replacedBy: null }]);
    const fresh = await upload(rs, 'kk-jelas.pdf');
    const after = (
      await inject(rs, 'POST', `/api/v1/sjp/${id}/documents`, { documents: [{ requirement: 'KK', documentId: fresh }] })
    ).json();
    const kk = after.documents.filter((d: { requirement: string }) => d.requirement === 'KK');
    expect(
      kk.map((d: { fileName: string; replacedBy: number | null; flagged: boolean }) => [
        d.fileName,
        d.replacedBy,
        d.flagged,
      ]),
    ).toEqual([
      ['kk-buram.pdf', fresh, true],
      ['kk-jelas.pdf', null, false],
    ]);
  });

  it('a duplicate request names the open one (its id and tracking code) so the form can link to it', async () => {
    const body = {
      nik: fam[1]!.nik,
      careType: 'OUTPATIENT',
      admittedAt: new Date(Date.now() + 86_400_000).toISOString(),
      diagnosisCode: 'A09',
      documents: [],
    };
    const first = await inject(rs, 'POST', '/api/v1/sjp', body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await inject(rs, 'POST', '/api/v1/sjp', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'SJP_DUPLICATE',
      details: { existingId: first.json().id, trackingCode: first.json().trackingCode },
    });
    expect(again.json().error.message).toContain(first.json().trackingCode);
  });
});
