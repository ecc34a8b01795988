import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/index.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { nikMismatch, parseNik } from './rules/nik.js';
import type { PersonRecord, SearchQuery } from './schemas.js';

const LIST_COLS = `p.nik, p.name, p.sex, p.birth_date, p.no_kk, p.relation, p.village_code, v.name AS village_name,
  p.ektp_recorded, p.death_date, p.moved_out_date`;

interface ListRow {
  nik: string;
  name: string;
  sex: 'L' | 'P';
  birth_date: string;
  no_kk: string;
  relation: string;
  village_code: string;
  village_name: string | null;
  ektp_recorded: boolean;
  death_date: string | null;
  moved_out_date: string | null;
}

function item(r: ListRow) {
  return {
    nik: r.nik,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    noKk: r.no_kk,
    relation: r.relation,
    villageCode: r.village_code,
    villageName: r.village_name,
    ektpRecorded: r.ektp_recorded,
    deathDate: r.death_date,
    movedOutDate: r.moved_out_date,
  };
}

const RELATION_ORDER = `CASE p.relation WHEN 'KEPALA KELUARGA' THEN 0 WHEN 'SUAMI' THEN 1 WHEN 'ISTRI' THEN 1 WHEN 'ANAK' THEN 2 ELSE 3 END`;

/** Person search, person record and family view; every person shown is an audited read. */
export function createPeopleService(db: Db, audit: AuditWriter) {
  async function search(query: SearchQuery) {
    const limit = query.limit;
    const q = query.q.trim().replace(/\s+/g, ' ');
    let rows: ListRow[];
    let kind: 'nik' | 'kk' | 'name';
    if (/^\d{16}$/.test(q)) {
      kind = 'nik';
      rows = (
        await db.query<ListRow>(
          `SELECT ${LIST_COLS} FROM person p LEFT JOIN admin_area v ON v.code = p.village_code WHERE p.nik = $1 OR p.no_kk = $1
           ORDER BY p.no_kk, ${RELATION_ORDER}, p.birth_date LIMIT $2`,
          [q, limit + 1],
        )
      ).rows;
      if (rows.some((r) => r.no_kk === q)) kind = 'kk';
    } else if (/^[\p{L} .'-]{3,}$/u.test(q)) {
      kind = 'name';
      const prefix = q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`);
      rows = (
        await db.query<ListRow>(
          `SELECT ${LIST_COLS} FROM person p LEFT JOIN admin_area v ON v.code = p.village_code
           WHERE p.name LIKE $1 ORDER BY p.name, p.birth_date LIMIT $2`,
          [`${prefix}%`, limit + 1],
        )
      ).rows;
    } else {
      throw invalid(
        'INVALID_QUERY',
        'Cari dengan NIK (16 digit), nomor KK (16 digit) atau awal nama (minimal 3 huruf).',
      );
    }
    const truncated = rows.length > limit;
    const shown = rows.slice(0, limit);
    await audit.record(
      shown.map((r) => ({ action: 'person.search', entityType: 'person', entityId: r.nik, details: { by: kind } })),
    );
    return { items: shown.map(item), truncated };
  }

  async function get(nik: string): Promise<PersonRecord> {
    if (!/^\d{16}$/.test(nik)) throw invalid('INVALID_NIK', 'NIK harus 16 digit angka.');
    const r = await db.query<ListRow & Record<string, unknown>>(
      `SELECT ${LIST_COLS}, p.birth_place, p.address, p.rt, p.rw, d.name AS district_name, p.first_seen_as_of, p.data_as_of
       FROM person p LEFT JOIN admin_area v ON v.code = p.village_code LEFT JOIN admin_area d ON d.code = left(p.village_code, 6)
       WHERE p.nik = $1`,
      [nik],
    );
    const p = r.rows[0];
    if (!p) throw notFound('PERSON_NOT_FOUND', 'NIK tidak terdapat dalam data kependudukan.');
    const j = await db.query<Record<string, unknown>>(
      `SELECT segment, class, status, card_number, arrears_months, valid_from FROM jkn_membership WHERE nik = $1 AND valid_to IS NULL`,
      [nik],
    );
    await audit.record({ action: 'person.read', entityType: 'person', entityId: nik });
    const parsed = parseNik(nik);
    const mismatch = parsed.ok ? nikMismatch(parsed.parts, p.birth_date, p.sex) : null;
    const nikWarnings: string[] = [];
    if (!parsed.ok) nikWarnings.push(parsed.problem.message);
    if (mismatch?.birthDate) nikWarnings.push('Tanggal lahir pada NIK tidak sesuai tanggal lahir tercatat.');
    if (mismatch?.sex) nikWarnings.push('Kode jenis kelamin pada NIK tidak sesuai jenis kelamin tercatat.');
    const jr = j.rows[0];
    return {
      person: {
        ...item(p),
        birthPlace: p.birth_place as string | null,
        address: p.address as string | null,
        rt: p.rt as string | null,
        rw: p.rw as string | null,
        districtName: p.district_name as string | null,
        firstSeenAsOf: p.first_seen_as_of as string,
        lastSeenAsOf: p.data_as_of as string,
        nikWarnings,
      },
      jkn: jr
        ? {
            segment: jr.segment as string,
            class: jr.class as number,
            status: jr.status as string,
            cardNumber: jr.card_number as string,
            arrearsMonths: jr.arrears_months as number | null,
            validFrom: jr.valid_from as string,
          }
        : null,
    };
  }

  async function family(noKk: string) {
    if (!/^\d{16}$/.test(noKk)) throw invalid('INVALID_KK', 'Nomor KK harus 16 digit angka.');
    const r = await db.query<ListRow>(
      `SELECT ${LIST_COLS} FROM person p LEFT JOIN admin_area v ON v.code = p.village_code WHERE p.no_kk = $1
       ORDER BY ${RELATION_ORDER}, p.birth_date`,
      [noKk],
    );
    if (r.rows.length === 0) throw notFound('FAMILY_NOT_FOUND', 'Nomor KK tidak terdapat dalam data kependudukan.');
    await audit.record(
      r.rows.map((m) => ({ action: 'person.read', entityType: 'person', entityId: m.nik, details: { via: 'family' } })),
    );
    return { noKk, hasHead: r.rows.some((m) => m.relation === 'KEPALA KELUARGA'), members: r.rows.map(item) };
  }

  return { search, get, family };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
