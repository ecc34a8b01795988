/**
 * Issue 10, data safety of snapshots, through the real import pipeline and
 * HTTP on both engines: a file whose rows are all (or mostly) rejected, or
 * that would end nearly the whole register, ends as a failed import with no
 * change set; a truncated file becomes a change set flagged suspect, whose
 * endings no bulk approval applies without the typed number.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JKN_HEADER, POP_HEADER, csv, nikFor, popLine, type PersonRow } from '../helpers/fixtures.js';
import { importFile, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
let officer: string;

type P = PersonRow & { nik: string };
const people: P[] = Array.from({ length: 200 }, (_, i) => ({
  nik: nikFor('1975-05-05', i % 2 ? 'P' : 'L'),
  noKk: `32750101013${String(i).padStart(5, '0')}`,
  name: `WARGA KE ${i + 1}`,
  sex: i % 2 ? 'P' : 'L',
  birthDate: '1975-05-05',
  relation: 'KEPALA KELUARGA',
}));
const lines = (ps: P[]) => ps.map(popLine);
/** The file of the probe: commas in the header, semicolons in every row. */
const mixedDelimiters = lines(people).map((l) => l.replace(/,/g, ';'));

function load(kind: 'population' | 'jkn', name: string, header: string, rows: string[], asOf: string) {
  return importFile(t, kind, name, csv(header, rows), asOf);
}

const api = (method: 'GET' | 'POST', url: string, body?: object) =>
  t.app.inject({ method, url, headers: { authorization: officer }, payload: body });
const count = async (sql: string) => Number((await t.sys.db.query<{ n: number }>(sql)).rows[0]!.n);
const activeResidents = () =>
  count(`SELECT count(*) AS n FROM person WHERE death_date IS NULL AND moved_out_date IS NULL`);
const changeSets = () => count(`SELECT count(*) AS n FROM reconciliation_change_set`);

/** The last import of a kind ended failed, with its rejected-rows report still downloadable. */
async function expectFailedWithReport(kind: 'population' | 'jkn', rejectedRows: number) {
  const imp = (
    await t.sys.db.query<{ id: number; status: string }>(
      `SELECT id, status FROM ${kind}_import ORDER BY id DESC LIMIT 1`,
    )
  ).rows[0]!;
  expect(imp.status).toBe('failed');
  const report = await api('GET', `/api/v1/imports/${kind}/${imp.id}/report`);
  expect(report.statusCode).toBe(200);
  // Header line plus one line per rejected row (each with at least one finding).
  expect(report.body.trim().split('\n').length).toBeGreaterThanOrEqual(rejectedRows + 1);
}

beforeAll(async () => {
  t = await testEnv();
  officer = (await tokenFor(t.sys, 'kepesertaan')).authorization;
});
afterAll(async () => {
  await t?.close();
});

