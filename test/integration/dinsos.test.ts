/**
 * Dinas Sosial recommendation letters (DIN-1, MEM-3.3) through HTTP: issuing,
 * numbering, refusals, revocation, the PDF, the public verification page and
 * the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayJakarta, addDays } from '../../src/platform/calendar/index.js';
import { runWithContext, systemContext } from '../../src/platform/http/context.js';
import { seedDemoRecommendations } from '../../src/modules/dinsos/demo.js';
import { POP_HEADER, csv, family, nikFor, popLine } from '../helpers/fixtures.js';
import { importFile, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

let t: TestEnv;
let dinsos: string;
let sjp: string;
const TODAY = todayJakarta();
const YEAR = Number(TODAY.slice(0, 4));
const [budi, siti, ayu] = family('3275010101900201', 'REKOMEN');
const gone = {
  nik: nikFor('1970-01-01', 'L'),
  noKk: '3275010101900202',
  name: 'PINDAH KELUAR',
  sex: 'L' as const,
  birthDate: '1970-01-01',
  relation: 'KEPALA KELUARGA',
  movedOutDate: addDays(TODAY, -30),
};
const dead = {
  nik: nikFor('1950-06-06', 'P'),
  noKk: '3275010101900203',
  name: 'SUDAH WAFAT',
  sex: 'P' as const,
  birthDate: '1950-06-06',
  relation: 'KEPALA KELUARGA',
  deathDate: addDays(TODAY, -10),
};

const api = (method: 'GET' | 'POST', url: string, auth: string | null, payload?: object, remoteAddress?: string) =>
  t.app.inject({ method, url, headers: auth ? { authorization: auth } : {}, payload, remoteAddress });

/** POST /api/v1/recommendations as the Dinas Sosial officer. */
const issue = (body: object) => api('POST', '/api/v1/recommendations', dinsos, body);

/** A person outside the population data (special groups), with a NIK that agrees with the birth date and sex given. */
function stranger(birthDate = '1988-04-12', sex: 'L' | 'P' = 'L') {
  return { nik: nikFor(birthDate, sex), person: { name: 'joko  prasetyo', birthDate, sex } };
}

function inmate(overrides: Record<string, unknown> = {}) {
  const s = stranger();
  return {
    nik: s.nik,
    category: 'WARGA_BINAAN_LAPAS',
    institution: 'Lapas Kelas IIA Bekasi',
    reason: 'Warga binaan memerlukan rawat inap.',
    person: s.person,
    ...overrides,
  };
}

const poor = (nik: string, overrides: Record<string, unknown> = {}) => ({
  nik,
  category: 'TIDAK_MAMPU',
  reason: 'Hasil asesmen pekerja sosial: tidak mampu.',
  ...overrides,
});

async function counts() {
  const r = await t.sys.db.query<{ letters: number; counter: number | null }>(
    'SELECT (SELECT count(*) FROM recommendation) AS letters, (SELECT sum(last_seq) FROM recommendation_counter) AS counter',
  );
  return { letters: Number(r.rows[0]!.letters), counter: Number(r.rows[0]!.counter ?? 0) };
}

beforeAll(async () => {
  t = await testEnv({ PUBLIC_URL: 'https://jamkesda.example.go.id' });
  await importFile(
    t,
    'population',
    'p.csv',
    csv(POP_HEADER, [budi!, siti!, ayu!, gone, dead].map(popLine)),
    addDays(TODAY, -1),
  );
  dinsos = (await tokenFor(t.sys, 'dinsos')).authorization;
  sjp = (await tokenFor(t.sys, 'sjp')).authorization;
});
afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

