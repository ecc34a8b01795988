import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, tokenFor, type TestEnv } from '../helpers/system.js';
import { recordTestAudit } from '../helpers/factories.js';

/**
 * The audit log in words: each row carries its action and record type as words
 * beside the codes, filters are exact codes or a group, the pick-list options
 * come from the label table and the accounts, and the filtered log downloads as
 * XLSX — an export that is itself in the audit log.
 */
let t: TestEnv;
let auditor: string;
let userIds: number[] = [];

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: auditor } });

beforeAll(async () => {
  t = await testEnv();
  auditor = (await tokenFor(t.sys, 'auditor')).authorization;
  userIds = [];
  for (const name of ['petugas.satu', 'petugas.dua', 'petugas.tiga'])
    userIds.push((await t.sys.access.createUser({ username: name, role: 'sjp' })).id);
  await t.sys.access.resetPassword(userIds[0]!);
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/audit', () => {
  it('shows actions and records in words, with the account a user record is about', async () => {
    const r = await get('/api/v1/audit?action=user.create');
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as {
      action: string;
      actionLabel: string;
      entityLabel: string;
      entityId: string;
      entityRef: string;
    }[];
    // Three made here plus the auditor's own account.
    expect(items).toHaveLength(4);
    expect(
      items.every(
        (i) =>
          i.action === 'user.create' && i.actionLabel === 'Membuat akun pengguna' && i.entityLabel === 'Akun pengguna',
      ),
    ).toBe(true);
    expect(items.find((i) => i.entityId === String(userIds[1]))!.entityRef).toBe('petugas.dua');
  });

  it('filters by an exact code, not by every code that starts with it', async () => {
    // 'user.create' must not also match a hypothetical 'user.create_x'; a group ends in a dot.
    await recordTestAudit(t.sys, [{ action: 'user.create_x', entityType: 'user', entityId: '1' }]);
    const exact = (await get('/api/v1/audit?action=user.create')).json().items as { action: string }[];
    expect(exact.map((i) => i.action)).not.toContain('user.create_x');
    const group = (await get('/api/v1/audit?action=user.')).json().items as { action: string }[];
    expect(new Set(group.map((i) => i.action))).toEqual(
      new Set(['user.create', 'user.create_x', 'user.password_reset']),
    );
  });

  it('offers the pick-lists: labelled actions in groups and every account', async () => {
    const o = (await get('/api/v1/audit/options')).json();
    expect(o.actions).toContainEqual({
      value: 'sjp.approve',
      label: 'Menyetujui SJP (surat bernomor terbit)',
      group: 'SJP',
    });
    expect(o.users.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['petugas.satu', 'petugas.dua', 'petugas.tiga']),
    );
  });
});

describe('GET /api/v1/audit.xlsx', () => {
  it('exports the filtered log with actions in words and codes beside them, and records the export', async () => {
    const r = await get('/api/v1/audit.xlsx?action=user.');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="log-audit-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Log audit')!;
    const rows: string[][] = [];
    ws.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)))),
    );
    const headerAt = rows.findIndex((x) => x[0] === 'Waktu (WIB)');
    expect(rows[headerAt]).toEqual([
      'Waktu (WIB)',
      'Pengguna',
      'Peran',
      'Fasilitas',
      'Aksi',
      'Kode aksi',
      'Rekaman',
      'ID rekaman',
      'Asal (IP)',
      'Rincian',
    ]);
    const data = rows.slice(headerAt + 1);
    expect(data).toHaveLength(6); // 4 creations, 1 reset, 1 user.create_x
    expect(new Set(data.map((x) => x[5]))).toEqual(new Set(['user.create', 'user.password_reset', 'user.create_x']));
    const reset = data.find((x) => x[5] === 'user.password_reset')!;
    expect(reset[4]).toBe('Mengatur ulang kata sandi pengguna');
    expect(reset[6]).toBe('Akun pengguna');
    expect(reset[7]).toBe(`petugas.satu (#${userIds[0]})`);
    // A code without a label (here the inserted test row) still shows, as its code.
    expect(data.find((x) => x[5] === 'user.create_x')![4]).toBe('user.create_x');
    expect(rows[1]![0]).toContain('Saringan: aksi Semua aksi akun pengguna');

    await t.sys.audit.flush();
    const logged = await t.sys.db.query<{
      actor_role: string;
      details: { rows: number; filters: string[]; truncated: boolean };
    }>(`SELECT actor_role, details FROM audit_log WHERE action = 'audit.export'`);
    expect(logged.rows).toEqual([
      { actor_role: 'auditor', details: { rows: 6, filters: ['action'], truncated: false } },
    ]);
  });

  it('keeps a typed value that looks like a formula as text (no formula runs when the file is opened)', async () => {
    await recordTestAudit(t.sys, [
      {
        action: 'user.deactivate',
        entityType: 'user',
        entityId: '=1+2',
        details: { reason: '=HYPERLINK("http://x")' },
      },
    ]);
    const r = await get('/api/v1/audit.xlsx?action=user.deactivate');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Log audit')!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.String && String(c.value) === '=1+2')).toBe(true);
    expect(cells.some((c) => String(c.value).includes('reason: =HYPERLINK'))).toBe(true);
  });

  it('is refused to a role without audit.read', async () => {
    const { authorization } = await tokenFor(t.sys, 'sjp');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/audit.xlsx', headers: { authorization } })).statusCode,
    ).toBe(403);
  });
});