describe('file-level faults end the import with no change set', () => {
  it('refuses a first file whose rows are all rejected (mixed delimiters): nothing loaded, report kept', async () => {
    await expect(load('population', 'campur.csv', POP_HEADER, mixedDelimiters, '2026-11-01')).rejects.toMatchObject({
      code: 'FILE_REFUSED',
      message: expect.stringMatching(/^Tidak ada satu baris pun yang diterima dari 200 baris berkas data penduduk/),
    });
    expect(await count('SELECT count(*) AS n FROM person')).toBe(0);
    await expectFailedWithReport('population', 200);
  });

  it('loads the baseline of 200 residents', async () => {
    const r = await load('population', 'awal.csv', POP_HEADER, lines(people), '2026-11-01');
    expect(r).toMatchObject({ inserted: 200, rejected: 0 });
  });

  it('refuses a later file whose rows are all rejected instead of proposing every resident as missing', async () => {
    await expect(load('population', 'campur2.csv', POP_HEADER, mixedDelimiters, '2026-12-01')).rejects.toMatchObject({
      code: 'FILE_REFUSED',
    });
    expect(await changeSets()).toBe(0);
    expect(await activeResidents()).toBe(200);
    await expectFailedWithReport('population', 200);
  });

  it('refuses a file with more rejected rows than the threshold', async () => {
    const broken = lines(people).map((l, i) => (i < 50 ? l.replace(/^\d{16}/, '12345') : l));
    await expect(load('population', 'rusak.csv', POP_HEADER, broken, '2026-12-01')).rejects.toMatchObject({
      code: 'FILE_REFUSED',
      message: expect.stringContaining('50 dari 200 baris berkas data penduduk ditolak (25 %, batas 20 %)'),
    });
    expect(await changeSets()).toBe(0);
  });

  it('refuses a file that would end nearly the whole register (one row)', async () => {
    await expect(
      load('population', 'satu.csv', POP_HEADER, lines(people.slice(0, 1)), '2026-12-01'),
    ).rejects.toMatchObject({
      code: 'SNAPSHOT_REFUSED',
      message: expect.stringMatching(
        /^Berkas ditolak: 199 dari 200 penduduk .*\(99,5 %\).*tidak ada daftar perubahan yang dibuat/,
      ),
    });
    expect(await changeSets()).toBe(0);
    expect(await activeResidents()).toBe(200);
    await expectFailedWithReport('population', 0);
  });
});

