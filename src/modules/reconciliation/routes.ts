import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import type { ReconciliationService } from './service.js';
import { sendFile, XLSX_TYPE } from '../../platform/http/download.js';

const id = z.object({ id: z.coerce.number().int().positive() });
const filter = {
  kind: z.string().max(20).optional(),
  area: z.string().max(10).optional(),
  decision: z.string().max(10).optional(),
};

const selection = z.object({
  kinds: z.array(z.string().max(20)).max(20).optional(),
  itemIds: z.array(z.number().int()).max(100_000).optional(),
  note: z.string().max(500).optional(),
});

/** MEM-7 review: change sets, their items, a sample, the XLSX report, and the decision. */
export function reconciliationRoutes(app: App, svc: ReconciliationService) {
  app.get(
    '/api/v1/reconciliation/change-sets',
    {
      config: { permission: 'reconciliation.read' },
      schema: {
        tags: ['reconciliation'],
        summary: 'Daftar perubahan hasil impor, terbaru di atas',
        querystring: z.object({
          kind: z.enum(['population', 'jkn']).optional(),
          status: z.enum(['PENDING', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
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
        querystring: z.object({
          ...filter,
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
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
        querystring: z.object({
          ...filter,
          size: z.coerce.number().int().min(1).max(200).default(50),
          seed: z.string().max(40).optional(),
        }),
      },
    },
    async (req) => svc.sample(req.params.id, req.query),
  );

  app.get(
    '/api/v1/reconciliation/change-sets/:id/download',
    {
      config: { permission: 'reconciliation.read' },
      schema: {
        tags: ['reconciliation'],
        summary: 'Laporan daftar perubahan (XLSX), seluruhnya atau menurut saringan',
        params: id,
        querystring: z.object(filter),
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
        body: selection.extend({ confirmMissing: z.number().int().min(0).optional() }),
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
        body: selection,
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
        body: z.object({ reason: z.string().max(500) }),
      },
    },
    async (req) => svc.reject(req.params.id, req.body.reason),
  );
}
