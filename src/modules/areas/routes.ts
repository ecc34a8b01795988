import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import { notFound } from '../../platform/http/errors.js';
import { AREA_LEVELS } from './rules/code.js';
import type { AreaService } from './service.js';

const area = z.object({
  code: z.string(),
  level: z.enum(AREA_LEVELS),
  parentCode: z.string().nullable(),
  name: z.string(),
});

const areaWithPath = area.extend({
  province: z.string().nullable(),
  regency: z.string().nullable(),
  district: z.string().nullable(),
  village: z.string().nullable(),
});

const codeParam = z.object({
  code: z
    .string()
    .regex(
      /^[0-9]+(\.[0-9]+)*$/,
      'Kode wilayah hanya berisi angka (boleh bertitik), mis. 3275011001 atau 32.75.01.1001.',
    )
    .max(20, 'Kode wilayah terlalu panjang.'),
});

const missing = (code: string) => notFound('AREA_NOT_FOUND', `Wilayah dengan kode ${code} tidak ditemukan.`);

export function areaRoutes(app: App, areas: AreaService) {
  app.get(
    '/api/v1/areas',
    {
      config: { permission: 'areas.read' },
      schema: { tags: ['areas'], summary: 'Daftar provinsi', response: { 200: z.object({ areas: z.array(area) }) } },
    },
    async () => ({ areas: await areas.provinces() }),
  );

  app.get(
    '/api/v1/areas/:code',
    {
      config: { permission: 'areas.read' },
      schema: {
        tags: ['areas'],
        summary: 'Satu wilayah beserta nama provinsi, kabupaten/kota, kecamatan dan kelurahan/desanya',
        params: codeParam,
        response: { 200: areaWithPath },
      },
    },
    async (req) => {
      const found = await areas.lookup(req.params.code);
      if (!found) throw missing(req.params.code);
      return found;
    },
  );

  app.get(
    '/api/v1/areas/:code/children',
    {
      config: { permission: 'areas.read' },
      schema: {
        tags: ['areas'],
        summary: 'Wilayah langsung di bawah satu wilayah',
        params: codeParam,
        response: { 200: z.object({ parent: area, areas: z.array(area) }) },
      },
    },
    async (req) => {
      const [parent, children] = await Promise.all([areas.get(req.params.code), areas.children(req.params.code)]);
      if (!parent || !children) throw missing(req.params.code);
      return { parent, areas: children };
    },
  );
}
