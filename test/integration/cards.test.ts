import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../src/platform/calendar/index.js';
import { POP_HEADER, VILLAGE, csv, family, nikFor, popLine, type PersonRow } from '../helpers/fixtures.js';
import { importFile, testEnv, tokenFor, waitForJob, type TestEnv } from '../helpers/system.js';

/**
 * Family cards (MEM-5) through HTTP: issue, refusals, reissue, revoke, bulk
 * issue, the print queue and batches with real PDFs, hand-over, and the
 * public verification that reveals only initials and status.
 */

let t: TestEnv;
let officer: string;
let leader: string;
const today = todayJakarta();
const OTHER_VILLAGE = '3275021001';

type Row = PersonRow & { nik: string };
// F1: head and wife with e-KTP, a child under 17 without (included through the parents), a grown son without (pending).
const f1 = family('3275010101900201', 'SANTOSO') as Row[];
const grownSon: Row = {
  nik: nikFor('2000-05-05', 'L'),
  noKk: '3275010101900201',
  name: 'RIZKY SANTOSO',
  sex: 'L',
  birthDate: '2000-05-05',
  relation: 'ANAK',
  ektp: 'N',
};
// F2: nobody has an e-KTP.
const f2 = (family('3275010101900202', 'TANPAKTP') as Row[]).map((p) => ({ ...p, ektp: 'N' as const }));
// F3..F5: ordinary families of the same village, for bulk issue and printing.
const more = ['3275010101900203', '3275010101900204', '3275010101900205'].flatMap(
  (kk, i) => family(kk, `WARGA${i + 3}`) as Row[],
);
// F6: another village, must not be touched by a bulk issue of VILLAGE.
const f6 = (family('3275020101900206', 'BINTARA') as Row[]).map((p) => ({ ...p, village: OTHER_VILLAGE }));
// F7: everyone has died.
const f7: Row[] = [
  {
    nik: nikFor('1940-01-01', 'L'),
    noKk: '3275010101900207',
    name: 'ALM SUPARMAN',
    sex: 'L',
    birthDate: '1940-01-01',
    relation: 'KEPALA KELUARGA',
    deathDate: '2025-01-01',
  },
];

const api = (method: 'GET' | 'POST', url: string, payload?: object, auth = officer) =>
  t.app.inject({ method, url, payload, headers: { authorization: auth } });

