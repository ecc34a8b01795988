import type { App } from '../../platform/http/app.js';
import type { PeopleService } from './people.js';
import { family, familyParams, personParams, personRecord, personSearch, searchQuery } from './schemas.js';

export function populationRoutes(app: App, people: PeopleService) {
  app.get(
    '/api/v1/persons',
    {
      config: { permission: 'person.read' },
      schema: {
        tags: ['population'],
        summary: 'Cari penduduk dengan NIK, nomor KK atau awal nama',
        querystring: searchQuery,
        response: { 200: personSearch },
      },
    },
    async (req) => people.search(req.query),
  );

  app.get(
    '/api/v1/persons/:nik',
    {
      config: { permission: 'person.read' },
      schema: { tags: ['population'], params: personParams, response: { 200: personRecord } },
    },
    async (req) => people.get(req.params.nik),
  );

  app.get(
    '/api/v1/families/:noKk',
    {
      config: { permission: 'person.read' },
      schema: { tags: ['population'], params: familyParams, response: { 200: family } },
    },
    async (req) => people.family(req.params.noKk),
  );
}
