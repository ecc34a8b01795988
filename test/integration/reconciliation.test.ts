/**
 * MEM-7 through the real import pipeline and HTTP: the first snapshot is a
 * baseline, a later one becomes a change set that changes nothing until an
 * officer approves it, in whole or in part, or rejects it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JKN_HEADER, POP_HEADER, csv, family, nikFor, popLine, type PersonRow } from '../helpers/fixtures.js';
import { importFile, multipartRequest, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
let officer: string;
let desk: string;

type P = PersonRow & { nik: string };
const [headA, wifeA, childA] = family('3275010101300001', 'ANDALAS') as [P, P, P];
const person = (kk: string, name: string, birth: string, sex: 'L' | 'P' = 'L'): P => ({
  nik: nikFor(birth, sex),
  noKk: kk,
  name,
  sex,
  birthDate: birth,
  relation: 'KEPALA KELUARGA',
});
const b = person('3275010101300002', 'BAMBANG TETAP', '1970-02-02');
const c = person('3275010101300003', 'CAHYO WAFAT', '1950-03-03');
const d = person('3275010101300004', 'DEDI PINDAH', '1985-04-04');
const e = person('3275010101300005', 'EKO HILANG', '1979-05-05');
const f = person('3275010101300006', 'FAJAR ALAMAT', '1981-06-06');
const g = person('3275010101300007', 'GITA KELUARGA', '1992-07-07', 'P');
const h = person('3275010101300008', 'HADI SALAHKETIK', '1966-08-08');
const x = { ...person('3275010101300009', 'XAVIER SUDAH WAFAT', '1940-09-09'), deathDate: '2026-01-01' };
const baby: P = {
  nik: nikFor('2026-11-10', 'P'),
  noKk: headA.noKk,
  name: 'BAYI ANDALAS',
  sex: 'P',
  birthDate: '2026-11-10',
  relation: 'ANAK',
  ektp: 'N',
};
const mover = person('3275010101300010', 'MULYADI DATANG', '1990-10-10');

const baseline = [headA, wifeA, childA, b, c, d, e, f, g, h, x];
const second = [
  headA,
  wifeA,
  { ...childA, ektp: 'Y' as const },
  b,
  { ...c, deathDate: '2026-11-20' },
  { ...d, movedOutDate: '2026-11-25' },
  { ...f, village: '3275021001' },
  { ...g, noKk: '3275010101300099', relation: 'ISTRI' },
  { ...h, name: 'HADI SALAH KETIK' },
  baby,
  mover,
];

function load(kind: 'population' | 'jkn', name: string, header: string, lines: string[], asOf: string) {
  return importFile(t, kind, name, csv(header, lines), asOf);
}

const api = (method: 'GET' | 'POST', url: string, body?: object, auth = officer) =>
  t.app.inject({ method, url, headers: { authorization: auth }, payload: body });

/** A new population import is refused before it reads its file while a change set waits for review. */
const expectPopulationImportRefused = () =>
  expect(
    t.sys.imports.start({
      kind: 'population',
      filePath: '/nonexistent.csv',
      fileName: 'p.csv',
      asOf: '2026-12-02',
      ownsFile: false,
    }),
  ).rejects.toThrow(/menunggu persetujuan/);

async function digest() {
  const q = async (sql: string) => (await t.sys.db.query<{ d: string | null }>(sql)).rows[0]!.d;
  return {
    person: await q(`SELECT md5(string_agg(p::text, '|' ORDER BY nik)) AS d FROM person p`),
    jkn: await q(`SELECT md5(string_agg(m::text, '|' ORDER BY nik, valid_from)) AS d FROM jkn_membership m`),
    changes: await q(`SELECT count(*)::text AS d FROM membership_change`),
  };
}

async function eligible(nik: string, date: string) {
  const r = await api('GET', `/api/v1/eligibility?nik=${nik}&date=${date}`, undefined, desk);
  expect(r.statusCode).toBe(200);
  return r.json() as { eligible: boolean; reasons: { code: string }[] };
}

async function itemsOf(id: number, query = '') {
  const r = await api('GET', `/api/v1/reconciliation/change-sets/${id}/items?pageSize=200${query}`);
  expect(r.statusCode).toBe(200);
  return r.json() as {
    total: number;
    items: {
      id: number;
      nik: string;
      kind: string;
      before: unknown;
      after: unknown;
      changes: string[];
      decision: string;
    }[];
  };
}

