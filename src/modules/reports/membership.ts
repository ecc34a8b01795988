import ExcelJS from 'exceljs';
import type { AuditWriter } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/index.js';
import { ruleRefusal } from '../../platform/http/errors.js';
import { POOR_MAX_DECILE } from '../membership/index.js';
import type { SettingsService } from '../membership/index.js';
import { FIGURES, FIGURE_LABELS } from './labels.js';
import { membershipByVillage, type VillageFigures } from './membership-repo.js';
import type { Figures, MembershipReportData } from './schemas.js';

function figures(r: VillageFigures): Figures {
  return {
    residents: r.residents,
    members: r.members,
    pendingEktp: r.pending_ektp,
    cardsActive: r.cards_active,
    cardsPrinted: r.cards_printed,
    cardsHandedOver: r.cards_handed_over,
    newborns: r.newborns,
    recommendations: r.recommendations,
  };
}

function add(a: Figures, b: Figures): Figures {
  const out = { ...a };
  for (const k of FIGURES) out[k] += b[k];
  return out;
}

const ZERO: Figures = Object.fromEntries(FIGURES.map((k) => [k, 0])) as Figures;

/** Membership figures by district and village (issue: reports in this area), on screen and as XLSX. */
export function createMembershipReport(db: Db, settings: SettingsService, audit: AuditWriter) {
  async function build(date: string, area: string | null): Promise<MembershipReportData> {
    const s = await settings.on(date);
    if (!s) throw ruleRefusal('PROGRAM_NOT_IN_FORCE', 'Program belum berlaku pada tanggal itu.');
    const rows = await membershipByVillage(db, {
      date,
      area,
      excludedSegments: s.excludedSegments,
      residentBasis: s.bases.includes('RESIDENT'),
      poorBasis: s.bases.includes('POOR'),
      poorMaxDecile: POOR_MAX_DECILE,
    });
    const districts = new Map<
      string,
      {
        code: string;
        name: string | null;
        totals: Figures;
        villages: { code: string; name: string | null; figures: Figures }[];
      }
    >();
    for (const r of rows) {
      const d = districts.get(r.district_code) ?? {
        code: r.district_code,
        name: r.district_name,
        totals: ZERO,
        villages: [],
      };
      const f = figures(r);
      d.villages.push({ code: r.village_code, name: r.village_name, figures: f });
      d.totals = add(d.totals, f);
      districts.set(r.district_code, d);
    }
    const list = [...districts.values()];
    await audit.record({
      action: 'report.membership',
      entityType: 'report',
      entityId: 'membership',
      details: { date, area },
    });
    return { date, area, bases: s.bases, totals: list.reduce((t, d) => add(t, d.totals), ZERO), districts: list };
  }

  async function xlsx(date: string, area: string | null): Promise<Buffer> {
    const report = await build(date, area);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Jamkesda';
    const ws = wb.addWorksheet('Kepesertaan');
    ws.addRow([`Kepesertaan Jamkesda per kecamatan dan kelurahan, keadaan ${date}`]).font = { bold: true, size: 13 };
    ws.addRow([`Dasar kepesertaan yang berlaku: ${report.bases.join(', ')}`]);
    ws.addRow([]);
    const header = ws.addRow(['Kode', 'Kecamatan / Kelurahan', ...FIGURES.map((k) => FIGURE_LABELS[k])]);
    header.font = { bold: true };
    header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F2EC' } }));
    for (const d of report.districts) {
      const dr = ws.addRow([d.code, `Kec. ${d.name ?? d.code}`, ...FIGURES.map((k) => d.totals[k])]);
      dr.font = { bold: true };
      for (const v of d.villages) ws.addRow([v.code, `   ${v.name ?? v.code}`, ...FIGURES.map((k) => v.figures[k])]);
    }
    const total = ws.addRow(['', 'Jumlah', ...FIGURES.map((k) => report.totals[k])]);
    total.font = { bold: true };
    ws.columns.forEach((c, i) => (c.width = i === 1 ? 34 : i === 0 ? 12 : 16));
    ws.views = [{ state: 'frozen', ySplit: 4 }];
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  return { build, xlsx };
}

export type MembershipReport = ReturnType<typeof createMembershipReport>;
