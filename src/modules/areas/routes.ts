import type { App } from '../../platform/http/app.js';
import { notFound } from '../../platform/http/errors.js';
import { areaList, areaWithPath, children, codeParams } from './schemas.js';
import type { AreaService } from './service.js';

const missing = (code: string) => notFound('AREA_NOT_FOUND', `Wilayah dengan kode ${code} tidak ditemukan.`);

export function areaRoutes(app: App, areas: AreaService) {
  app.get(
    '/api/v1/areas',
    {
      config: { permission: 'areas.read' },
      schema: { tags: ['areas'], summary: 'Daftar provinsi', response: { 200: areaList } },
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
        params: codeParams,
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
        params: codeParams,
        response: { 200: children },
      },
    },
    async (req) => {
      const [parent, children] = await Promise.all([areas.get(req.params.code), areas.children(req.params.code)]);
      if (!parent || !children) throw missing(req.params.code);
      return { parent, areas: children };
    },
  );
}
