/**
 * The one letterhead (kop surat) every printed letter uses: the SJP letter,
 * the Dinas Sosial recommendation, the referral and back-referral letters and
 * the KS-NIK card. The region ("Kota Bekasi") and the offices' addresses are a
 * setting the administrator keeps (`letterhead_setting`, migration 0022);
 * until it is set, letters take the region the population data belongs to,
 * and without that the generic "PEMERINTAH KOTA".
 *
 * Also here: who signs. A letter prints the officer's full name and NIP from
 * the user profile (`app_user.full_name`, `nip`, `position`, migration 0021),
 * never the login name unless the profile has no name.
 */
import { auditInTx } from '../audit/audit.js';
import type { Db, Queryable } from '../db/index.js';
import { authorId, requireActor } from '../http/actor.js';
import type { App } from '../http/app.js';
import type { Pdf } from './pdf.js';
import { letterheadAnswer, letterheadBody, REGION_KINDS, type LetterheadInput } from './schemas.js';

export { REGION_KINDS };
export type RegionKind = (typeof REGION_KINDS)[number];

export interface LetterheadSetting {
  regionKind: RegionKind;
  /** The place name without the kind, as written in letters: "Bekasi". */
  regionName: string;
  healthOfficeAddress: string | null;
  socialOfficeAddress: string | null;
  updatedAt: string | null;
}

export type Office = 'HEALTH' | 'SOCIAL';

export interface Letterhead {
  /** "PEMERINTAH KOTA BEKASI" */
  government: string;
  /** "DINAS KESEHATAN" */
  office: string;
  /** "Kota Bekasi"; null when the region is unknown. */
  region: string | null;
  /** "Kepala Dinas Sosial Kota Bekasi" */
  head: string;
  /** Where the letter is signed: "Bekasi"; null when unknown. */
  place: string | null;
  address: string | null;
}

const OFFICE: Record<Office, { name: string; title: string }> = {
  HEALTH: { name: 'DINAS KESEHATAN', title: 'Dinas Kesehatan' },
  SOCIAL: { name: 'DINAS SOSIAL', title: 'Dinas Sosial' },
};

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** "KOTA BEKASI" / "KABUPATEN PESAWARAN" (admin_area names) → kind and place; null for anything else. */
export function regionFromAreaName(name: string | null): { kind: RegionKind; name: string } | null {
  const m = /^(KOTA|KABUPATEN|KAB\.)\s+(.+)$/.exec(name?.trim().replace(/\s+/g, ' ').toUpperCase() ?? '');
  if (!m) return null;
  return { kind: m[1] === 'KOTA' ? 'KOTA' : 'KABUPATEN', name: titleCase(m[2]!.replace(/^ADMINISTRASI\s+/, '')) };
}

/** The letterhead of one office: from the setting, else the population's region, else generic. */
export function letterheadFor(
  office: Office,
  setting: LetterheadSetting | null,
  fallbackAreaName: string | null,
): Letterhead {
  const o = OFFICE[office];
  const region = setting
    ? { kind: setting.regionKind, name: setting.regionName.trim() }
    : regionFromAreaName(fallbackAreaName);
  const address = (office === 'HEALTH' ? setting?.healthOfficeAddress : setting?.socialOfficeAddress)?.trim() || null;
  if (!region)
    return {
      government: 'PEMERINTAH KOTA',
      office: o.name,
      region: null,
      head: `Kepala ${o.title}`,
      place: null,
      address,
    };
  const kind = region.kind === 'KOTA' ? 'Kota' : 'Kabupaten';
  return {
    government: `PEMERINTAH ${region.kind} ${region.name.toUpperCase()}`,
    office: o.name,
    region: `${kind} ${region.name}`,
    head: `Kepala ${o.title} ${kind} ${region.name}`,
    place: region.name,
    address,
  };
}

/**
 * Draws the letterhead at the top of the page and returns the y below its
 * double rule. A facility's own letter (referral, back-referral) carries the
 * facility's name as the issuer, under the program of the region.
 */
export function drawLetterhead(
  doc: Pdf,
  head: Letterhead,
  box: { left: number; width: number; top?: number; issuer?: string },
): number {
  const { left, width } = box;
  doc.fillColor('#111111').opacity(1);
  if (box.issuer) {
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(head.government, left, box.top ?? 46, { width, align: 'center' });
    doc.font('Helvetica-Bold').fontSize(15).text(box.issuer.toUpperCase(), { width, align: 'center' });
  } else {
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(head.government, left, box.top ?? 46, { width, align: 'center' });
    doc.fontSize(18).text(head.office, { width, align: 'center' });
  }
  const program = `Program Jaminan Kesehatan Daerah (Jamkesda)${head.region ? ` ${head.region}` : ''}`;
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(program, { width, align: 'center' });
  if (head.address && !box.issuer) doc.text(head.address, { width, align: 'center' });
  const y = doc.y + 6;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(2.2)
    .strokeColor('#111111')
    .stroke();
  doc
    .moveTo(left, y + 3.5)
    .lineTo(left + width, y + 3.5)
    .lineWidth(0.7)
    .stroke();
  doc.fillColor('#111111');
  return y + 3.5;
}

