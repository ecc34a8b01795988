import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import { CATEGORIES } from './rules/categories.js';
import type { RecommendationService } from './service.js';
import { sendFile } from '../../platform/http/download.js';

const STATES = ['ACTIVE', 'NOT_YET_VALID', 'EXPIRED', 'REVOKED'] as const;
const date = z.string().max(20);

const listItem = z.object({
  id: z.number(),
  number: z.string(),
  nik: z.string(),
  personName: z.string(),
  category: z.enum(CATEGORIES),
  institution: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(['ACTIVE', 'REVOKED']),
  state: z.enum(STATES),
  revokedOn: z.string().nullable(),
  issuedOn: z.string(),
  issuerName: z.string(),
});

const detail = listItem.extend({
  sex: z.enum(['L', 'P']),
  birthDate: z.string(),
  noKk: z.string().nullable(),
  address: z.string().nullable(),
  inPopulation: z.boolean(),
  reason: z.string(),
  coverageEnd: z.string().nullable(),
  revokeReason: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  verifyCode: z.string(),
  verifyUrl: z.string(),
  issuedAt: z.string(),
  nikWarnings: z.array(z.string()),
});

const id = z.object({ id: z.coerce.number().int().positive() });

/** Recommendation letters (DIN-1): dinsos issues and revokes; the other recommendation.read roles read. */
export function dinsosRoutes(app: App, svc: RecommendationService) {
  app.get(
    '/api/v1/recommendations',
    {
      config: { permission: 'recommendation.read' },
      schema: {
        tags: ['dinsos'],
        summary:
          'Daftar surat rekomendasi Dinas Sosial (cari menurut nomor, NIK atau nama; saring menurut status, kategori, akan berakhir)',
        querystring: z.object({
          q: z.string().max(100).optional(),
          status: z.enum(STATES).optional(),
          category: z.enum(CATEGORIES).optional(),
          expiringWithinDays: z.coerce.number().int().min(0).max(366).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(listItem), total: z.number() }) },
      },
    },
    async (req) => svc.list(req.query),
  );

  // NIK in the query string: the request log carries the route pattern only, never the URL.
  app.get(
    '/api/v1/recommendations/lookup',
    {
      config: { permission: 'recommendation.manage' },
      schema: {
        tags: ['dinsos'],
        summary: 'Data kependudukan dan surat rekomendasi sebuah NIK, untuk formulir penerbitan',
        querystring: z.object({ nik: z.string().max(40) }),
      },
    },
    async (req) => svc.lookup(req.query.nik),
  );

  app.post(
    '/api/v1/recommendations',
    {
      config: { permission: 'recommendation.manage' },
      schema: {
        tags: ['dinsos'],
        summary: 'Terbitkan surat rekomendasi',
        body: z.object({
          nik: z.string().max(40),
          category: z.string().max(40),
          reason: z.string().max(500),
          institution: z.string().max(200).nullish(),
          validFrom: date.nullish(),
          validTo: date.nullish(),
          person: z
            .object({
              name: z.string().max(100).nullish(),
              birthDate: date.nullish(),
              sex: z.string().max(1).nullish(),
              address: z.string().max(400).nullish(),
            })
            .nullish(),
        }),
        response: { 201: detail },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.create(req.body)),
  );

  app.get(
    '/api/v1/recommendations/:id',
    {
      config: { permission: 'recommendation.read' },
      schema: { tags: ['dinsos'], params: id, response: { 200: detail } },
    },
    async (req) => svc.get(req.params.id),
  );

  app.get(
    '/api/v1/recommendations/:id/pdf',
    {
      config: { permission: 'recommendation.read' },
      schema: { tags: ['dinsos'], summary: 'Surat rekomendasi siap cetak (PDF, A4)', params: id },
    },
    async (req, reply) => {
      const { fileName, bytes } = await svc.pdf(req.params.id);
      return sendFile(reply, { type: 'application/pdf', fileName, body: bytes });
    },
  );

  app.post(
    '/api/v1/recommendations/:id/revoke',
    {
      config: { permission: 'recommendation.manage' },
      schema: {
        tags: ['dinsos'],
        summary: 'Cabut surat rekomendasi mulai suatu tanggal (tidak dijamin sejak tanggal itu)',
        params: id,
        body: z.object({ reason: z.string().max(500), revokedOn: date.nullish() }),
        response: { 200: detail },
      },
    },
    async (req) => svc.revoke(req.params.id, req.body),
  );

  // Public, behind the QR code: initials, state and validity only; limited per address.
  app.get(
    '/api/v1/public/recommendations/:code',
    {
      config: { permission: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Verifikasi keabsahan surat rekomendasi dari kode QR',
        params: z.object({ code: z.string().max(64) }),
        response: {
          200: z.object({
            valid: z.boolean(),
            status: z.enum(STATES),
            initials: z.string(),
            validFrom: z.string(),
            validTo: z.string(),
          }),
        },
      },
    },
    async (req) => svc.verify(req.params.code),
  );
}