const pages = (bytes: Buffer) => (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

async function auditCount(action: string, entityId?: string) {
  const r = await t.sys.db.query<{ n: number }>(
    `SELECT count(*) AS n FROM audit_log WHERE action = $1 AND ($2::text IS NULL OR entity_id = $2)`,
    [action, entityId ?? null],
  );
  return Number(r.rows[0]!.n);
}

async function cardsOf(noKk: string) {
  const r = await t.sys.db.query<{
    id: number;
    status: string;
    ended_on: string | null;
    verify_code: string;
    replaces_card_id: number | null;
  }>('SELECT id, status, ended_on, verify_code, replaces_card_id FROM family_card WHERE no_kk = $1 ORDER BY id', [
    noKk,
  ]);
  return r.rows.map((c) => ({
    ...c,
    id: Number(c.id),
    replaces_card_id: c.replaces_card_id === null ? null : Number(c.replaces_card_id),
  }));
}

beforeAll(async () => {
  t = await testEnv();
  const people = [...f1, grownSon, ...f2, ...more, ...f6, ...f7];
  await importFile(t, 'population', 'pop.csv', csv(POP_HEADER, people.map(popLine)), '2026-11-01');
  officer = (await tokenFor(t.sys, 'kepesertaan')).authorization;
  leader = (await tokenFor(t.sys, 'pimpinan')).authorization;
});
afterAll(async () => {
  await t?.close();
});

describe('issuing a family card', () => {
  let cardId: number;

  it('lists every member, includes those with e-KTP and children of parents with e-KTP, marks the rest pending', async () => {
    const r = await api('POST', '/api/v1/cards', { noKk: f1[0]!.noKk });
    expect(r.statusCode).toBe(201);
    const card = r.json();
    cardId = card.id;
    expect(card.number).toMatch(/^KS-3275-\d{7}$/);
    expect(card).toMatchObject({
      status: 'ACTIVE',
      issuedOn: today,
      endedOn: null,
      headName: 'BUDI SANTOSO',
      printState: 'BELUM_CETAK',
      memberCount: 4,
      includedCount: 3,
    });
    const byName = Object.fromEntries(card.members.map((m: { name: string }) => [m.name, m]));
    expect(byName['AYU SANTOSO']).toMatchObject({ included: true, pendingReason: null });
    expect(byName['RIZKY SANTOSO']).toMatchObject({ included: false, pendingReason: 'PENDING_EKTP' });
    expect(card.members[0].relation).toBe('KEPALA KELUARGA');
    expect(card.verifyUrl).toMatch(/\/verifikasi\/kartu\/[0-9A-Z]{12}$/);
    const rows = await t.sys.db.query<{ nik: string; included: boolean }>(
      'SELECT nik, included FROM family_card_member WHERE card_id = $1',
      [cardId],
    );
    expect(rows.rows.find((m) => m.nik === grownSon.nik)?.included).toBe(false);
    expect(await auditCount('card.issue', String(cardId))).toBe(1);
    // The eligibility check reads the card register (contract: card.number, card.status).
    const decision = (await api('GET', `/api/v1/eligibility?nik=${f1[0]!.nik}`)).json();
    expect(decision.card).toEqual({ number: card.number, status: 'ACTIVE' });
  });

  it('refuses a second active card for the same family, and writes nothing', async () => {
    const r = await api('POST', '/api/v1/cards', { noKk: f1[0]!.noKk });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('CARD_ALREADY_ACTIVE');
    expect(r.json().error.message).toContain('Terbitkan ulang');
    expect(await cardsOf(f1[0]!.noKk)).toHaveLength(1);
  });

  it('refuses a family where nobody can be on a card yet, with a clear reason', async () => {
    const r = await api('POST', '/api/v1/cards', { noKk: f2[0]!.noKk });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'NO_MEMBER_WITH_EKTP' });
    expect(r.json().error.message).toMatch(/e-KTP/);
    expect(await cardsOf(f2[0]!.noKk)).toHaveLength(0);
    const dead = await api('POST', '/api/v1/cards', { noKk: f7[0]!.noKk });
    expect(dead.statusCode).toBe(422);
    expect(dead.json().error.code).toBe('FAMILY_NO_CURRENT_MEMBER');
  });

  it('says what is wrong with an unknown or malformed KK', async () => {
    expect((await api('POST', '/api/v1/cards', { noKk: '3275019999999999' })).json().error.code).toBe(
      'FAMILY_NOT_FOUND',
    );
    const bad = await api('POST', '/api/v1/cards', { noKk: '3275-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_KK', message: 'Nomor KK harus 16 digit angka.' });
  });

  it('shows the family card page: current members, the active card, and the history', async () => {
    const r = await api('GET', `/api/v1/cards/families/${f1[0]!.noKk}`, undefined, leader);
    expect(r.statusCode).toBe(200);
    const f = r.json();
    expect(f).toMatchObject({
      noKk: f1[0]!.noKk,
      canIssue: false,
      outdated: false,
      includedCount: 3,
      villageName: 'Bekasijaya',
      districtName: 'Bekasi Timur',
    });
    expect(f.members).toHaveLength(4);
    expect(f.active.id).toBe(cardId);
    expect(f.history).toHaveLength(1);
    expect(await auditCount('card.family.read', grownSon.nik)).toBe(1);
    const find = await api('GET', `/api/v1/cards/find?q=${grownSon.nik}`, undefined, leader);
    expect(find.json()).toEqual({ noKk: f1[0]!.noKk });
    const byNumber = await api(
      'GET',
      `/api/v1/cards/find?q=${encodeURIComponent(f.active.number.toLowerCase())}`,
      undefined,
      leader,
    );
    expect(byNumber.json()).toEqual({ noKk: f1[0]!.noKk });
  });
});

