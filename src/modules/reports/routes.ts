import { z } from 'zod';
import { todayJakarta } from '../../platform/calendar/index.js';
import type { App } from '../../platform/http/app.js';
import type { MembershipReport } from './membership.js';
import { sendFile, XLSX_TYPE } from '../../platform/http/download.js';

const query = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD.')
    .optional(),
  area: z
    .string()
    .regex(/^\d{4,10}$/, 'Kode wilayah harus 4–10 digit.')
    .optional(),
});

export function reportRoutes(app: App, membership: MembershipReport) {
  app.get(
    '/api/v1/reports/membership',
    {
      config: { permission: 'report.membership' },
      schema: { tags: ['reports'], summary: 'Angka kepesertaan per kecamatan dan kelurahan', querystring: query },
    },
    async (req) => membership.build(req.query.date ?? todayJakarta(), req.query.area ?? null),
  );

  app.get(
    '/api/v1/reports/membership.xlsx',
    { config: { permission: 'report.membership' }, schema: { tags: ['reports'], querystring: query } },
    async (req, reply) => {
      const date = req.query.date ?? todayJakarta();
      const body = await membership.xlsx(date, req.query.area ?? null);
      return sendFile(reply, { type: XLSX_TYPE, fileName: `kepesertaan-${date}.xlsx`, body });
    },
  );
}
