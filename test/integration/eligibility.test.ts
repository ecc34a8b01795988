import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithContext, systemContext } from '../../src/platform/http/context.js';
import { JKN_HEADER, POP_HEADER, csv, family, nikFor, popLine } from '../helpers/fixtures.js';
import { importPath, testEnv, tokenFor, writeTemp, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
let desk: { authorization: string; username: string };
const fam = family('3275010101200001', 'PRATAMA');
const [head, wife, child] = fam;
const pbi = {
  nik: nikFor('1955-04-04', 'L'),
  noKk: '3275010101200002',
  name: 'PAK PBI',
  sex: 'L' as const,
  birthDate: '1955-04-04',
  relation: 'KEPALA KELUARGA',
};
const dead = {
  nik: nikFor('1940-01-01', 'P'),
  noKk: '3275010101200003',
  name: 'ALMARHUMAH',
  sex: 'P' as const,
  birthDate: '1940-01-01',
  relation: 'KEPALA KELUARGA',
  deathDate: '2026-10-15',
};
const moved = {
  nik: nikFor('1988-08-08', 'L'),
  noKk: '3275010101200004',
  name: 'SUDAH PINDAH',
  sex: 'L' as const,
  birthDate: '1988-08-08',
  relation: 'KEPALA KELUARGA',
  movedOutDate: '2026-09-30',
};
const mismatch = {
  nik: nikFor('1970-01-01', 'L'),
  noKk: '3275010101200005',
  name: 'BEDA DATA',
  sex: 'P' as const,
  birthDate: '1970-01-01',
  relation: 'KEPALA KELUARGA',
};

const load = (kind: 'population' | 'jkn', file: string, asOf: string) =>
  importPath<Record<string, number>>(t.sys, kind, file, asOf);

function check(nik: string, date?: string, auth = desk.authorization) {
  return t.app.inject({
    method: 'GET',
    url: `/api/v1/eligibility?nik=${nik}${date ? `&date=${date}` : ''}`,
    headers: { authorization: auth },
  });
}

beforeAll(async () => {
  // A four-row JKN file with a bad row and a later partial one: past the file-level limits of issue 10,
  // which reconciliation-guard.test.ts tests; here only what eligibility makes of the data counts.
  t = await testEnv({ IMPORT_MAX_REJECTED_PERCENT: '100', IMPORT_SUSPECT_PERCENT: '100' });
  desk = await tokenFor(t.sys, 'rumahsakit', 'RS-TEST-01');
  await load(
    'population',
    writeTemp(t.dataDir, 'p.csv', csv(POP_HEADER, [...fam, pbi, dead, moved, mismatch].map(popLine))),
    '2026-11-01',
  );
  const jkn = [
    `${pbi.nik},0001111111111,PAK PBI,PBI_APBN,3,AKTIF,2019-01-01,,PKM-3275-001`,
    `${head!.nik},0002222222222,BUDI PRATAMA,PPU,1,AKTIF,2020-05-01,,PKM-3275-001`,
    `${wife!.nik},0003333333333,SITI PRATAMA,PBPU,3,NONAKTIF,2018-01-01,7,PKM-3275-001`,
    `9999019901990001,0004444444444,ORANG LUAR,PPU,2,AKTIF,,,`,
  ];
  await load('jkn', writeTemp(t.dataDir, 'j.csv', csv(JKN_HEADER, jkn)), '2026-11-01');
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/eligibility', () => {
  it('covers a resident, warning that JKN pays first for an active wage worker', async () => {
    const r = await check(head!.nik, '2026-11-22');
    expect(r.statusCode).toBe(200);
    const d = r.json();
    expect(d).toMatchObject({
      nik: head!.nik,
      date: '2026-11-22',
      eligible: true,
      basis: 'RESIDENT',
      person: { name: 'BUDI PRATAMA', sex: 'L', birthDate: '1980-03-15', familyNumber: '3275010101200001' },
      card: { status: 'NONE' },
      jkn: { segment: 'PPU', status: 'AKTIF', cardNumber: '0002222222222' },
      rule: { code: 'MEM-3.1' },
    });
    expect(d.reasons.map((x: { code: string }) => x.code)).toEqual(['JKN_COB']);
    expect(d.reasons[0].severity).toBe('WARN');
  });

  it('refuses a government-paid JKN member', async () => {
    const d = (await check(pbi.nik, '2026-11-22')).json();
    expect(d.eligible).toBe(false);
    expect(d.basis).toBeNull();
    expect(d.reasons).toContainEqual(expect.objectContaining({ code: 'PBI_JKN', severity: 'BLOCK' }));
  });

  it('answers from history: alive before the death date, not from it on', async () => {
    expect((await check(dead.nik, '2026-10-14')).json().eligible).toBe(true);
    const on = (await check(dead.nik, '2026-10-15')).json();
    expect(on.eligible).toBe(false);
    expect(on.reasons).toContainEqual(expect.objectContaining({ code: 'DECEASED', severity: 'BLOCK' }));
    expect((await check(moved.nik, '2026-09-29')).json().eligible).toBe(true);
    expect((await check(moved.nik, '2026-09-30')).json().reasons.map((x: { code: string }) => x.code)).toContain(
      'MOVED_OUT',
    );
  });

  it('uses the JKN data in force on the date asked about', async () => {
    // PBI from its start date 2019-01-01; before that there is no JKN row and the person is a plain resident.
    expect((await check(pbi.nik, '2018-06-01')).json().eligible).toBe(true);
    expect((await check(pbi.nik, '2019-01-01')).json().eligible).toBe(false);
    // A later file where the PBI membership is gone: covered from that date once approved (MEM-7), still refused before it.
    const later = await load(
      'jkn',
      writeTemp(
        t.dataDir,
        'j2.csv',
        csv(JKN_HEADER, [`${head!.nik},0002222222222,BUDI PRATAMA,PPU,1,AKTIF,2020-05-01,,PKM-3275-001`]),
      ),
      '2026-12-01',
    );
    expect((await check(pbi.nik, '2026-12-01')).json().eligible).toBe(false);
    await runWithContext(systemContext('test'), () => t.sys.reconciliation.approve(later.changeSetId!, {}));
    expect((await check(pbi.nik, '2026-11-30')).json().eligible).toBe(false);
    expect((await check(pbi.nik, '2026-12-01')).json().eligible).toBe(true);
  });

  it('explains inactive JKN, pending e-KTP, unknown NIKs, unborn persons and NIK/data mismatches', async () => {
    const w = (await check(wife!.nik, '2026-11-22')).json();
    expect(w.eligible).toBe(true);
    expect(w.reasons).toContainEqual(expect.objectContaining({ code: 'JKN_INACTIVE', severity: 'INFO' }));
    const c = (await check(child!.nik, '2026-11-22')).json();
    expect(c.card.status).toBe('PENDING_EKTP');
    expect(c.reasons).toContainEqual(expect.objectContaining({ code: 'CARD_PENDING_EKTP', severity: 'WARN' }));
    const nf = (await check(nikFor('1999-01-01', 'L'), '2026-11-22')).json();
    expect(nf).toMatchObject({ eligible: false, basis: null, person: null, card: null, jkn: null });
    expect(nf.reasons[0]).toMatchObject({ code: 'NOT_FOUND', severity: 'BLOCK' });
    const before = (await check(child!.nik, '2011-01-01')).json();
    expect(before.eligible).toBe(false);
    expect(before.reasons.map((x: { code: string }) => x.code)).toEqual(
      expect.arrayContaining(['NOT_YET_BORN', 'PROGRAM_NOT_IN_FORCE']),
    );
    const m = (await check(mismatch.nik, '2026-11-22')).json();
    expect(m.eligible).toBe(true);
    expect(m.reasons).toContainEqual(expect.objectContaining({ code: 'NIK_DATA_MISMATCH', severity: 'WARN' }));
  });

  it('rejects malformed input with the contract codes and looks nothing up', async () => {
    const bad = await check('12345');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: { code: 'INVALID_NIK', message: 'NIK harus 16 digit angka.' } });
    expect((await check('3275013513800001')).json().error.code).toBe('INVALID_NIK');
    const d = await check(head!.nik, '2026-02-30');
    expect(d.statusCode).toBe(400);
    expect(d.json().error.code).toBe('INVALID_DATE');
    expect((await check(head!.nik, '22-11-2026')).json().error.code).toBe('INVALID_DATE');
  });

  it('defaults the date to today in Asia/Jakarta', async () => {
    const d = (await check(head!.nik)).json();
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(d.date).toBe(today);
  });

  it('needs credentials and a role that may check', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/eligibility?nik=${head!.nik}` })).statusCode).toBe(401);
    expect((await check(head!.nik, undefined, 'Bearer jk_notatoken')).statusCode).toBe(401);
    const admin = await tokenFor(t.sys, 'admin');
    expect((await check(head!.nik, undefined, admin.authorization)).statusCode).toBe(403);
  });

  it('records who asked, for which NIK and from which facility', async () => {
    await check(dead.nik, '2026-11-01');
    await t.sys.audit.flush();
    const a = await t.sys.db.query<Record<string, unknown>>(
      `SELECT actor_username, actor_role, facility_code, action, entity_type, details FROM audit_log
       WHERE entity_id = $1 AND action = 'eligibility.check' ORDER BY id DESC LIMIT 1`,
      [dead.nik],
    );
    expect(a.rows[0]).toMatchObject({
      actor_username: desk.username,
      actor_role: 'rumahsakit',
      facility_code: 'RS-TEST-01',
      entity_type: 'person',
      details: { date: '2026-11-01' },
    });
  });

  it('gives no answer when its audit record cannot be written', async () => {
    await t.sys.db
      .exec(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$;
      CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit();`);
    try {
      const r = await check(head!.nik, '2026-11-22');
      expect(r.statusCode).toBe(500);
      expect(r.body).not.toContain('PRATAMA');
    } finally {
      await t.sys.db.exec('DROP TRIGGER refuse_audit ON audit_log; DROP FUNCTION refuse_audit();');
    }
    expect((await check(head!.nik, '2026-11-22')).statusCode).toBe(200);
  });

  it('keeps the audit log append-only', async () => {
    await expect(t.sys.db.query('UPDATE audit_log SET action = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(t.sys.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('POST /api/v1/eligibility/batch', () => {
  it('answers every NIK in the order asked, each audited', async () => {
    const niks = [pbi.nik, head!.nik, dead.nik, nikFor('2000-01-01', 'P')];
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility/batch',
      headers: { authorization: desk.authorization },
      payload: { date: '2026-11-20', niks },
    });
    expect(r.statusCode).toBe(200);
    const results = r.json().results as { nik: string; eligible: boolean }[];
    expect(results.map((x) => x.nik)).toEqual(niks);
    expect(results.map((x) => x.eligible)).toEqual([false, true, false, false]);
  });

  it('refuses more than 1000 NIKs and a malformed NIK, saying which', async () => {
    const many = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility/batch',
      headers: { authorization: desk.authorization },
      payload: { niks: Array.from({ length: 1001 }, () => head!.nik) },
    });
    expect(many.statusCode).toBe(400);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility/batch',
      headers: { authorization: desk.authorization },
      payload: { niks: [head!.nik, 'abc'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_NIK' });
    expect(bad.json().error.message).toContain('NIK ke-2');
  });
});