describe('reissue and revoke', () => {
  it('reissue makes the old card REPLACED from today and issues a new number with the current members', async () => {
    const [old] = await cardsOf(f1[0]!.noKk);
    const r = await api('POST', `/api/v1/cards/${old!.id}/reissue`, {
      reason: 'HILANG',
      note: 'Kartu hilang saat banjir',
    });
    expect(r.statusCode).toBe(201);
    const fresh = r.json();
    expect(fresh).toMatchObject({ status: 'ACTIVE', issueReason: 'HILANG', replacesCardId: old!.id, memberCount: 4 });
    const after = await cardsOf(f1[0]!.noKk);
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ status: 'REPLACED', ended_on: today });
    expect(after[1]).toMatchObject({ status: 'ACTIVE', ended_on: null, replaces_card_id: old!.id });
    expect(after[1]!.verify_code).not.toBe(after[0]!.verify_code);
    const oldView = (await api('GET', `/api/v1/cards/${old!.id}`)).json();
    expect(oldView).toMatchObject({
      status: 'REPLACED',
      endReason: 'HILANG',
      replacedByCardId: fresh.id,
      endNote: 'Kartu hilang saat banjir',
    });
    expect(await auditCount('card.reissue', String(old!.id))).toBe(1);
  });

  it('refuses to reissue a card that is no longer active, or without a reason note', async () => {
    const [old, current] = await cardsOf(f1[0]!.noKk);
    const again = await api('POST', `/api/v1/cards/${old!.id}/reissue`, { reason: 'RUSAK', note: 'Kartu patah dua' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('CARD_NOT_ACTIVE');
    const noNote = await api('POST', `/api/v1/cards/${current!.id}/reissue`, { reason: 'RUSAK', note: ' ' });
    expect(noNote.json().error.code).toBe('REASON_REQUIRED');
    const badReason = await api('POST', `/api/v1/cards/${current!.id}/reissue`, {
      reason: 'DICURI',
      note: 'Dicuri orang',
    });
    expect(badReason.statusCode).toBe(400);
    expect(await cardsOf(f1[0]!.noKk)).toHaveLength(2);
  });

  it('revokes with a reason; the family may then be issued a new card', async () => {
    const kk = more[0]!.noKk;
    const issued = (await api('POST', '/api/v1/cards', { noKk: kk })).json();
    const r = await api('POST', `/api/v1/cards/${issued.id}/revoke`, {
      reason: 'DATA_TIDAK_SAH',
      note: 'Diterbitkan atas KK yang salah',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'REVOKED', endedOn: today, endReason: 'DATA_TIDAK_SAH' });
    expect(await auditCount('card.revoke', String(issued.id))).toBe(1);
    expect(
      (await api('POST', `/api/v1/cards/${issued.id}/revoke`, { reason: 'LAINNYA', note: 'Dua kali dicabut' })).json()
        .error.code,
    ).toBe('CARD_NOT_ACTIVE');
    const again = await api('POST', '/api/v1/cards', { noKk: kk });
    expect(again.statusCode).toBe(201);
    expect((await cardsOf(kk)).map((c) => c.status)).toEqual(['REVOKED', 'ACTIVE']);
  });
});

