/**
 * Issue 11: an approval writes three modules' tables — the items (reconciliation), the register
 * (population) and the MEM-6 history (membership) — through their own functions but in one
 * transaction. When the last write fails, the register and the items are as they were, and the
 * same approval succeeds once the fault is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POP_HEADER, csv, nikFor, popLine, type PersonRow } from '../helpers/fixtures.js';
import { importFile, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
let officer: string;

const person = (kk: string, name: string, birth: string): PersonRow & { nik: string } => ({
  nik: nikFor(birth, 'L'),
  noKk: kk,
  name,
  sex: 'L',
  birthDate: birth,
  relation: 'KEPALA KELUARGA',
});
const a = person('3275010101400001', 'ADI TETAP', '1970-01-01');
const b = person('3275010101400002', 'BUDI WAFAT', '1950-02-02');
const c = person('3275010101400003', 'CANDRA DATANG', '1990-03-03');

const load = (name: string, rows: (PersonRow & { nik: string })[], asOf: string) =>
  importFile(t, 'population', name, csv(POP_HEADER, rows.map(popLine)), asOf);

async function state() {
  const one = async (sql: string) => (await t.sys.db.query<{ d: string | null }>(sql)).rows[0]!.d;
  return {
    person: await one(`SELECT md5(string_agg(p::text, '|' ORDER BY nik)) AS d FROM person p`),
    changes: await one(`SELECT count(*)::text AS d FROM membership_change`),
    decisions: await one(`SELECT string_agg(kind || ':' || decision, ',' ORDER BY kind) AS d FROM reconciliation_item`),
  };
}

beforeAll(async () => {
  t = await testEnv();
  officer = (await tokenFor(t.sys, 'kepesertaan')).authorization;
});
afterAll(async () => {
  await t?.close();
});

describe('an approval across modules', () => {
  it('rolls back the register and the decisions when the history cannot be written, and succeeds later', async () => {
    await load('base.csv', [a, b], '2026-11-01');
    const r = await load('next.csv', [a, { ...b, deathDate: '2026-11-20' }, c], '2026-12-01');
    const id = Number(r.changeSetId);
    expect(r.review).toBe('PENDING');
    const before = await state();
    expect(before.decisions).toBe('DEATH:PENDING,MOVE_IN:PENDING');

    // A fault in the membership module's table, after population has written its part in the same transaction.
    await t.sys.db.exec(`CREATE FUNCTION test_refuse_change() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'membership_change refused by the test'; END $$;
      CREATE TRIGGER test_refuse_change BEFORE INSERT ON membership_change FOR EACH ROW EXECUTE FUNCTION test_refuse_change()`);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reconciliation/change-sets/${id}/approve`,
      headers: { authorization: officer },
      payload: {},
    });
    expect(refused.statusCode).toBe(500);
    expect(await state()).toEqual(before);

    await t.sys.db.exec('DROP TRIGGER test_refuse_change ON membership_change; DROP FUNCTION test_refuse_change()');
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reconciliation/change-sets/${id}/approve`,
      headers: { authorization: officer },
      payload: {},
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'APPROVED',
      approved: 2,
      inserted: 1,
      updated: 1,
      membershipChanges: 2,
    });
    const after = await state();
    expect(after.decisions).toBe('DEATH:APPROVED,MOVE_IN:APPROVED');
    expect(after.changes).toBe(String(Number(before.changes) + 2));
    const dead = await t.sys.db.query<{ death_date: string }>('SELECT death_date FROM person WHERE nik = $1', [b.nik]);
    expect(dead.rows[0]!.death_date).toBe('2026-11-20');
  });

  it('refuses a decision nobody makes: approving outside any request or command changes nothing', async () => {
    const d = person('3275010101400004', 'DEDI DATANG', '1985-04-04');
    const r = await load('third.csv', [a, { ...b, deathDate: '2026-11-20' }, c, d], '2026-12-15');
    const id = Number(r.changeSetId);
    const before = await state();
    await expect(t.sys.reconciliation.approve(id, {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await state()).toEqual(before);
  });
});
