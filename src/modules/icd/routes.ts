import type { App } from '../../platform/http/app.js';
import * as S from './schemas.js';
import type { IcdService } from './service.js';

/** The ICD-10 reference and the primary-care competency list (REF-6). */
export function icdRoutes(app: App, svc: IcdService) {
  app.get(
    '/api/v1/icd10',
    {
      config: { permission: 'icd.read' },
      schema: {
        tags: ['icd'],
        summary: 'Cari kode ICD-10 menurut kode atau kata dalam nama diagnosis',
        querystring: S.searchQuery,
        response: { 200: S.icdSearch },
      },
    },
    async (req) => svc.search(req.query.q, req.query.limit),
  );

  app.get(
    '/api/v1/icd10/:code',
    {
      config: { permission: 'icd.read' },
      schema: { tags: ['icd'], params: S.codeParams, response: { 200: S.icdItem } },
    },
    async (req) => svc.get(req.params.code),
  );

  app.get(
    '/api/v1/icd10-competency',
    {
      config: { permission: 'icd.read' },
      schema: {
        tags: ['icd'],
        summary: 'Daftar diagnosis kompetensi layanan primer (REF-6)',
        response: { 200: S.competencyList },
      },
    },
    async () => svc.competencyList(),
  );

  app.post(
    '/api/v1/icd10/load',
    {
      config: { permission: 'icd.manage' },
      schema: {
        tags: ['icd'],
        summary: 'Muat tabel ICD-10 atau daftar kompetensi layanan primer dari CSV (kode,judul)',
        body: S.loadBody,
        response: { 200: S.loaded },
      },
    },
    async (req) => svc.load(req.body.list, req.body.csv),
  );
}