describe('bulk issue', () => {
  it('issues a card to every family of the village without one, skips those that cannot have one, and is safe to re-run', async () => {
    const r = await api('POST', '/api/v1/cards/bulk-issue', { areaCode: '32.75.01.1001' });
    expect(r.statusCode).toBe(202);
    const job = await waitForJob(t.sys, r.json().jobId);
    expect(job.status).toBe('succeeded');
    // F2 (no e-KTP) and the two of `more` without a card; F1 and more[0] already hold one; F7 has no living member.
    expect(job.result).toMatchObject({
      area: '3275011001',
      families: 3,
      issued: 2,
      noMemberWithEktp: 1,
      alreadyActive: 0,
    });
    expect(await cardsOf(f6[0]!.noKk)).toHaveLength(0);
    for (const kk of [more[3]!.noKk, more[6]!.noKk])
      expect((await cardsOf(kk)).map((c) => c.status)).toEqual(['ACTIVE']);
    const bulkAudit = await t.sys.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'card.issue' AND details->>'bulk' = '3275011001'`,
    );
    expect(Number(bulkAudit.rows[0]!.n)).toBe(2);

    const rerun = await t.sys.cards.issueForArea(VILLAGE);
    expect(rerun).toMatchObject({ families: 1, issued: 0, noMemberWithEktp: 1 });
    expect((await api('POST', '/api/v1/cards/bulk-issue', { areaCode: '32.75.01.10' })).json().error.code).toBe(
      'INVALID_AREA_CODE',
    );
  });
});

describe('print queue, batches and hand-over', () => {
  it('lists active cards of an area with totals per print state, page by page', async () => {
    const all = await api('GET', `/api/v1/cards?area=${VILLAGE}&pageSize=2`, undefined, leader);
    expect(all.statusCode).toBe(200);
    const body = all.json();
    // F1, F3 (reissued after revocation), F4 and F5.
    expect(body.totals).toEqual({
      all: 4,
      BELUM_CETAK: 4,
      SUDAH_CETAK: 0,
      SUDAH_DISERAHKAN: 0,
      PERLU_CETAK_ULANG: null,
    });
    expect(body.total).toBe(4);
    expect(body.items).toHaveLength(2);
    const page2 = (await api('GET', `/api/v1/cards?area=${VILLAGE}&pageSize=2&page=2`)).json();
    expect(page2.items).toHaveLength(2);
    expect(new Set([...body.items, ...page2.items].map((c: { id: number }) => c.id)).size).toBe(4);
    expect((await api('GET', `/api/v1/cards?area=${VILLAGE}&pageSize=2&page=3`)).json().items).toHaveLength(0);
    const other = (await api('GET', `/api/v1/cards?area=${OTHER_VILLAGE}`)).json();
    expect(other.total).toBe(0);
    const withEnded = (
      await api('GET', `/api/v1/cards?area=327501&status=ALL&issuedFrom=${today}&issuedTo=${today}`)
    ).json();
    expect(withEnded.totals.all).toBe(6);
    expect((await api('GET', '/api/v1/cards?issuedFrom=2026-13-01')).json().error.code).toBe('INVALID_DATE');
    const areas = (await api('GET', '/api/v1/cards/areas', undefined, leader)).json();
    expect(areas.districts.map((d: { code: string; name: string }) => `${d.code} ${d.name}`)).toEqual([
      '327501 Bekasi Timur',
      '327502 Bekasi Barat',
    ]);
    expect(areas.districts[0].villages).toEqual([{ code: VILLAGE, name: 'Bekasijaya' }]);
  });

  it('prints a selection as one PDF in either layout, with the right number of pages', async () => {
    const ids = (await api('GET', `/api/v1/cards?area=${VILLAGE}&pageSize=3`))
      .json()
      .items.map((c: { id: number }) => c.id);
    const a4 = await api('POST', '/api/v1/cards/print/pdf', { cardIds: ids, layout: 'A4' });
    expect(a4.statusCode).toBe(200);
    expect(a4.headers['content-type']).toBe('application/pdf');
    expect(a4.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(a4.rawPayload)).toBe(2); // one sheet of fronts, one of backs
    const cardSize = await api('POST', '/api/v1/cards/print/pdf', { cardIds: ids, layout: 'CARD' });
    expect(pages(cardSize.rawPayload)).toBe(6); // front and back per card
    expect(await auditCount('card.pdf', String(ids[0]))).toBe(2);
    const [replaced] = await cardsOf(f1[0]!.noKk);
    const refused = await api('POST', '/api/v1/cards/print/pdf', { cardIds: [replaced!.id], layout: 'CARD' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('CARD_NOT_ACTIVE');
  });

  it('records a print batch once, refuses a batch with an already printed card whole, and re-renders a batch', async () => {
    const queue = (await api('GET', `/api/v1/cards?area=${VILLAGE}&printState=BELUM_CETAK&pageSize=100`)).json();
    const ids: number[] = queue.items.map((c: { id: number }) => c.id);
    const first = ids.slice(0, 3);
    const r = await api('POST', '/api/v1/cards/print-batches', { cardIds: first, layout: 'A4' });
    expect(r.statusCode).toBe(201);
    const batch = r.json();
    expect(batch).toMatchObject({ cardCount: 3, layout: 'A4' });
    const refused = await api('POST', '/api/v1/cards/print-batches', { cardIds: [ids[3], first[0]], layout: 'CARD' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('BATCH_REFUSED');
    const stillUnprinted = (await api('GET', `/api/v1/cards/${ids[3]}`)).json();
    expect(stillUnprinted.printState).toBe('BELUM_CETAK');
    const totals = (await api('GET', `/api/v1/cards?area=${VILLAGE}`)).json().totals;
    expect(totals).toMatchObject({ BELUM_CETAK: 1, SUDAH_CETAK: 3 });
    const pdf = await api('GET', `/api/v1/cards/print-batches/${batch.id}/pdf?layout=CARD`);
    expect(pages(pdf.rawPayload)).toBe(6);
    expect((await api('GET', `/api/v1/cards/print-batches/${batch.id}/pdf`)).headers['content-disposition']).toContain(
      `batch-cetak-${batch.id}.pdf`,
    );
    const list = (await api('GET', '/api/v1/cards/print-batches', undefined, leader)).json();
    expect(list.items[0]).toMatchObject({ id: batch.id, cardCount: 3, handedOver: 0, stillActive: 3 });
    expect(await auditCount('card.print_batch', String(batch.id))).toBe(1);
    expect(await auditCount('card.print', String(first[0]))).toBe(1);
  });

  it('records a hand-over of a printed card, to whom and when, and refuses the impossible ones', async () => {
    const printed = (await api('GET', `/api/v1/cards?area=${VILLAGE}&printState=SUDAH_CETAK`)).json().items[0];
    const unprinted = (await api('GET', `/api/v1/cards?area=${VILLAGE}&printState=BELUM_CETAK`)).json().items[0];
    expect((await api('POST', `/api/v1/cards/${unprinted.id}/handover`, { to: 'SITI' })).json().error.code).toBe(
      'CARD_NOT_PRINTED',
    );
    expect(
      (await api('POST', `/api/v1/cards/${printed.id}/handover`, { to: 'SITI', on: '2999-01-01' })).json().error.code,
    ).toBe('HANDOVER_DATE_FUTURE');
    const r = await api('POST', `/api/v1/cards/${printed.id}/handover`, { to: ' Siti   Aminah (istri) ' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      printState: 'SUDAH_DISERAHKAN',
      handedOverOn: today,
      handedOverTo: 'Siti Aminah (istri)',
    });
    expect((await api('POST', `/api/v1/cards/${printed.id}/handover`, { to: 'BUDI' })).json().error.code).toBe(
      'CARD_ALREADY_HANDED_OVER',
    );
    const audit = await t.sys.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'card.handover' AND entity_id = $1`,
      [String(printed.id)],
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0]!.details)).not.toMatch(/Siti/i);
  });
});