describe('issuing a letter', () => {
  let firstId: number;

  it('issues a TIDAK_MAMPU letter for a resident, numbered 0001 of the year, with the population record and default validity', async () => {
    const r = await issue(poor(budi!.nik));
    expect(r.statusCode, r.body).toBe(201);
    const l = r.json();
    firstId = l.id;
    expect(l).toMatchObject({
      number: `0001/REK-JKD/DINSOS/${YEAR}`,
      nik: budi!.nik,
      personName: 'BUDI REKOMEN',
      birthDate: '1980-03-15',
      noKk: budi!.noKk,
      category: 'TIDAK_MAMPU',
      institution: null,
      validFrom: TODAY,
      status: 'ACTIVE',
      state: 'ACTIVE',
      inPopulation: true,
      issuedOn: TODAY,
      nikWarnings: [],
    });
    expect(l.address).toContain('JL. MAWAR NO. 1, RT 001/RW 002');
    expect(l.address).toMatch(/Kec\. /);
    // 6 months by default: the day before the same date six months on.
    const [y, m, d] = TODAY.split('-').map(Number);
    const sixMonths = new Date(Date.UTC(y!, m! - 1 + 6, Math.min(d!, 28)));
    expect(l.validTo > addDays(sixMonths.toISOString().slice(0, 10), -5)).toBe(true);
    expect(l.verifyUrl).toBe(`https://jamkesda.example.go.id/verifikasi/rekomendasi/${l.verifyCode}`);
    expect(l.verifyCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
  });

  it('records the write in the audit log without the name or NIK in its details', async () => {
    const a = await t.sys.db.query<{ actor_role: string; details: Record<string, unknown> }>(
      `SELECT actor_role, details FROM audit_log WHERE action = 'recommendation.create' AND entity_type = 'recommendation' AND entity_id = $1`,
      [String(firstId)],
    );
    expect(a.rows).toHaveLength(1);
    expect(a.rows[0]!.actor_role).toBe('dinsos');
    const details = JSON.stringify(a.rows[0]!.details);
    expect(details).toContain(`0001/REK-JKD/DINSOS/${YEAR}`);
    expect(details).not.toContain(budi!.nik);
    expect(details).not.toContain('BUDI');
  });

  it('issues for a special-group person outside the population data from the identity entered', async () => {
    const body = inmate();
    const r = await issue(body);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      number: `0002/REK-JKD/DINSOS/${YEAR}`,
      nik: body.nik,
      personName: 'JOKO PRASETYO',
      sex: 'L',
      birthDate: '1988-04-12',
      noKk: null,
      inPopulation: false,
      institution: 'Lapas Kelas IIA Bekasi',
      category: 'WARGA_BINAAN_LAPAS',
    });
  });

  it('flags, without refusing, a NIK whose birth date disagrees with the identity entered (MEM-2)', async () => {
    const s = stranger('1990-02-02', 'P');
    const r = await api(
      'POST',
      '/api/v1/recommendations',
      dinsos,
      inmate({
        nik: s.nik,
        category: 'PENGHUNI_PANTI',
        institution: 'Panti Sosial Bina Laras',
        person: { ...s.person, birthDate: '1990-02-03' },
      }),
    );
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().nikWarnings).toHaveLength(1);
  });

  it('numbers letters without gaps when many are issued at once', async () => {
    const before = await counts();
    const bodies = Array.from({ length: 8 }, (_, i) => inmate({ ...stranger(`19${60 + i}-05-0${1 + (i % 9)}`) }));
    const rs = await Promise.all(bodies.map((b) => issue(b)));
    expect(rs.map((r) => r.statusCode)).toEqual(bodies.map(() => 201));
    const seqs = rs.map((r) => Number(r.json().number.slice(0, 4))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 8 }, (_, i) => before.counter + 1 + i));
    expect(await counts()).toEqual({ letters: before.letters + 8, counter: before.counter + 8 });
  });

  it('restarts numbering each year and carries on the current year afterwards', async () => {
    const next = `${YEAR + 1}-01-02T03:00:00Z`; // 10:00 WIB on 2 January
    const current = (await counts()).counter;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(next));
    try {
      const a = await issue(inmate());
      const b = await issue(inmate());
      expect(a.statusCode, a.body).toBe(201);
      expect([a.json().number, b.json().number]).toEqual([
        `0001/REK-JKD/DINSOS/${YEAR + 1}`,
        `0002/REK-JKD/DINSOS/${YEAR + 1}`,
      ]);
      expect(a.json().issuedOn).toBe(`${YEAR + 1}-01-02`);
    } finally {
      vi.useRealTimers();
    }
    const c = await issue(inmate());
    expect(c.json().number).toBe(`${String(current + 1).padStart(4, '0')}/REK-JKD/DINSOS/${YEAR}`);
  });
});

