import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import type { PeopleService } from './people.js';

export function populationRoutes(app: App, people: PeopleService) {
  app.get(
    '/api/v1/persons',
    {
      config: { permission: 'person.read' },
      schema: {
        tags: ['population'],
        summary: 'Cari penduduk dengan NIK, nomor KK atau awal nama',
        querystring: z.object({
          q: z.string().min(1).max(100),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => people.search(req.query.q, req.query.limit),
  );

  app.get(
    '/api/v1/persons/:nik',
    { config: { permission: 'person.read' }, schema: { tags: ['population'], params: z.object({ nik: z.string() }) } },
    async (req) => people.get(req.params.nik),
  );

  app.get(
    '/api/v1/families/:noKk',
    { config: { permission: 'person.read' }, schema: { tags: ['population'], params: z.object({ noKk: z.string() }) } },
    async (req) => people.family(req.params.noKk),
  );
}