describe('public verification', () => {
  const verify = (code: string, ip = '10.9.0.1') =>
    t.app.inject({ method: 'GET', url: `/api/v1/public/cards/${code}`, remoteAddress: ip });

  it('tells validity, status, the head of family’s initials and the issue date — nothing more', async () => {
    const [replaced, active] = await cardsOf(f1[0]!.noKk);
    const r = await verify(active!.verify_code.toLowerCase());
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ valid: true, status: 'ACTIVE', initials: 'B. S.', issuedOn: today });
    for (const secret of ['SANTOSO', f1[0]!.nik, f1[0]!.noKk, 'KS-3275']) expect(r.body).not.toContain(secret);
    expect((await verify(replaced!.verify_code)).json()).toEqual({
      valid: false,
      status: 'REPLACED',
      initials: 'B. S.',
      issuedOn: today,
    });
    const unknown = await verify('ZZZZZZZZZZZZ');
    expect(unknown.json()).toEqual({ valid: false, status: 'UNKNOWN', initials: null, issuedOn: null });
    expect((await verify('not-a-code!')).json()).toEqual(unknown.json());
    const audited = await t.sys.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'card.verify' AND ip = '10.9.0.1'`,
    );
    expect(Number(audited.rows[0]!.n)).toBe(4);
  });

  it('is rate-limited per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await verify('ZZZZZZZZZZZZ', '10.9.9.9')).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
    expect(codes[30]).toBe(429);
    expect((await verify('ZZZZZZZZZZZZ', '10.9.9.10')).statusCode).toBe(200);
  });
});