describe('refusals leave nothing behind', () => {
  async function refused(body: object, status: number, code: string) {
    const before = await counts();
    const r = await issue(body);
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json().error.code).toBe(code);
    expect(await counts()).toEqual(before);
    return r.json().error;
  }

  it('refuses a second letter overlapping an active one for the same NIK', async () => {
    const e = await refused(poor(budi!.nik, { validFrom: addDays(TODAY, 20) }), 409, 'RECOMMENDATION_OVERLAP');
    expect(e.message).toContain(`0001/REK-JKD/DINSOS/${YEAR}`);
    expect(e.details.overlapping).toHaveLength(1);
  });

  it('lets only one of two simultaneous letters for the same NIK through', async () => {
    const before = await counts();
    const body = inmate({ category: 'ORANG_TERLANTAR', institution: 'Rumah Singgah' });
    const rs = await Promise.all([1, 2].map(() => issue(body)));
    expect(rs.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await counts()).toEqual({ letters: before.letters + 1, counter: before.counter + 1 });
  });

  it('accepts a letter that starts the day after another ends', async () => {
    const s = stranger('1975-08-08');
    const first = await issue(
      inmate({ ...s, category: 'TAHANAN', institution: 'Rutan Polres', validTo: addDays(TODAY, 9) }),
    );
    expect(first.statusCode, first.body).toBe(201);
    await refused(
      inmate({ ...s, category: 'TAHANAN', institution: 'Rutan Polres', validFrom: addDays(TODAY, 9) }),
      409,
      'RECOMMENDATION_OVERLAP',
    );
    const second = await issue(
      inmate({ ...s, category: 'TAHANAN', institution: 'Rutan Kejaksaan', validFrom: addDays(TODAY, 10) }),
    );
    expect(second.statusCode, second.body).toBe(201);
  });

  it('refuses TIDAK_MAMPU for a NIK outside the population data, a person who moved out, and a deceased person', async () => {
    const e = await refused(poor(stranger().nik), 422, 'NOT_RESIDENT');
    expect(e.message).toMatch(/data kependudukan/);
    await refused(poor(gone.nik), 422, 'NOT_RESIDENT');
    await refused(poor(dead.nik), 422, 'PERSON_DECEASED');
    await refused(inmate({ nik: dead.nik }), 422, 'PERSON_DECEASED');
  });

  it('refuses a special group without its institution, and an unknown person without identity', async () => {
    const e = await refused(inmate({ institution: '' }), 422, 'INSTITUTION_REQUIRED');
    expect(e.message).toMatch(/lembaga/i);
    await refused(inmate({ category: 'ORANG_TERLANTAR', institution: undefined }), 422, 'INSTITUTION_REQUIRED');
    const p = await refused(inmate({ person: null }), 400, 'PERSON_NAME_REQUIRED');
    expect(p.details.problems.map((x: { field: string }) => x.field)).toEqual([
      'person.name',
      'person.birthDate',
      'person.sex',
    ]);
  });

  it('refuses a malformed NIK, an unknown category and a validity beyond the limit', async () => {
    await refused(poor('3275011503800000'), 400, 'INVALID_NIK');
    await refused(poor(siti!.nik, { category: 'MISKIN' }), 400, 'INVALID_CATEGORY');
    const e = await refused(
      inmate({ category: 'TAHANAN', institution: 'Rutan', validTo: addDays(TODAY, 60) }),
      422,
      'VALIDITY_TOO_LONG',
    );
    expect(e.message).toContain('60 hari');
    await refused(poor(siti!.nik, { validFrom: addDays(TODAY, -8) }), 422, 'VALID_FROM_TOO_EARLY');
  });

  it('refuses issuing to roles that may only read', async () => {
    const r = await api('POST', '/api/v1/recommendations', sjp, poor(siti!.nik));
    expect(r.statusCode).toBe(403);
  });
});

