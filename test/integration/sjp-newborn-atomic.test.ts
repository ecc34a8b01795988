/**
 * SJP-4: a newborn's request records the birth (births module) and the request (guarantees) in ONE
 * transaction. When the request is refused after the birth was written — here a duplicate of a
 * request still open for the same baby — nothing of the birth is left, and the desk's retry works.
 * Runs on both engines (PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayJakarta } from '../../src/platform/calendar/index.js';
import { runWithContext } from '../../src/platform/http/context.js';
import { POP_HEADER, csv, family, nikFor, popLine } from '../helpers/fixtures.js';
import { importFile, multipartRequest, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const RS = 'RS-ATOM-01';

let t: TestEnv;
let rs: string;
const today = todayJakarta();
const fam = family('3275010101460001', 'ATOM');
const mother = fam[1]!;

const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: rs }, payload });

async function upload(name: string): Promise<number> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/documents',
    ...multipartRequest({}, { name, content: PDF, type: 'application/pdf' }, rs),
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

async function birthRows(where: string, params: unknown[]): Promise<number> {
  const r = await t.sys.db.query<{ n: string }>(`SELECT count(*) AS n FROM birth_record WHERE ${where}`, params);
  return Number(r.rows[0]!.n);
}

beforeAll(async () => {
  t = await testEnv();
  rs = (await tokenFor(t.sys, 'rumahsakit', RS)).authorization;
  // The hospital's agreement covers deliveries, recorded as the office records one (through the facilities service).
  await runWithContext(
    {
      requestId: 'atomic-setup',
      ip: '127.0.0.1',
      actor: { id: 0, username: 'setup', role: 'admin', facilityCode: null, via: 'system' },
    },
    async () => {
      const scan = await t.sys.documents.save(Readable.from([PDF]), 'pks.pdf');
      await t.sys.facilities.createAgreement(RS, {
        number: 'PKS/ATOM/1',
        validFrom: addDays(today, -100),
        validTo: addDays(today, 100),
        services: ['PERSALINAN', 'RAWAT_INAP'],
        documentId: scan.id,
      });
    },
  );
  await importFile(t, 'population', 'p.csv', csv(POP_HEADER, fam.map(popLine)), addDays(today, -30));
});
afterAll(async () => {
  await t?.close();
});

describe('newborn SJP: the birth and the request commit together (SJP-4)', () => {
  const admittedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
  const birthDate = todayJakarta(new Date(admittedAt));
  const childNik = nikFor(birthDate, 'P');
  const newborn = (documentNumber: string, documentId: number) => ({
    careType: 'NEWBORN',
    admittedAt,
    diagnosisCode: 'Z38.0',
    submit: true,
    newborn: {
      childNik,
      childName: 'BAYI NY SITI ATOM',
      sex: 'P',
      birthDate,
      motherNik: mother.nik,
      documentKind: 'SURAT_KETERANGAN_LAHIR',
      documentNumber,
      documentId,
    },
  });

  it('a request refused after its birth was written leaves no birth behind, and the retry succeeds', async () => {
    // An open request for the baby, whose first birth record is then cancelled (a wrong statement).
    const first = await inject('POST', '/api/v1/sjp', newborn('SKL/ATOM/001', await upload('skl-1.pdf')));
    expect(first.statusCode, first.body).toBe(201);
    const firstId = first.json().id as number;
    const cancelled = await inject('POST', `/api/v1/births/${first.json().birthId}/cancel`, {
      reason: 'Salah nomor surat keterangan lahir',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);

    // The corrected statement: the birth itself is valid (the first record is cancelled), so it is
    // written; then the request collides with the baby's open one and is refused.
    const skl2 = await upload('skl-2.pdf');
    const refused = await inject('POST', '/api/v1/sjp', newborn('SKL/ATOM/002', skl2));
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('SJP_DUPLICATE');
    expect(refused.json().error.details).toMatchObject({ existingId: firstId });
    // Rolled back with the request: no record of the corrected statement, no membership change for it.
    expect(await birthRows('document_number = $1', ['SKL/ATOM/002'])).toBe(0);
    expect(await birthRows('child_nik = $1 AND status = $2', [childNik, 'ACTIVE'])).toBe(0);
    const changes = await t.sys.db.query<{ reason: string }>(
      `SELECT reason FROM membership_change WHERE nik = $1 AND kind = 'BIRTH'`,
      [childNik],
    );
    expect(changes.rows.map((c) => c.reason).join(' ')).not.toContain('SKL/ATOM/002');
    expect(changes.rows).toHaveLength(1);

    // The desk cancels the old request and files again with the same statement: it goes through.
    const cancel = await inject('POST', `/api/v1/sjp/${firstId}/cancel`, { reason: 'Diganti permintaan baru' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const retry = await inject('POST', '/api/v1/sjp', newborn('SKL/ATOM/002', skl2));
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json()).toMatchObject({ careType: 'NEWBORN', status: 'SUBMITTED', nik: childNik });
    const birth = await inject('GET', `/api/v1/births/${retry.json().birthId}`);
    expect(birth.json()).toMatchObject({ documentNumber: 'SKL/ATOM/002', status: 'ACTIVE', childNik });
    expect(await birthRows('document_number = $1', ['SKL/ATOM/002'])).toBe(1);
  });

  it('a birth refused inside the transaction leaves no request either', async () => {
    const before = await t.sys.db.query<{ n: string }>('SELECT count(*) AS n FROM sjp_request');
    // The same statement again: the birth is a duplicate (409 BIRTH_DUPLICATE), so no request is filed.
    const r = await inject('POST', '/api/v1/sjp', {
      ...newborn('SKL/ATOM/002', await upload('skl-3.pdf')),
      admittedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error.code).toBe('BIRTH_DUPLICATE');
    const after = await t.sys.db.query<{ n: string }>('SELECT count(*) AS n FROM sjp_request');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
