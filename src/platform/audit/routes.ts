import type { App } from '../http/app.js';
import { fileResponse, sendFile, XLSX_TYPE } from '../http/download.js';
import { auditFilters, auditOptions, auditPage, auditSearchQuery } from './schemas.js';
import type { AuditReader } from './service.js';

export function auditRoutes(app: App, reader: AuditReader) {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], querystring: auditSearchQuery, response: { 200: auditPage } },
    },
    async (req) => {
      const { limit, ...filters } = req.query;
      return reader.search(filters, limit);
    },
  );

  app.get(
    '/api/v1/audit/options',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Pilihan saringan log audit: aksi (berkelompok) dan pengguna',
        response: { 200: auditOptions },
      },
    },
    async () => reader.options(),
  );

  app.get(
    '/api/v1/audit.xlsx',
    {
      config: { permission: 'audit.read' },
      schema: {
        response: fileResponse(XLSX_TYPE, 'Jejak audit (XLSX)'),
        tags: ['audit'],
        summary: 'Log audit tersaring sebagai XLSX',
        querystring: auditFilters,
      },
    },
    async (req, reply) => {
      const { body, fileName } = await reader.exportWorkbook(req.query);
      return sendFile(reply, { type: XLSX_TYPE, fileName, body });
    },
  );
}