export interface Signer {
  name: string;
  nip: string | null;
  position: string | null;
}

/** What the signature block prints; an empty profile is said plainly rather than left blank or filled with a login name. */
export function signatureLines(s: Signer | null, fallbackName: string | null): { name: string; nip: string } {
  const name = s?.name.trim() || fallbackName?.trim() || '(nama petugas belum diisi)';
  return { name, nip: s?.nip ? `NIP. ${s.nip}` : 'NIP. (belum diisi pada profil pengguna)' };
}

/** The signer of a letter from the user's profile; the login name when the profile has no full name. */
export async function signerOf(q: Queryable, userId: number | null): Promise<Signer | null> {
  if (userId === null) return null;
  const r = await q.query<{ full_name: string | null; username: string; nip: string | null; position: string | null }>(
    'SELECT full_name, username, nip, position FROM app_user WHERE id = $1',
    [userId],
  );
  const u = r.rows[0];
  if (!u) return null;
  return { name: u.full_name?.trim() || u.username, nip: u.nip, position: u.position?.trim() || null };
}

interface Row {
  region_kind: RegionKind;
  region_name: string;
  health_office_address: string | null;
  social_office_address: string | null;
  updated_at: Date | string;
}

/** The setting with a short cache: letters are printed often, the setting changes rarely (and every process sees a change within seconds). */
export function createLetterheadService(db: Db, deps: { fallbackAreaName: () => Promise<string | null> }) {
  let cache: { value: LetterheadSetting | null; fallback: string | null; at: number } | null = null;

  async function load() {
    if (cache && Date.now() - cache.at < 10_000) return cache;
    const r = await db.query<Row>(
      'SELECT region_kind, region_name, health_office_address, social_office_address, updated_at FROM letterhead_setting WHERE id = 1',
    );
    const row = r.rows[0];
    const value: LetterheadSetting | null = row
      ? {
          regionKind: row.region_kind,
          regionName: row.region_name,
          healthOfficeAddress: row.health_office_address,
          socialOfficeAddress: row.social_office_address,
          updatedAt: new Date(row.updated_at).toISOString(),
        }
      : null;
    cache = { value, fallback: value ? null : await deps.fallbackAreaName(), at: Date.now() };
    return cache;
  }

  return {
    async setting() {
      const c = await load();
      return {
        setting: c.value,
        preview: {
          HEALTH: letterheadFor('HEALTH', c.value, c.fallback),
          SOCIAL: letterheadFor('SOCIAL', c.value, c.fallback),
        },
      };
    },
    async for(office: Office): Promise<Letterhead> {
      const c = await load();
      return letterheadFor(office, c.value, c.fallback);
    },
    async save(input: LetterheadInput) {
      const updatedBy = authorId(requireActor());
      await db.tx(async (tx) => {
        await tx.query(
          `INSERT INTO letterhead_setting (id, region_kind, region_name, health_office_address, social_office_address, updated_at, updated_by)
           VALUES (1, $1, $2, $3, $4, now(), $5)
           ON CONFLICT (id) DO UPDATE SET region_kind = EXCLUDED.region_kind, region_name = EXCLUDED.region_name,
             health_office_address = EXCLUDED.health_office_address, social_office_address = EXCLUDED.social_office_address,
             updated_at = now(), updated_by = EXCLUDED.updated_by`,
          [input.regionKind, input.regionName, input.healthOfficeAddress, input.socialOfficeAddress, updatedBy],
        );
        await auditInTx(tx, {
          action: 'settings.letterhead.save',
          entityType: 'letterhead_setting',
          entityId: '1',
          details: { ...input },
        });
      });
      cache = null;
      return this.setting();
    },
  };
}

export type LetterheadService = ReturnType<typeof createLetterheadService>;

export function letterheadRoutes(app: App, letterheads: LetterheadService) {
  const tags = ['settings'];
  app.get(
    '/api/v1/settings/letterhead',
    {
      config: { permission: 'settings.read' },
      schema: { tags, summary: 'Kop surat: daerah dan alamat kantor', response: { 200: letterheadAnswer } },
    },
    async () => letterheads.setting(),
  );
  app.put(
    '/api/v1/settings/letterhead',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Ubah kop surat (berlaku untuk surat yang dicetak sesudahnya)',
        body: letterheadBody,
        response: { 200: letterheadAnswer },
      },
    },
    async (req) => letterheads.save(req.body),
  );
}
