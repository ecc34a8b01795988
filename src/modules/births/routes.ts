import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import type { BirthService } from './service.js';

const nik = z
  .string()
  .regex(/^\d{16}$/, 'NIK harus 16 digit angka.')
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD.');

export function birthRoutes(app: App, births: BirthService) {
  app.post(
    '/api/v1/births',
    {
      config: { permission: 'birth.record' },
      schema: {
        tags: ['births'],
        summary: 'Catat kelahiran (akta atau surat keterangan lahir) dengan dokumennya',
        body: z.object({
          childNik: nik,
          childName: z.string().min(1).max(120),
          sex: z.enum(['L', 'P']),
          birthDate: isoDate,
          birthPlace: z
            .string()
            .max(120)
            .nullable()
            .optional()
            .transform((v) => v?.trim() || null),
          motherNik: nik,
          fatherNik: nik,
          documentKind: z.enum(['AKTA_KELAHIRAN', 'SURAT_KETERANGAN_LAHIR']),
          documentNumber: z.string().min(1).max(80),
          documentId: z.number().int().positive(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await births.record(req.body)),
  );

  app.get(
    '/api/v1/births',
    {
      config: { permission: 'birth.read' },
      schema: {
        tags: ['births'],
        querystring: z.object({
          q: z.string().max(100).optional(),
          status: z.enum(['ACTIVE', 'CANCELLED']).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => births.list(req.query),
  );

  app.get(
    '/api/v1/births/:id',
    {
      config: { permission: 'birth.read' },
      schema: { tags: ['births'], params: z.object({ id: z.coerce.number().int().positive() }) },
    },
    async (req) => births.get(req.params.id),
  );

  app.post(
    '/api/v1/births/:id/cancel',
    {
      config: { permission: 'birth.record' },
      schema: {
        tags: ['births'],
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({ reason: z.string().max(500) }),
      },
    },
    async (req) => births.cancel(req.params.id, req.body.reason),
  );
}
