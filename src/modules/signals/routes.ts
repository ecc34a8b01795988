import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import { SIGNAL_KINDS } from './rules/signals.js';
import type { SignalService } from './service.js';

const district = z
  .string()
  .regex(/^\d{4,10}$/, 'Kode wilayah harus 4–10 digit.')
  .optional()
  .transform((v) => v ?? null);

export function signalRoutes(app: App, signals: SignalService) {
  app.get(
    '/api/v1/signals',
    {
      config: { permission: 'signals.read' },
      schema: {
        tags: ['signals'],
        summary: 'Ringkasan sinyal penyalahgunaan kartu',
        querystring: z.object({ area: district }),
      },
    },
    async (req) => signals.summary(req.query.area),
  );

  app.get(
    '/api/v1/signals/:kind',
    {
      config: { permission: 'signals.read' },
      schema: {
        tags: ['signals'],
        summary: 'Daftar sinyal satu jenis, dengan buktinya',
        params: z.object({ kind: z.enum(SIGNAL_KINDS as [string, ...string[]]) }),
        querystring: z.object({
          area: district,
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) =>
      signals.list(req.params.kind as (typeof SIGNAL_KINDS)[number], {
        district: req.query.area,
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
  );
}