beforeAll(async () => {
  t = await testEnv();
  officer = (await tokenFor(t.sys, 'kepesertaan')).authorization;
  desk = (await tokenFor(t.sys, 'rumahsakit', 'RS-TEST-01')).authorization;
});
afterAll(async () => {
  await t?.close();
});

describe('population reconciliation', () => {
  let setId: number;

  it('applies the first snapshot at once, as the baseline', async () => {
    const r = await load('population', 'p1.csv', POP_HEADER, baseline.map(popLine), '2026-11-01');
    expect(r.inserted).toBe(baseline.length);
    expect(r.changeSetId).toBeUndefined();
    expect((await t.sys.db.query('SELECT 1 FROM person')).rows).toHaveLength(baseline.length);
    expect((await t.sys.db.query('SELECT 1 FROM reconciliation_change_set')).rows).toHaveLength(0);
  });

  it('turns a later snapshot into a change set with exactly the expected items, changing nothing yet', async () => {
    const before = await digest();
    const r = await load('population', 'p2.csv', POP_HEADER, second.map(popLine), '2026-12-01');
    expect(r.review).toBe('PENDING');
    setId = Number(r.changeSetId);
    expect(r.changeTotals).toEqual({
      BIRTH: 1,
      MOVE_IN: 1,
      DEATH: 1,
      MOVE_OUT: 1,
      MISSING: 1,
      FAMILY_CHANGE: 1,
      ADDRESS_CHANGE: 1,
      EKTP_RECORDED: 1,
      CORRECTION: 1,
    });
    expect(r).toMatchObject({ inserted: 2, absent: 1 });
    const all = await itemsOf(setId);
    const byKind = Object.fromEntries(all.items.map((i) => [i.kind, i]));
    expect(byKind.DEATH!.nik).toBe(c.nik);
    expect(byKind.DEATH!.after).toEqual({ death_date: '2026-11-20' });
    expect(byKind.MOVE_OUT!.nik).toBe(d.nik);
    expect(byKind.MISSING!.nik).toBe(e.nik);
    expect(byKind.ADDRESS_CHANGE!.nik).toBe(f.nik);
    expect(byKind.ADDRESS_CHANGE!.changes).toEqual(['Kode wilayah: 3275011001 → 3275021001']);
    expect(byKind.FAMILY_CHANGE!).toMatchObject({
      nik: g.nik,
      before: { no_kk: g.noKk, relation: 'KEPALA KELUARGA' },
      after: { no_kk: '3275010101300099', relation: 'ISTRI' },
    });
    expect(byKind.CORRECTION!).toMatchObject({
      nik: h.nik,
      before: { name: h.name },
      after: { name: 'HADI SALAH KETIK' },
    });
    expect(byKind.EKTP_RECORDED!.nik).toBe(childA.nik);
    expect(byKind.BIRTH!.nik).toBe(baby.nik);
    expect(byKind.MOVE_IN!.nik).toBe(mover.nik);
    // The person already dead and now absent is no news; the unchanged ones produce nothing.
    expect(all.items.map((i) => i.nik)).not.toContain(x.nik);
    expect(all.items.map((i) => i.nik)).not.toContain(b.nik);

    expect(await digest()).toEqual(before);
    const imp = await t.sys.db.query<{ status: string }>('SELECT status FROM population_import WHERE id = $1', [
      r.importId,
    ]);
    expect(imp.rows[0]!.status).toBe('pending_review');
    // Still covered: the death is only proposed.
    expect((await eligible(c.nik, '2026-11-25')).eligible).toBe(true);
    expect((await eligible(baby.nik, '2026-11-25')).reasons.map((x) => x.code)).toContain('NOT_FOUND');
  });

  it('refuses another population import while the set is pending, with a clear 409', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/population',
      ...multipartRequest({ asOf: '2026-12-02' }, { name: 'p.csv', content: `${POP_HEADER}\n` }, officer),
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('CHANGE_SET_PENDING');
    expect(r.json().error.message).toMatch(new RegExp(`#${setId}.*menunggu persetujuan`));
    await expectPopulationImportRefused();
  });

  it('shows totals by kind and by village with names, filters, pages and samples, each person read audited', async () => {
    const r = await api('GET', `/api/v1/reconciliation/change-sets/${setId}`);
    expect(r.statusCode).toBe(200);
    const cs = r.json();
    expect(cs).toMatchObject({
      id: setId,
      kind: 'population',
      status: 'PENDING',
      itemCount: 9,
      asOf: '2026-12-01',
      previousAsOf: '2026-11-01',
    });
    expect(cs.byKind.find((k: { kind: string }) => k.kind === 'DEATH')).toMatchObject({
      total: 1,
      label: 'Meninggal dunia',
    });
    const bekasijaya = cs.byVillage.find((v: { villageCode: string }) => v.villageCode === '3275011001');
    expect(bekasijaya).toMatchObject({ villageName: 'Bekasijaya', districtName: 'Bekasi Timur', total: 8 });
    expect(cs.byVillage.find((v: { villageCode: string }) => v.villageCode === '3275021001')).toMatchObject({
      villageName: 'Bintara',
      total: 1,
    });

    expect((await itemsOf(setId, '&kind=DEATH')).items.map((i) => i.nik)).toEqual([c.nik]);
    expect((await itemsOf(setId, '&area=327502')).items.map((i) => i.nik)).toEqual([f.nik]);
    const page2 = (await api('GET', `/api/v1/reconciliation/change-sets/${setId}/items?pageSize=4&page=3`)).json();
    expect(page2).toMatchObject({ total: 9, page: 3, pageSize: 4 });
    expect(page2.items).toHaveLength(1);
    const bad = await api('GET', `/api/v1/reconciliation/change-sets/${setId}/items?kind=NEWLY_PBI`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_KIND');

    const s1 = (await api('GET', `/api/v1/reconciliation/change-sets/${setId}/sample?size=5&seed=abc`)).json();
    const s2 = (await api('GET', `/api/v1/reconciliation/change-sets/${setId}/sample?size=5&seed=abc`)).json();
    expect(s1.items).toHaveLength(5);
    expect(s2.items.map((i: { id: number }) => i.id)).toEqual(s1.items.map((i: { id: number }) => i.id));

    await t.sys.audit.flush();
    const a = await t.sys.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'reconciliation.items.read' AND entity_id = $1 AND details->>'changeSetId' = $2`,
      [c.nik, String(setId)],
    );
    expect(a.rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('downloads the change set as XLSX that exceljs opens, with every row', async () => {
    const r = await api('GET', `/api/v1/reconciliation/change-sets/${setId}/download`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toContain(`perubahan-penduduk-${setId}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Perubahan')!;
    expect(ws.rowCount).toBe(10);
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const death = rows.find((row) => row[2] === c.nik)!;
    expect(death[4]).toBe('Meninggal dunia');
    expect(death[10]).toBe('Tanggal meninggal: — → 2026-11-20');
    expect(wb.getWorksheet('Ringkasan')).toBeDefined();
    const filtered = await api('GET', `/api/v1/reconciliation/change-sets/${setId}/download?kind=BIRTH`);
    const fw = new ExcelJS.Workbook();
    await fw.xlsx.load(filtered.rawPayload as unknown as ArrayBuffer);
    expect(fw.getWorksheet('Perubahan')!.rowCount).toBe(2);
  });

  it('approves chosen kinds and items today, leaving the rest open; declines the rest tomorrow, which closes the set', async () => {
    const url = `/api/v1/reconciliation/change-sets/${setId}/approve`;
    const address = (await itemsOf(setId, '&kind=ADDRESS_CHANGE')).items[0]!;
    const wrongKind = await api('POST', url, { kinds: ['NEWLY_PBI'] });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.code).toBe('INVALID_SELECTION');
    const foreign = await api('POST', url, { itemIds: [987654321] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('ITEM_NOT_IN_SET');

    // One of ten residents missing is past the 5 % guard in so small a register: its ending needs the typed number.
    const r = await api('POST', url, {
      kinds: ['DEATH', 'BIRTH', 'MOVE_IN', 'MISSING'],
      itemIds: [address.id],
      note: 'Sampel diperiksa',
      confirmMissing: 1,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'PENDING', approved: 5, stale: 0, pending: 4, membershipChanges: 5 });

    const rows = await t.sys.db.query<Record<string, unknown>>(
      `SELECT nik, no_kk, name, ektp_recorded, death_date, moved_out_date, village_code, resident_from, relation FROM person WHERE nik = ANY($1)`,
      [[c.nik, d.nik, e.nik, f.nik, g.nik, h.nik, childA.nik, baby.nik, mover.nik]],
    );
    const p = Object.fromEntries(rows.rows.map((x) => [x.nik, x]));
    expect(p[c.nik]!.death_date).toBe('2026-11-20');
    expect(p[e.nik]!.moved_out_date).toBe('2026-12-01');
    expect(p[f.nik]!.village_code).toBe('3275021001');
    expect(p[baby.nik]).toMatchObject({ no_kk: headA.noKk, relation: 'ANAK', resident_from: null });
    expect(p[mover.nik]!.resident_from).toBe('2026-12-01');
    // Not decided yet: as before.
    expect(p[d.nik]!.moved_out_date).toBeNull();
    expect(p[g.nik]).toMatchObject({ no_kk: g.noKk, relation: 'KEPALA KELUARGA' });
    expect(p[h.nik]!.name).toBe(h.name);
    expect(p[childA.nik]!.ektp_recorded).toBe(false);

    const changes = await t.sys.db.query<{
      nik: string;
      kind: string;
      effective_date: string;
      reason: string;
      source: string;
      recorded_by: number | null;
      details: Record<string, unknown>;
    }>(
      `SELECT nik, kind, effective_date, reason, source, recorded_by, details FROM membership_change WHERE source_id = $1 AND source = 'RECONCILIATION' ORDER BY id`,
      [setId],
    );
    const byNik = Object.fromEntries(changes.rows.map((x) => [x.nik, x]));
    expect(changes.rows).toHaveLength(5);
    expect(byNik[c.nik]).toMatchObject({
      kind: 'DEATH',
      effective_date: '2026-11-20',
      details: { before: { death_date: null }, after: { death_date: '2026-11-20' } },
    });
    expect(byNik[baby.nik]).toMatchObject({
      kind: 'BIRTH',
      effective_date: '2026-11-10',
      details: { after: { no_kk: headA.noKk, village_code: '3275011001' } },
    });
    expect(byNik[mover.nik]).toMatchObject({ kind: 'MOVE_IN', effective_date: '2026-12-01' });
    expect(byNik[e.nik]).toMatchObject({
      kind: 'MOVE_OUT',
      effective_date: '2026-12-01',
      reason: 'tidak ada dalam snapshot',
    });
    expect(byNik[f.nik]).toMatchObject({ kind: 'ADDRESS_CHANGE', effective_date: '2026-12-01' });
    expect(changes.rows.every((x) => x.recorded_by !== null)).toBe(true);
    expect(JSON.stringify(byNik[baby.nik]!.details)).not.toContain('BAYI');

    // The death takes effect from its date on, not before.
    expect((await eligible(c.nik, '2026-11-19')).eligible).toBe(true);
    const dead = await eligible(c.nik, '2026-11-20');
    expect(dead.eligible).toBe(false);
    expect(dead.reasons.map((x) => x.code)).toContain('DECEASED');

    // The set stays open: the other kinds wait for tomorrow, and so does the next import of this kind.
    const open = (await api('GET', `/api/v1/reconciliation/change-sets/${setId}`)).json();
    expect(open).toMatchObject({
      status: 'PENDING',
      approvedCount: 5,
      declinedCount: 0,
      pendingCount: 4,
      decidedAt: null,
    });
    expect(open.byKind.find((k: { kind: string }) => k.kind === 'DEATH')).toMatchObject({
      pending: 0,
      decisions: { APPROVED: 1 },
    });
    expect(open.byKind.find((k: { kind: string }) => k.kind === 'FAMILY_CHANGE')).toMatchObject({
      pending: 1,
      decisions: { PENDING: 1 },
    });
    expect((await itemsOf(setId, '&decision=PENDING')).items.map((i) => i.kind).sort()).toEqual([
      'CORRECTION',
      'EKTP_RECORDED',
      'FAMILY_CHANGE',
      'MOVE_OUT',
    ]);
    const importRow = () =>
      t.sys.db.query<{ status: string; inserted: number }>(
        `SELECT status, inserted FROM population_import WHERE id = (SELECT import_id FROM reconciliation_change_set WHERE id = $1)`,
        [setId],
      );
    expect((await importRow()).rows[0]!.status).toBe('pending_review');
    await expectPopulationImportRefused();
    // Approving what is already decided approves nothing.
    const twice = await api('POST', url, { kinds: ['DEATH'] });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.code).toBe('NOTHING_APPROVED');

    // Tomorrow: the family change is approved, the rest declined kind by kind; the last decision closes the set.
    const family = await api('POST', url, { kinds: ['FAMILY_CHANGE'] });
    expect(family.json()).toMatchObject({ status: 'PENDING', approved: 1, pending: 3 });
    const dec = await api('POST', `/api/v1/reconciliation/change-sets/${setId}/decline`, {
      kinds: ['MOVE_OUT', 'CORRECTION', 'EKTP_RECORDED'],
    });
    expect(dec.statusCode).toBe(200);
    expect(dec.json()).toMatchObject({ status: 'PARTIALLY_APPROVED', declined: 3, pending: 0 });
    const after = await t.sys.db.query<Record<string, unknown>>(
      `SELECT nik, no_kk, relation, moved_out_date, name, ektp_recorded FROM person WHERE nik = ANY($1)`,
      [[g.nik, d.nik, h.nik, childA.nik]],
    );
    const q = Object.fromEntries(after.rows.map((x) => [x.nik, x]));
    expect(q[g.nik]).toMatchObject({ no_kk: '3275010101300099', relation: 'ISTRI' });
    // Declined: as before.
    expect(q[d.nik]!.moved_out_date).toBeNull();
    expect(q[h.nik]!.name).toBe(h.name);
    expect(q[childA.nik]!.ektp_recorded).toBe(false);

    const cs = (await api('GET', `/api/v1/reconciliation/change-sets/${setId}`)).json();
    expect(cs).toMatchObject({
      status: 'PARTIALLY_APPROVED',
      approvedCount: 6,
      declinedCount: 3,
      pendingCount: 0,
      decisionNote: 'Sampel diperiksa',
    });
    expect(cs.decidedBy).toMatch(/^kepesertaan-/);
    expect((await importRow()).rows[0]).toMatchObject({ status: 'applied', inserted: 2 });
    expect(
      (
        await t.sys.db.query(`SELECT 1 FROM membership_change WHERE source_id = $1 AND source = 'RECONCILIATION'`, [
          setId,
        ])
      ).rows,
    ).toHaveLength(6);
    const again = await api('POST', url, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CHANGE_SET_DECIDED');
    const audit = await t.sys.db.query(
      `SELECT action FROM audit_log WHERE action LIKE 'reconciliation.%' AND entity_id = $1 ORDER BY id`,
      [String(setId)],
    );
    expect(audit.rows.map((x) => x.action)).toEqual([
      'reconciliation.propose',
      'reconciliation.approve',
      'reconciliation.approve',
      'reconciliation.decline',
    ]);
  });

  it('proposes again what was declined; rejecting the set leaves no trace', async () => {
    const r = await load('population', 'p3.csv', POP_HEADER, second.map(popLine), '2027-01-01');
    expect(r.changeTotals).toEqual({ MOVE_OUT: 1, CORRECTION: 1, EKTP_RECORDED: 1 });
    const id = Number(r.changeSetId);
    const before = await digest();
    const noReason = await api('POST', `/api/v1/reconciliation/change-sets/${id}/reject`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('REASON_REQUIRED');
    const rej = await api('POST', `/api/v1/reconciliation/change-sets/${id}/reject`, {
      reason: 'Berkas Dukcapil salah kirim',
    });
    expect(rej.statusCode).toBe(200);
    expect(await digest()).toEqual(before);
    const cs = (await api('GET', `/api/v1/reconciliation/change-sets/${id}`)).json();
    expect(cs).toMatchObject({ status: 'REJECTED', declinedCount: 3, decisionNote: 'Berkas Dukcapil salah kirim' });
    const imp = await t.sys.db.query<{ status: string }>('SELECT status FROM population_import WHERE id = $1', [
      r.importId,
    ]);
    expect(imp.rows[0]!.status).toBe('rejected');
    expect((await api('POST', `/api/v1/reconciliation/change-sets/${id}/approve`, {})).statusCode).toBe(409);
  });

  it('needs no review when the file matches the register', async () => {
    const current = [
      headA,
      wifeA,
      childA,
      b,
      { ...c, deathDate: '2026-11-20' },
      d,
      { ...f, village: '3275021001' },
      { ...g, noKk: '3275010101300099', relation: 'ISTRI' },
      h,
      baby,
      mover,
    ];
    const before = await digest();
    const r = await load('population', 'p4.csv', POP_HEADER, current.map(popLine), '2027-01-01');
    expect(r).toMatchObject({ review: 'APPROVED', changeItems: 0, inserted: 0, updated: 0, unchanged: current.length });
    expect(await digest()).toEqual(before);
  });

  it('does not apply an approved item whose person changed meanwhile', async () => {
    const later = [
      headA,
      wifeA,
      childA,
      { ...b, deathDate: '2027-01-10' },
      { ...c, deathDate: '2026-11-20' },
      d,
      { ...f, village: '3275021001' },
      { ...g, noKk: '3275010101300099', relation: 'ISTRI' },
      h,
      baby,
      mover,
    ];
    const r = await load('population', 'p5.csv', POP_HEADER, later.map(popLine), '2027-02-01');
    expect(r.changeTotals).toEqual({ DEATH: 1 });
    // Recorded by hand while the set waited.
    await t.sys.db.query(`UPDATE person SET death_date = '2027-01-08' WHERE nik = $1`, [b.nik]);
    const ok = await api('POST', `/api/v1/reconciliation/change-sets/${r.changeSetId}/approve`, {});
    expect(ok.json()).toMatchObject({ status: 'APPROVED', approved: 0, stale: 1, membershipChanges: 0 });
    const p = await t.sys.db.query<{ death_date: string }>('SELECT death_date FROM person WHERE nik = $1', [b.nik]);
    expect(p.rows[0]!.death_date).toBe('2027-01-08');
    expect((await itemsOf(Number(r.changeSetId))).items[0]!.decision).toBe('STALE');
  });
});

describe('JKN reconciliation', () => {
  const jkn = (p: { nik: string }, card: string, segment: string, status: string, arrears = '') =>
    `${p.nik},${card},X,${segment},3,${status},2020-01-01,${arrears},`;
  const unknown = { nik: nikFor('1977-07-07', 'L') };

  it('makes newly-PBI, no-longer-PBI, unknown and other changes, applied only on approval', async () => {
    const first = await load(
      'jkn',
      'j1.csv',
      JKN_HEADER,
      [
        jkn(b, '0000000000001', 'PPU', 'AKTIF'),
        jkn(headA, '0000000000002', 'PBI_APBN', 'AKTIF'),
        jkn(wifeA, '0000000000003', 'PBI_APBD', 'AKTIF'),
        jkn(f, '0000000000004', 'PBPU', 'NONAKTIF', '3'),
        jkn(g, '0000000000005', 'PPU', 'AKTIF'),
      ],
      '2026-11-01',
    );
    expect(first.changeSetId).toBeUndefined();
    const before = await digest();
    const r = await load(
      'jkn',
      'j2.csv',
      JKN_HEADER,
      [
        jkn(b, '0000000000001', 'PBI_APBD', 'AKTIF'),
        jkn(headA, '0000000000002', 'PBI_APBN', 'NONAKTIF'),
        jkn(f, '0000000000004', 'PBPU', 'NONAKTIF', '5'),
        jkn(g, '0000000000005', 'PPU', 'AKTIF'),
        jkn(unknown, '0000000000006', 'PPU', 'AKTIF'),
        jkn(mover, '0000000000007', 'PPU', 'AKTIF'),
      ],
      '2026-12-01',
    );
    expect(r.changeTotals).toEqual({ NEWLY_PBI: 1, NO_LONGER_PBI: 2, UNKNOWN_NIK: 1, OTHER_JKN: 2 });
    expect(r).toMatchObject({ review: 'PENDING', ended: 1, inserted: 2, updated: 3 });
    const id = Number(r.changeSetId);
    const items = (await itemsOf(id)).items;
    expect(items.find((i) => i.kind === 'NEWLY_PBI')!.nik).toBe(b.nik);
    expect(
      items
        .filter((i) => i.kind === 'NO_LONGER_PBI')
        .map((i) => i.nik)
        .sort(),
    ).toEqual([headA.nik, wifeA.nik].sort());
    expect(items.find((i) => i.nik === wifeA.nik)!.after).toBeNull();
    expect(items.find((i) => i.kind === 'UNKNOWN_NIK')!.nik).toBe(unknown.nik);
    expect(await digest()).toEqual(before);
    expect((await eligible(b.nik, '2026-12-05')).eligible).toBe(true);

    // One of five memberships ending: flagged in so small a file, so approving it all needs the number typed.
    const unconfirmed = await api('POST', `/api/v1/reconciliation/change-sets/${id}/approve`, {});
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.json().error).toMatchObject({ code: 'CONFIRMATION_REQUIRED', details: { ending: 1 } });
    const ok = await api('POST', `/api/v1/reconciliation/change-sets/${id}/approve`, { confirmMissing: 1 });
    expect(ok.json()).toMatchObject({ status: 'APPROVED', approved: 6, pending: 0, membershipChanges: 3 });
    const pbi = await eligible(b.nik, '2026-12-05');
    expect(pbi.eligible).toBe(false);
    expect(pbi.reasons.map((x) => x.code)).toContain('PBI_JKN');
    expect((await eligible(b.nik, '2026-11-30')).eligible).toBe(true);
    expect((await eligible(headA.nik, '2026-11-30')).eligible).toBe(false);
    expect((await eligible(headA.nik, '2026-12-05')).eligible).toBe(true);
    expect((await eligible(wifeA.nik, '2026-12-05')).eligible).toBe(true);
    const periods = await t.sys.db.query<{ valid_from: string; valid_to: string | null; segment: string }>(
      'SELECT valid_from, valid_to, segment FROM jkn_membership WHERE nik = $1 ORDER BY valid_from',
      [b.nik],
    );
    expect(periods.rows).toEqual([
      { valid_from: '2020-01-01', valid_to: '2026-12-01', segment: 'PPU' },
      { valid_from: '2026-12-01', valid_to: null, segment: 'PBI_APBD' },
    ]);
    expect(
      (await t.sys.db.query('SELECT 1 FROM jkn_membership WHERE nik = $1 AND valid_to IS NULL', [unknown.nik])).rows,
    ).toHaveLength(1);
    const changes = await t.sys.db.query<{ nik: string; kind: string; effective_date: string; details: unknown }>(
      `SELECT nik, kind, effective_date, details FROM membership_change WHERE source_id = $1 AND source = 'RECONCILIATION' ORDER BY nik`,
      [id],
    );
    const byNik = Object.fromEntries(changes.rows.map((x) => [x.nik, x]));
    expect(byNik[b.nik]).toMatchObject({
      kind: 'NEWLY_PBI',
      effective_date: '2026-12-01',
      details: { before: { segment: 'PPU', status: 'AKTIF' }, after: { segment: 'PBI_APBD', status: 'AKTIF' } },
    });
    expect(byNik[headA.nik]).toMatchObject({ kind: 'NO_LONGER_PBI', effective_date: '2026-12-01' });
    expect(byNik[wifeA.nik]).toMatchObject({ kind: 'NO_LONGER_PBI', details: { after: null } });
    expect(changes.rows).toHaveLength(3);
  });

  it('leaves the JKN periods untouched when a set is rejected', async () => {
    const before = await digest();
    const r = await load('jkn', 'j3.csv', JKN_HEADER, [jkn(g, '0000000000005', 'PBI_APBN', 'AKTIF')], '2027-01-01');
    expect(r.review).toBe('PENDING');
    const rej = await api('POST', `/api/v1/reconciliation/change-sets/${r.changeSetId}/reject`, {
      reason: 'Data BPJS belum final',
    });
    expect(rej.statusCode).toBe(200);
    expect(await digest()).toEqual(before);
    expect((await eligible(g.nik, '2027-01-05')).eligible).toBe(true);
  });

  it('lists change sets of both kinds, newest first', async () => {
    const r = await api('GET', '/api/v1/reconciliation/change-sets?kind=jkn');
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((x: { status: string }) => x.status)).toEqual(['REJECTED', 'APPROVED']);
    const pending = await api('GET', '/api/v1/reconciliation/change-sets?status=PENDING');
    expect(pending.json().items).toEqual([]);
  });
});