describe('revoking', () => {
  it('revokes from today by default; the letter stays listed and the NIK may get a new letter from today', async () => {
    const l = (await issue(poor(siti!.nik))).json();
    const bad = await api('POST', `/api/v1/recommendations/${l.id}/revoke`, dinsos, {
      reason: 'Salah data',
      revokedOn: addDays(TODAY, -1),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('REVOKE_BEFORE_START');
    const r = await api('POST', `/api/v1/recommendations/${l.id}/revoke`, dinsos, {
      reason: 'Sudah terdaftar PBI JKN.',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'REVOKED',
      state: 'REVOKED',
      revokedOn: TODAY,
      revokeReason: 'Sudah terdaftar PBI JKN.',
      coverageEnd: null,
    });
    expect(r.json().revokedByName).toMatch(/^dinsos-/);
    const again = await api('POST', `/api/v1/recommendations/${l.id}/revoke`, dinsos, { reason: 'Sekali lagi' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_REVOKED');

    const listed = (await api('GET', `/api/v1/recommendations?q=${siti!.nik}`, sjp)).json();
    expect(listed.items.map((i: { id: number; state: string }) => [i.id, i.state])).toEqual([[l.id, 'REVOKED']]);
    const renewed = await issue(poor(siti!.nik));
    expect(renewed.statusCode, renewed.body).toBe(201);

    const a = await t.sys.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'recommendation.revoke' AND entity_id = $1`,
      [String(l.id)],
    );
    expect(a.rows).toHaveLength(1);
  });

  it('keeps covering until a future revocation date and refuses overlaps until then', async () => {
    const s = stranger('1966-06-16');
    const l = (await issue(inmate({ ...s, category: 'PENGHUNI_PANTI', institution: 'Panti Werdha' }))).json();
    const r = await api('POST', `/api/v1/recommendations/${l.id}/revoke`, dinsos, {
      reason: 'Keluar dari panti',
      revokedOn: addDays(TODAY, 5),
    });
    expect(r.json()).toMatchObject({ status: 'REVOKED', state: 'ACTIVE', coverageEnd: addDays(TODAY, 4) });
    const clash = await issue(
      inmate({ ...s, category: 'PENGHUNI_PANTI', institution: 'Panti Lain', validFrom: addDays(TODAY, 4) }),
    );
    expect(clash.json().error.code).toBe('RECOMMENDATION_OVERLAP');
    const after = await issue(
      inmate({ ...s, category: 'PENGHUNI_PANTI', institution: 'Panti Lain', validFrom: addDays(TODAY, 5) }),
    );
    expect(after.statusCode, after.body).toBe(201);
  });
});

describe('reading, searching and printing', () => {
  it('finds letters by number, NIK, name, state, category and expiry', async () => {
    const byNumber = (
      await api('GET', `/api/v1/recommendations?q=${encodeURIComponent(`0001/REK-JKD/DINSOS/${YEAR}`)}`, sjp)
    ).json();
    expect(byNumber.items.map((i: { nik: string }) => i.nik)).toEqual([budi!.nik]);
    const byPrefix = (await api('GET', '/api/v1/recommendations?q=0002', sjp)).json();
    expect(byPrefix.items.every((i: { number: string }) => i.number.startsWith('0002/'))).toBe(true);
    expect(byPrefix.total).toBe(2); // this year's and next year's 0002
    const byName = (await api('GET', '/api/v1/recommendations?q=budi%20rek', sjp)).json();
    expect(byName.items).toHaveLength(1);
    const revoked = (await api('GET', '/api/v1/recommendations?status=REVOKED', sjp)).json();
    expect(revoked.items.map((i: { nik: string }) => i.nik)).toEqual([siti!.nik]);
    const notYet = (await api('GET', '/api/v1/recommendations?status=NOT_YET_VALID', sjp)).json();
    expect(notYet.items.every((i: { state: string }) => i.state === 'NOT_YET_VALID')).toBe(true);
    expect(notYet.total).toBeGreaterThanOrEqual(3); // next year's letters and the ones starting later
    const active = (await api('GET', '/api/v1/recommendations?status=ACTIVE&limit=200', sjp)).json();
    expect(active.items.every((i: { state: string }) => i.state === 'ACTIVE')).toBe(true);
    const all = (await api('GET', '/api/v1/recommendations?limit=200', sjp)).json();
    expect(all.total).toBe((await counts()).letters);
    const tahanan = (await api('GET', '/api/v1/recommendations?category=TAHANAN', sjp)).json();
    expect(tahanan.items.map((i: { institution: string }) => i.institution).sort()).toEqual([
      'Rutan Kejaksaan',
      'Rutan Polres',
    ]);
    const soon = (await api('GET', '/api/v1/recommendations?expiringWithinDays=30', sjp)).json();
    // Soonest end first; the panti letter is revoked from a later date, so its coverage ends before its printed end.
    expect(soon.items.map((i: { institution: string }) => i.institution)).toEqual(['Panti Werdha', 'Rutan Polres']);
    const bad = await api('GET', '/api/v1/recommendations?q=%3F%3F', sjp);
    expect(bad.statusCode).toBe(400);
  });

  it('audits every person shown in a list and every letter read', async () => {
    const before = await t.sys.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'recommendation.list'`,
    );
    const r = (await api('GET', '/api/v1/recommendations?category=TAHANAN', sjp)).json();
    await t.sys.audit.flush();
    const after = await t.sys.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'recommendation.list'`,
    );
    expect(Number(after.rows[0]!.n) - Number(before.rows[0]!.n)).toBe(r.items.length);
    const one = await api('GET', `/api/v1/recommendations/${r.items[0].id}`, sjp);
    expect(one.statusCode).toBe(200);
    const a = await t.sys.db.query<{ entity_id: string; actor_role: string }>(
      `SELECT entity_id, actor_role FROM audit_log WHERE action = 'recommendation.read' ORDER BY id DESC LIMIT 1`,
    );
    expect(a.rows[0]).toEqual({ entity_id: r.items[0].nik, actor_role: 'sjp' });
    expect((await api('GET', '/api/v1/recommendations/999999', sjp)).statusCode).toBe(404);
  });

  it('looks up a NIK for the form: the population record, its letters and each category limit', async () => {
    const r = await api('GET', `/api/v1/recommendations/lookup?nik=${budi!.nik}`, dinsos);
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.person).toMatchObject({ name: 'BUDI REKOMEN', resident: true, nikWarnings: [] });
    expect(b.letters.map((l: { number: string }) => l.number)).toEqual([`0001/REK-JKD/DINSOS/${YEAR}`]);
    expect(b.categories.find((c: { code: string }) => c.code === 'TAHANAN')).toMatchObject({
      unit: 'day',
      maxLength: 60,
      maxValidTo: addDays(TODAY, 59),
    });
    const unknown = (await api('GET', `/api/v1/recommendations/lookup?nik=${stranger().nik}`, dinsos)).json();
    expect(unknown.person).toBeNull();
    expect((await api('GET', `/api/v1/recommendations/lookup?nik=${gone.nik}`, dinsos)).json().person.resident).toBe(
      false,
    );
    expect((await api('GET', '/api/v1/recommendations/lookup?nik=123', dinsos)).json().error.code).toBe('INVALID_NIK');
    const a = await t.sys.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'recommendation.lookup' AND entity_id = $1`,
      [budi!.nik],
    );
    expect(a.rows).toHaveLength(1);
  });

  it('prints a real one-page A4 PDF, for read-only roles too, and audits the print', async () => {
    const r = await api('GET', '/api/v1/recommendations/1/pdf', sjp);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="rekomendasi-0001-rek-jkd-dinsos-${YEAR}.pdf"`);
    const pdf = r.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF/);
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(text).toContain(`Surat Rekomendasi 0001/REK-JKD/DINSOS/${YEAR}`);
    expect(text).toContain('/Subtype /Image'); // the QR code
    const a = await t.sys.db.query(`SELECT 1 FROM audit_log WHERE action = 'recommendation.print' AND entity_id = $1`, [
      budi!.nik,
    ]);
    expect(a.rows).toHaveLength(1);
    expect((await api('GET', '/api/v1/recommendations/999999/pdf', sjp)).statusCode).toBe(404);
  });

  it('writes the letterhead of the city the population belongs to', async () => {
    expect((await t.sys.recommendations.issuerLetterhead()).government).toBe('PEMERINTAH KOTA BEKASI');
  });
});

describe('public verification', () => {
  it('reveals only validity, state, initials and dates, without logging in', async () => {
    const l = (await api('GET', '/api/v1/recommendations/1', dinsos)).json();
    const r = await api('GET', `/api/v1/public/recommendations/${l.verifyCode}`, null, undefined, '10.9.0.1');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      valid: true,
      status: 'ACTIVE',
      initials: 'B. R.',
      validFrom: l.validFrom,
      validTo: l.validTo,
    });
    expect(r.body).not.toContain('BUDI');
    expect(r.body).not.toContain(budi!.nik);
    // Lower case and dashes, as a person may type it from the paper.
    const typed = l.verifyCode.toLowerCase().replace(/(.{4})(?=.)/g, '$1-');
    expect(
      (await api('GET', `/api/v1/public/recommendations/${typed}`, null, undefined, '10.9.0.1')).json().valid,
    ).toBe(true);
    const a = await t.sys.db.query<{ actor_id: number | null; ip: string }>(
      `SELECT actor_id, ip FROM audit_log WHERE action = 'recommendation.verify' AND entity_id = $1`,
      [String(l.id)],
    );
    expect(a.rows.length).toBeGreaterThanOrEqual(2);
    expect(a.rows[0]).toEqual({ actor_id: null, ip: '10.9.0.1' });
  });

  it('says a revoked letter is no longer valid, and an unknown code is not found', async () => {
    const revoked = (await api('GET', '/api/v1/recommendations?status=REVOKED', dinsos)).json().items[0];
    const code = (await api('GET', `/api/v1/recommendations/${revoked.id}`, dinsos)).json().verifyCode;
    const r = (await api('GET', `/api/v1/public/recommendations/${code}`, null, undefined, '10.9.0.2')).json();
    expect(r).toMatchObject({ valid: false, status: 'REVOKED', initials: 'S. R.' });
    const missing = await api('GET', '/api/v1/public/recommendations/ABCDEFGHJKMN', null, undefined, '10.9.0.2');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('RECOMMENDATION_NOT_FOUND');
  });

  it('is rate-limited per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++)
      codes.push(
        (await api('GET', '/api/v1/public/recommendations/ABCDEFGHJKMN', null, undefined, '10.9.9.9')).statusCode,
      );
    expect(codes.slice(0, 30).every((c) => c === 404)).toBe(true);
    expect(codes[30]).toBe(429);
    expect(
      (await api('GET', '/api/v1/public/recommendations/ABCDEFGHJKMN', null, undefined, '10.9.9.10')).statusCode,
    ).toBe(404);
  });
});

describe('demo letters', () => {
  it('creates a few letters for residents and special groups, and adds nothing when run again', async () => {
    const first = await runWithContext(systemContext('cli:test'), () =>
      seedDemoRecommendations(t.sys.db, t.sys.recommendations, { residents: 1 }),
    );
    // Budi, Siti and the child already hold letters or are too young; the special groups are new.
    expect(first.numbers).toHaveLength(3);
    const revoked = await t.sys.db.query<{ issuer_name: string }>(
      `SELECT issuer_name FROM recommendation WHERE category = 'ORANG_TERLANTAR' AND status = 'REVOKED'`,
    );
    expect(revoked.rows).toEqual([{ issuer_name: 'Petugas Dinas Sosial' }]);
    const again = await runWithContext(systemContext('cli:test'), () =>
      seedDemoRecommendations(t.sys.db, t.sys.recommendations, { residents: 1 }),
    );
    expect(again.numbers).toEqual([]);
  });
});
