import { todayJakarta } from '../../platform/calendar/index.js';
import type { App } from '../../platform/http/app.js';
import { XLSX_TYPE, fileResponse, sendFile } from '../../platform/http/download.js';
import type { MembershipReport } from './membership.js';
import { membershipQuery, membershipReport } from './schemas.js';

export function reportRoutes(app: App, membership: MembershipReport) {
  app.get(
    '/api/v1/reports/membership',
    {
      config: { permission: 'report.membership' },
      schema: {
        tags: ['reports'],
        summary: 'Angka kepesertaan per kecamatan dan kelurahan',
        querystring: membershipQuery,
        response: { 200: membershipReport },
      },
    },
    async (req) => membership.build(req.query.date ?? todayJakarta(), req.query.area ?? null),
  );

  app.get(
    '/api/v1/reports/membership.xlsx',
    {
      config: { permission: 'report.membership' },
      schema: {
        response: fileResponse(XLSX_TYPE, 'Laporan kepesertaan (XLSX)'),
        tags: ['reports'],
        querystring: membershipQuery,
      },
    },
    async (req, reply) => {
      const date = req.query.date ?? todayJakarta();
      const body = await membership.xlsx(date, req.query.area ?? null);
      return sendFile(reply, { type: XLSX_TYPE, fileName: `kepesertaan-${date}.xlsx`, body });
    },
  );
}