describe('a truncated population file is flagged suspect', () => {
  let id: number;

  it('makes a change set flagged with the figures: residents before, rows in the file, share missing', async () => {
    const truncated = [...people.slice(0, 11), { ...people[11]!, deathDate: '2026-11-20' }];
    const r = await load('population', 'terpotong.csv', POP_HEADER, lines(truncated), '2026-12-01');
    expect(r).toMatchObject({ review: 'PENDING', suspect: true, changeTotals: { DEATH: 1, MISSING: 188 } });
    id = Number(r.changeSetId);
    const cs = (await api('GET', `/api/v1/reconciliation/change-sets/${id}`)).json();
    expect(cs).toMatchObject({
      status: 'PENDING',
      suspect: true,
      guard: {
        before: 200,
        rows: 12,
        previousRows: 200,
        ending: 188,
        endingPercent: 94,
        rowDropPercent: 94,
        suspectPercent: 5,
      },
    });
    expect(cs.guard.reasons[0]).toContain('188 dari 200 penduduk');
    expect(cs.byKind.find((k: { kind: string }) => k.kind === 'MISSING')).toMatchObject({
      pending: 188,
      pendingEnding: 188,
    });

    // The report carries the alarm, and names kinds in words with the code beside.
    const x = await api('GET', `/api/v1/reconciliation/change-sets/${id}/download`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const summary = (wb.getWorksheet('Ringkasan')!.getSheetValues() as unknown[][])
      .filter(Boolean)
      .map((r) => r.slice(1));
    expect(summary).toContainEqual([
      'PERINGATAN',
      'Berkas mencurigakan: mungkin terpotong atau hanya sebagian wilayah',
    ]);
    expect(summary).toContainEqual(['Tidak ada dalam snapshot', 188]);
    expect(summary).toContainEqual(['Tidak ada dalam snapshot', 188, 'MISSING']);
    expect(summary).toContainEqual(['Meninggal dunia', 1, 'DEATH']);
  });

  it('refuses approving the missing in bulk, by kind or by item without the typed number, with a clear 422', async () => {
    const url = `/api/v1/reconciliation/change-sets/${id}/approve`;
    const all = await api('POST', url, {});
    expect(all.statusCode).toBe(422);
    expect(all.json().error).toMatchObject({ code: 'CONFIRMATION_REQUIRED', details: { ending: 188 } });
    expect(all.json().error.message).toBe(
      'Persetujuan ini akan mengakhiri 188 penduduk pada daftar perubahan yang ditandai mencurigakan. Ketik jumlahnya (188) sebagai konfirmasi untuk melanjutkan.',
    );
    const wrong = await api('POST', url, { kinds: ['MISSING'], confirmMissing: 187 });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toContain('(187) tidak sama dengan jumlah tersebut (188)');
    const missing = (await api('GET', `/api/v1/reconciliation/change-sets/${id}/items?kind=MISSING&pageSize=3`)).json()
      .items as { id: number }[];
    const byItem = await api('POST', url, { itemIds: missing.map((i) => i.id) });
    expect(byItem.statusCode).toBe(422);
    expect(byItem.json().error.details).toEqual({ ending: 3 });
    expect(await activeResidents()).toBe(200);
  });

  it('approves the death alone without a number; declining the missing closes the set and ends no one', async () => {
    const death = await api('POST', `/api/v1/reconciliation/change-sets/${id}/approve`, { kinds: ['DEATH'] });
    expect(death.statusCode).toBe(200);
    expect(death.json()).toMatchObject({ status: 'PENDING', approved: 1, pending: 188 });
    expect(await activeResidents()).toBe(199);
    const dec = await api('POST', `/api/v1/reconciliation/change-sets/${id}/decline`, { kinds: ['MISSING'] });
    expect(dec.json()).toMatchObject({ status: 'PARTIALLY_APPROVED', declined: 188, pending: 0 });
    expect(await activeResidents()).toBe(199);
  });

  it('applies the endings once the officer types their number', async () => {
    const current = [...people.slice(0, 11), { ...people[11]!, deathDate: '2026-11-20' }, ...people.slice(12, 150)];
    const r = await load('population', 'terpotong2.csv', POP_HEADER, lines(current), '2027-01-01');
    expect(r).toMatchObject({ suspect: true, changeTotals: { MISSING: 50 } });
    const url = `/api/v1/reconciliation/change-sets/${r.changeSetId}/approve`;
    expect((await api('POST', url, {})).statusCode).toBe(422);
    const ok = await api('POST', url, { confirmMissing: 50 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'APPROVED', approved: 50 });
    expect(await activeResidents()).toBe(149);
  });

  it('does not flag an ordinary month', async () => {
    const current = [...people.slice(0, 11), { ...people[11]!, deathDate: '2026-11-20' }, ...people.slice(12, 148)];
    const r = await load('population', 'biasa.csv', POP_HEADER, lines(current), '2027-02-01');
    expect(r).toMatchObject({ suspect: false, changeTotals: { MISSING: 2 } });
    expect((await api('POST', `/api/v1/reconciliation/change-sets/${r.changeSetId}/approve`, {})).statusCode).toBe(200);
  });
});

describe('a JKN file that would end most memberships is flagged suspect', () => {
  const jkn = (p: P, i: number) => `${p.nik},${String(i).padStart(13, '0')},X,PPU,3,AKTIF,2020-01-01,,`;

  it('needs the typed number of memberships ended before it is approved', async () => {
    await load('jkn', 'j1.csv', JKN_HEADER, people.slice(0, 40).map(jkn), '2027-02-01');
    const r = await load('jkn', 'j2.csv', JKN_HEADER, people.slice(0, 4).map(jkn), '2027-03-01');
    expect(r).toMatchObject({ review: 'PENDING', suspect: true, ended: 36 });
    const cs = (await api('GET', `/api/v1/reconciliation/change-sets/${r.changeSetId}`)).json();
    expect(cs.guard).toMatchObject({ before: 40, rows: 4, ending: 36, endingPercent: 90 });
    const url = `/api/v1/reconciliation/change-sets/${r.changeSetId}/approve`;
    const refused = await api('POST', url, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('mengakhiri 36 kepesertaan JKN');
    expect(await count('SELECT count(*) AS n FROM jkn_membership WHERE valid_to IS NULL')).toBe(40);
    expect((await api('POST', url, { confirmMissing: 36 })).statusCode).toBe(200);
    expect(await count('SELECT count(*) AS n FROM jkn_membership WHERE valid_to IS NULL')).toBe(4);
  });
});
