import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { auditInTx } from '../../platform/audit/audit.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { normaliseIcd, onCompetencyList, parseReferenceRows, type ReferenceRow } from './rules/codes.js';

import type { ReferenceList } from './schemas.js';

export type { ReferenceList };

const TABLE: Record<ReferenceList, string> = { icd10: 'icd10', competency: 'primary_care_competency' };
const SHIPPED: Record<ReferenceList, string> = { icd10: 'icd10.csv', competency: 'primary-care-competency.csv' };

function parseCsv(text: string): { rows: ReferenceRow[]; problems: { line: number; message: string }[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';'],
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('kode') || !fields.includes('judul')) {
    throw invalid(
      'REFERENCE_HEADER',
      'Baris pertama berkas harus berisi kolom "kode" dan "judul" (lihat docs/contracts/icd10.md).',
    );
  }
  return parseReferenceRows(parsed.data);
}

async function upsert(tx: Queryable, list: ReferenceList, rows: ReferenceRow[]) {
  await tx.query(
    `INSERT INTO ${TABLE[list]} (code, title)
     SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title, loaded_at = now()`,
    [rows.map((r) => r.code), rows.map((r) => r.title)],
  );
}

/**
 * The ICD-10 reference table and the primary-care competency list (REF-6).
 * The shipped subset under `reference/` is loaded when a table is empty; the
 * admin loads a fuller list from a CSV (all-or-nothing: one bad line, nothing loaded).
 */
export function createIcdService(db: Db, referenceDir: string) {
  let competency: { set: Set<string>; at: number } | null = null;

  /** Loads the shipped lists into empty tables (start-up). */
  async function ensureShipped() {
    for (const list of ['icd10', 'competency'] as const) {
      const n = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${TABLE[list]}`);
      if (Number(n.rows[0]!.n) > 0) continue;
      const file = path.join(referenceDir, SHIPPED[list]);
      if (!fs.existsSync(file)) continue;
      const { rows, problems } = parseCsv(fs.readFileSync(file, 'utf8'));
      if (problems.length) throw new Error(`${file}: ${problems[0]!.message}`);
      await db.tx((tx) => upsert(tx, list, rows));
    }
  }

  /**
   * Loads a list from CSV text. The competency list is replaced as a whole; ICD
   * codes are added or retitled (never removed: referrals point to them).
   */
  async function load(list: ReferenceList, csvText: string) {
    const { rows, problems } = parseCsv(csvText);
    if (problems.length) {
      throw invalid(
        'REFERENCE_ROWS',
        `${problems.length} baris bermasalah; tidak ada yang dimuat. ${problems
          .slice(0, 3)
          .map((p) => p.message)
          .join(' ')}`,
        { problems: problems.slice(0, 100) },
      );
    }
    if (!rows.length) throw invalid('REFERENCE_EMPTY', 'Berkas tidak berisi satu baris data pun.');
    await db.tx(async (tx) => {
      if (list === 'competency') {
        const unknown = await tx.query<{ code: string }>(
          `SELECT c AS code FROM unnest($1::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM icd10 i WHERE i.code = c OR i.code LIKE c || '.%')`,
          [rows.map((r) => r.code)],
        );
        if (unknown.rows.length) {
          throw invalid(
            'REFERENCE_UNKNOWN_CODE',
            `Kode berikut belum ada di tabel ICD-10: ${unknown.rows
              .slice(0, 10)
              .map((r) => r.code)
              .join(', ')}. Muat tabel ICD-10 terlebih dahulu.`,
          );
        }
        await tx.query('DELETE FROM primary_care_competency');
      }
      await upsert(tx, list, rows);
      await auditInTx(tx, {
        action: `${list === 'icd10' ? 'icd' : 'competency'}.load`,
        entityType: TABLE[list],
        details: { rows: rows.length },
      });
    });
    competency = null;
    return { list, rows: rows.length };
  }

  /** Search by code prefix ("E11") or by words of the title ("gagal jantung"). */
  async function search(qRaw: string, limit = 20) {
    const q = qRaw.trim().replace(/\s+/g, ' ');
    if (!q) return { items: await page(`ORDER BY i.code LIMIT $1`, [limit]) };
    const asCode = q.toUpperCase().replace(/\s/g, '');
    if (/^[A-Z][0-9]{0,2}(\.[0-9A-Z]{0,4})?$/.test(asCode)) {
      return { items: await page(`WHERE i.code LIKE $2 || '%' ORDER BY i.code LIMIT $1`, [limit, asCode]) };
    }
    const words = q
      .toLowerCase()
      .split(' ')
      .filter((w) => w.length >= 2)
      .slice(0, 5);
    if (!words.length)
      throw invalid('ICD_QUERY', 'Ketik kode ICD-10 (mis. E11) atau minimal 2 huruf dari nama diagnosis.');
    const cond = words.map((_, i) => `lower(i.title) LIKE '%' || $${i + 2} || '%'`).join(' AND ');
    return {
      items: await page(`WHERE ${cond} ORDER BY i.code LIMIT $1`, [
        limit,
        ...words.map((w) => w.replace(/[%_\\]/g, '')),
      ]),
    };
  }

  async function page(where: string, params: unknown[]) {
    const set = await competencySet();
    const r = await db.query<{ code: string; title: string }>(`SELECT i.code, i.title FROM icd10 i ${where}`, params);
    return r.rows.map((x) => ({ code: x.code, title: x.title, primaryCare: onCompetencyList(x.code, set) }));
  }

  async function competencySet(): Promise<Set<string>> {
    if (competency && Date.now() - competency.at < 60_000) return competency.set;
    const r = await db.query<{ code: string }>('SELECT code FROM primary_care_competency');
    competency = { set: new Set(r.rows.map((x) => x.code)), at: Date.now() };
    return competency.set;
  }

  /** One code with its title and REF-6 flag; 404 when it is not in the table. */
  async function get(raw: string) {
    const code = normaliseIcd(raw);
    if (!code) throw invalid('INVALID_ICD', `"${raw.slice(0, 12)}" bukan kode ICD-10 (contoh: A09, E11.9).`);
    const r = await db.query<{ code: string; title: string }>('SELECT code, title FROM icd10 WHERE code = $1', [code]);
    if (!r.rows[0])
      throw notFound(
        'ICD_NOT_FOUND',
        `Kode ICD-10 ${code} tidak ada di tabel rujukan. Cari dengan kata kunci atau minta admin memuat tabel lengkap.`,
      );
    return { ...r.rows[0], primaryCare: onCompetencyList(code, await competencySet()) };
  }

  async function competencyList() {
    const r = await db.query<{ code: string; title: string }>(
      'SELECT code, title FROM primary_care_competency ORDER BY code',
    );
    return { items: r.rows };
  }

  return { ensureShipped, load, search, get, competencyList };
}

export type IcdService = ReturnType<typeof createIcdService>;
