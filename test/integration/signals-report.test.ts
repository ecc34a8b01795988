import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../src/platform/calendar/index.js';
import { POP_HEADER, VILLAGE, csv, family, nikFor, popLine, type PersonRow } from '../helpers/fixtures.js';
import { referralStay as referral, sjpStay as sjp, wib } from '../helpers/stays.js';
import { ensureFacility, importFile, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';
import { importApproved, jknCsv } from '../helpers/factories.js';

let t: TestEnv;
let office: string;
let pkm: string;
const today = todayJakarta();
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const a = family('3275010101400001', 'SATU');
const b = family('3275010101400002', 'DUA');
const other = {
  nik: nikFor('1970-05-05', 'L'),
  noKk: '3275010101400003',
  name: 'DI DESA LAIN',
  sex: 'L' as const,
  birthDate: '1970-05-05',
  relation: 'KEPALA KELUARGA',
  village: '3275011002',
};
const gone = {
  nik: nikFor('1950-05-05', 'P'),
  noKk: '3275010101400004',
  name: 'SUDAH LAMA MENINGGAL',
  sex: 'P' as const,
  birthDate: '1950-05-05',
  relation: 'KEPALA KELUARGA',
  deathDate: '2025-01-01',
};

/** Today's whole Dukcapil snapshot: as first loaded, with family A's head dead five days ago and some people in another KK. */
const registryToday = (kk: Record<string, string>, more: (PersonRow & { nik: string })[] = []) =>
  csv(
    POP_HEADER,
    [{ ...a[0]!, deathDate: daysAgo(5) }, ...a.slice(1), ...b, other, gone, ...more].map((p) =>
      popLine({ ...p, noKk: kk[p.nik] ?? p.noKk }),
    ),
  );

const get = (url: string, auth = office) => t.app.inject({ method: 'GET', url, headers: { authorization: auth } });
const post = (url: string, payload: object, auth = office) =>
  t.app.inject({ method: 'POST', url, headers: { authorization: auth }, payload });

beforeAll(async () => {
  t = await testEnv();
  office = (await tokenFor(t.sys, 'kepesertaan')).authorization;
  pkm = (await tokenFor(t.sys, 'puskesmas', 'PKM-SINYAL-01')).authorization;
  await importFile(t, 'population', 'p.csv', csv(POP_HEADER, [...a, ...b, other, gone].map(popLine)), daysAgo(40));
  for (const kk of ['3275010101400001', '3275010101400002'])
    expect((await post('/api/v1/cards', { noKk: kk })).statusCode).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

describe('misuse signals (MEM-10)', () => {
  it('start empty', async () => {
    const s = (await get('/api/v1/signals')).json();
    expect(s.kinds.map((k: { total: number }) => k.total)).toEqual([0, 0, 0, 0]);
  });

  it("flags a deceased person's identity used at a facility for a service on or after the death date", async () => {
    const head = a[0]!;
    expect(
      (
        await post(`/api/v1/persons/${head.nik}/changes`, {
          kind: 'DEATH',
          effectiveDate: daysAgo(5),
          reason: 'Surat kematian kelurahan',
        })
      ).statusCode,
    ).toBe(201);
    // A check for a service before the death is legitimate (a late claim); one after is the signal.
    await get(`/api/v1/eligibility?nik=${head.nik}&date=${daysAgo(10)}`, pkm);
    expect((await get('/api/v1/signals/CARD_USED_AFTER_DEATH')).json().total).toBe(0);
    await get(`/api/v1/eligibility?nik=${head.nik}&date=${today}`, pkm);
    await t.sys.audit.flush();
    const list = (await get('/api/v1/signals/CARD_USED_AFTER_DEATH')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      nik: head.nik,
      evidence: { deathDate: daysAgo(5), checks: 1, facilities: ['Fasilitas PKM-SINYAL-01'] },
    });
  });

  it('flags a person listed on the active card of a family they no longer belong to', async () => {
    const child = b[2]!;
    // The registry now puts the child in family A: today's Dukcapil file, reviewed and approved.
    await importApproved(t, 'population', 'p-2.csv', registryToday({ [child.nik]: '3275010101400001' }), today);
    const list = (await get('/api/v1/signals/PERSON_IN_TWO_FAMILIES')).json();
    const wife = b[1]!;
    expect(list.items.map((i: { nik: string }) => i.nik)).not.toContain(wife.nik);
    // The child has no e-KTP, so is only pending on B's card: not a use of the card. The wife moves instead.
    await importApproved(
      t,
      'population',
      'p-3.csv',
      registryToday({ [child.nik]: '3275010101400001', [wife.nik]: '3275010101400001' }),
      today,
    );
    const again = (await get('/api/v1/signals/PERSON_IN_TWO_FAMILIES')).json();
    expect(again.items.find((i: { nik: string }) => i.nik === wife.nik)?.evidence).toMatchObject({
      currentKk: '3275010101400001',
      cards: [{ kk: '3275010101400002' }],
    });
  });

  it('flags a card member who became an active government-paid JKN member, not a wage worker', async () => {
    const [head, wife] = b;
    // The first BPJS file: both members from three days ago.
    await importApproved(
      t,
      'jkn',
      'j.csv',
      jknCsv([
        { nik: head!.nik, segment: 'PBI_APBD', startDate: daysAgo(3) },
        { nik: wife!.nik, segment: 'PPU', class: 1, startDate: daysAgo(3) },
      ]),
      today,
    );
    const list = (await get('/api/v1/signals/PBI_WITH_ACTIVE_CARD')).json();
    expect(list.items.map((i: { nik: string }) => i.nik)).toEqual([head!.nik]);
    expect(list.items[0].evidence).toMatchObject({ segment: 'PBI_APBD', jknSince: daysAgo(3) });
  });

  it('is for the office only', async () => {
    expect((await get('/api/v1/signals', pkm)).statusCode).toBe(403);
  });

  it('flags a NIK admitted at a second hospital while still admitted at the first; a transfer, a discharge or a stay days later is not', async () => {
    for (const code of ['RS-SIG-A', 'RS-SIG-B']) await ensureFacility(t.sys, code);
    const sjpStay = (nik: string, facility: string, at: Date, dischargedOn?: string) =>
      sjp(t.sys.db, nik, facility, at, dischargedOn);
    const referralStay = (nik: string, from: string | null, to: string, created: Date, admitted: Date) =>
      referral(t.sys.db, nik, from, to, created, admitted);
    const d = (n: number) => daysAgo(n);
    // Two hospitals the same day, the first stay still open: the signal.
    const twice = b[0]!.nik;
    await sjpStay(twice, 'RS-SIG-A', wib(d(2), '10:00'));
    await referralStay(twice, null, 'RS-SIG-B', wib(d(2), '17:00'), wib(d(2), '18:00'));
    // Referred from the first hospital to the second: a transfer.
    const moved = b[1]!.nik;
    await sjpStay(moved, 'RS-SIG-A', wib(d(3), '08:00'));
    await referralStay(moved, 'RS-SIG-A', 'RS-SIG-B', wib(d(3), '12:00'), wib(d(3), '14:00'));
    // Admitted in the evening, discharged (approved) the next day, admitted elsewhere that afternoon: within 24 hours, but ended.
    const discharged = a[1]!.nik;
    await sjpStay(discharged, 'RS-SIG-A', wib(d(6), '20:00'), d(5));
    await sjpStay(discharged, 'RS-SIG-B', wib(d(5), '15:00'));
    // A long stay, its discharge recorded days later: an admission elsewhere in between is the signal.
    const longStay = a[2]!.nik;
    await sjpStay(longStay, 'RS-SIG-A', wib(d(9), '10:00'), d(4));
    await sjpStay(longStay, 'RS-SIG-B', wib(d(7), '10:00'));
    // No discharge recorded, but the second admission is three days later.
    const later = other.nik;
    await sjpStay(later, 'RS-SIG-A', wib(d(10), '10:00'));
    await sjpStay(later, 'RS-SIG-B', wib(d(7), '10:00'));

    const list = (await get('/api/v1/signals/TWO_HOSPITALS_AT_ONCE')).json();
    expect(list.items.map((i: { nik: string }) => i.nik)).toEqual([twice, longStay]);
    const [item] = list.items;
    expect(item.since).toBe(d(2));
    expect(item.evidence.stays).toHaveLength(1);
    expect(item.evidence.stays[0].first).toMatchObject({
      facility: 'Fasilitas RS-SIG-A',
      ref: '00001/SJP/DINKES/2099',
      endedAt: null,
    });
    expect(item.evidence.stays[0].second).toMatchObject({ facility: 'Fasilitas RS-SIG-B', ref: '00002/RUJ-JKD/2099' });
    const summary = (await get('/api/v1/signals')).json();
    expect(summary.kinds.find((k: { kind: string }) => k.kind === 'TWO_HOSPITALS_AT_ONCE').total).toBe(2);
    // Reading the list is an audited read of each person listed.
    const audited = await t.sys.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'signals.read' AND entity_id = $1 AND details->>'kind' = 'TWO_HOSPITALS_AT_ONCE'`,
      [twice],
    );
    expect(audited.rows.length).toBeGreaterThan(0);
  });
});

describe('membership report by district and village', () => {
  it('counts residents, members, pending e-KTP and cards per village, with district totals', async () => {
    const r = (await get(`/api/v1/reports/membership?date=${today}`)).json();
    const district = r.districts.find((d: { code: string }) => d.code === VILLAGE.slice(0, 6));
    const village = district.villages.find((v: { code: string }) => v.code === VILLAGE).figures;
    // Family A: head died 5 days ago. B's head is PBI. Alive residents of the village: A wife+child, B×3 (the long-dead excluded).
    expect(village).toMatchObject({
      residents: 5,
      members: 4,
      pendingEktp: 2,
      cardsActive: 2,
      cardsPrinted: 0,
      cardsHandedOver: 0,
    });
    const second = district.villages.find((v: { code: string }) => v.code === '3275011002').figures;
    expect(second).toMatchObject({ residents: 1, members: 1, cardsActive: 0 });
    expect(district.totals.residents).toBe(6);
    expect(r.totals.members).toBe(5);
    // On a date before the death and the PBI period, the figures are those of that date.
    const before = (await get(`/api/v1/reports/membership?date=${daysAgo(20)}`)).json();
    const v2 = before.districts[0].villages.find((v: { code: string }) => v.code === VILLAGE).figures;
    expect(v2).toMatchObject({ residents: 6, members: 6, cardsActive: 0 });
  });

  it('downloads the same figures as XLSX', async () => {
    const res = await get(`/api/v1/reports/membership.xlsx?date=${today}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Kepesertaan')!;
    const row = ws.getRows(1, ws.rowCount)!.find((x) => x.getCell(1).value === VILLAGE)!;
    expect([row.getCell(3).value, row.getCell(4).value, row.getCell(6).value]).toEqual([5, 4, 2]);
  });

  it('refuses facilities', async () => {
    expect((await get('/api/v1/reports/membership', pkm)).statusCode).toBe(403);
  });
});

describe('the PBI signal after the card coverage fix (decision 0020)', () => {
  it('does not flag a member marked "dijamin JKN-PBI" on the card, nor a PBI period that begins after the check date', async () => {
    // Family C (added after the report's figures were checked): the head is PBI when the card is issued, so the card marks him and the signal stays quiet.
    const c = family('3275010101400005', 'TIGA');
    await importApproved(
      t,
      'population',
      'p-4.csv',
      registryToday({ [b[2]!.nik]: a[0]!.noKk, [b[1]!.nik]: a[0]!.noKk }, c),
      today,
    );
    // Raw rows on purpose: a PBI period that begins in five days is a state no BPJS file can give (the import
    // starts a first-seen member on the earlier of the file's date and the start date), and the signal must ignore it.
    await t.sys.db.query(
      `INSERT INTO jkn_membership (nik, valid_from, card_number, segment, class, status, import_id) VALUES ($1, $2, '0003', 'PBI_APBN', 3, 'AKTIF', 0), ($3, $4, '0004', 'PBI_APBN', 3, 'AKTIF', 0)`,
      [c[0]!.nik, daysAgo(30), c[1]!.nik, daysAgo(-5)],
    );
    const card = await post('/api/v1/cards', { noKk: c[0]!.noKk });
    expect(card.statusCode).toBe(201);
    expect(card.json().members[0]).toMatchObject({ nik: c[0]!.nik, coverage: 'PBI_JKN', included: false });
    // The wife's PBI begins in five days: covered today, listed as covered, not a signal today.
    expect(card.json().members[1]).toMatchObject({ nik: c[1]!.nik, coverage: 'COVERED', included: true });
    const list = (await get('/api/v1/signals/PBI_WITH_ACTIVE_CARD')).json();
    expect(list.items.map((i: { nik: string }) => i.nik)).not.toContain(c[0]!.nik);
    expect(list.items.map((i: { nik: string }) => i.nik)).not.toContain(c[1]!.nik);
  });
});
