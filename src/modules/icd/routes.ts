import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import type { IcdService } from './service.js';

const item = z.object({ code: z.string(), title: z.string(), primaryCare: z.boolean() });

/** The ICD-10 reference and the primary-care competency list (REF-6). */
export function icdRoutes(app: App, svc: IcdService) {
  app.get(
    '/api/v1/icd10',
    {
      config: { permission: 'icd.read' },
      schema: {
        tags: ['icd'],
        summary: 'Cari kode ICD-10 menurut kode atau kata dalam nama diagnosis',
        querystring: z.object({
          q: z.string().max(100).default(''),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(item) }) },
      },
    },
    async (req) => svc.search(req.query.q, req.query.limit),
  );

  app.get(
    '/api/v1/icd10/:code',
    {
      config: { permission: 'icd.read' },
      schema: { tags: ['icd'], params: z.object({ code: z.string().max(20) }), response: { 200: item } },
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
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), title: z.string() })) }) },
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
        body: z.object({ list: z.enum(['icd10', 'competency']), csv: z.string().max(5_000_000) }),
        response: { 200: z.object({ list: z.enum(['icd10', 'competency']), rows: z.number() }) },
      },
    },
    async (req) => svc.load(req.body.list, req.body.csv),
  );
}
