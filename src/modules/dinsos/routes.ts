import type { App } from '../../platform/http/app.js';
import { fileResponse, sendFile } from '../../platform/http/download.js';
import * as s from './schemas.js';
import type { RecommendationService } from './service.js';

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
        querystring: s.listQuery,
        response: { 200: s.letterPage },
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
        querystring: s.lookupQuery,
        response: { 200: s.lookup },
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
        body: s.createBody,
        response: { 201: s.letterDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.create(req.body)),
  );

  app.get(
    '/api/v1/recommendations/:id',
    {
      config: { permission: 'recommendation.read' },
      schema: { tags: ['dinsos'], params: s.idParams, response: { 200: s.letterDetail } },
    },
    async (req) => svc.get(req.params.id),
  );

  app.get(
    '/api/v1/recommendations/:id/pdf',
    {
      config: { permission: 'recommendation.read' },
      schema: {
        response: fileResponse('application/pdf', 'Surat rekomendasi (PDF)'),
        tags: ['dinsos'],
        summary: 'Surat rekomendasi siap cetak (PDF, A4)',
        params: s.idParams,
      },
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
        params: s.idParams,
        body: s.revokeBody,
        response: { 200: s.letterDetail },
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
        params: s.codeParams,
        response: { 200: s.publicVerification },
      },
    },
    async (req) => svc.verify(req.params.code),
  );
}
