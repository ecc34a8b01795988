import { PassThrough } from 'node:stream';
import type { App } from '../../platform/http/app.js';
import type { ReconciliationService } from './service.js';
import { XLSX_TYPE, fileResponse, sendFile } from '../../platform/http/download.js';
import {
  approveBody,
  approveResult,
  changeSetDetail,
  changeSetList,
  changeSetParams as id,
  declineResult,
  filterQuery,
  itemPage,
  itemSample,
  itemsQuery,
  listQuery,
  rejectBody,
  rejectResult,
  sampleQuery,
  selectionBody,
} from './schemas.js';

/** MEM-7 review: change sets, their items, a sample, the XLSX report, and the decision. */
export function reconciliationRoutes(app: App, svc: ReconciliationService) {
  app.get(
    '/api/v1/reconciliation/change-sets',
    {
      config: { permission: 'reconciliation.read' },
      schema: {
        tags: ['reconciliation'],
        summary: 'Daftar perubahan hasil impor, terbaru di atas',
        querystring: listQuery,
        response: { 200: changeSetList },
      },
    },
    async (req) => svc.list(req.query),
  );

  app.get(
    '/api/v1/reconciliation/change-sets/:id',
    {
      config: { permission: 'reconciliation.read' },
      schema: {
        tags: ['reconciliation'],
        summary: 'Satu daftar perubahan dengan jumlah per jenis dan per wilayah',
        params: id,
        response: { 200: changeSetDetail },
      },
    },
    async (req) => svc.get(req.params.id),
  );

  app.get(
    '/api/v1/reconciliation/change-sets/:id/items',
    {
      config: { permission: 'reconciliation.read' },
      schema: {
        tags: ['reconciliation'],
        summary: 'Butir perubahan (sebelum → sesudah), per halaman',
        params: id,
        querystring: itemsQuery,
        response: { 200: itemPage },
      },
    },
    async (req) => svc.items(req.params.id, req.query),
  );

  app.get(
    '/api/v1/reconciliation/change-sets/:id/sample',
    {
      config: { permission: 'reconciliation.read' },
      schema: {
        tags: ['reconciliation'],
        summary: 'Sampel acak butir perubahan untuk diperiksa',
        params: id,
        querystring: sampleQuery,
        response: { 200: itemSample },
      },
    },
    async (req) => svc.sample(req.params.id, req.query),
  );

  app.get(
    '/api/v1/reconciliation/change-sets/:id/download',
    {
      config: { permission: 'reconciliation.read' },
      schema: {
        response: fileResponse(XLSX_TYPE, 'Rincian perubahan (XLSX)'),
        tags: ['reconciliation'],
        summary: 'Laporan daftar perubahan (XLSX), seluruhnya atau menurut saringan',
        params: id,
        querystring: filterQuery,
        // An XLSX streamed to the browser: no JSON answer to declare.
      },
    },
    async (req, reply) => {
      const d = await svc.download(req.params.id, req.query);
      const out = new PassThrough();
      d.write(out).catch((err: unknown) => {
        req.log.error({ err }, 'change set download failed');
        out.destroy(err as Error);
      });
      return sendFile(reply, { type: XLSX_TYPE, fileName: d.fileName, body: out });
    },
  );

  app.post(
    '/api/v1/reconciliation/change-sets/:id/approve',
    {
      config: { permission: 'reconciliation.review' },
      schema: {
        tags: ['reconciliation'],
        summary:
          'Setujui semua butir yang belum diputuskan, jenis terpilih, atau butir terpilih; sisanya tetap menunggu keputusan. ' +
          'Pada daftar yang ditandai mencurigakan, butir yang mengakhiri penduduk/kepesertaan hanya disetujui dengan confirmMissing = jumlahnya.',
        params: id,
        body: approveBody,
        response: { 200: approveResult },
      },
    },
    async (req) => svc.approve(req.params.id, req.body),
  );

  app.post(
    '/api/v1/reconciliation/change-sets/:id/decline',
    {
      config: { permission: 'reconciliation.review' },
      schema: {
        tags: ['reconciliation'],
        summary: 'Tidak setujui jenis atau butir terpilih; sisanya tetap menunggu keputusan',
        params: id,
        body: selectionBody,
        response: { 200: declineResult },
      },
    },
    async (req) => svc.decline(req.params.id, req.body),
  );

  app.post(
    '/api/v1/reconciliation/change-sets/:id/reject',
    {
      config: { permission: 'reconciliation.review' },
      schema: {
        tags: ['reconciliation'],
        summary: 'Tolak semua butir yang belum diputuskan dengan alasan, dan tutup daftar',
        params: id,
        body: rejectBody,
        response: { 200: rejectResult },
      },
    },
    async (req) => svc.reject(req.params.id, req.body.reason),
  );
}
