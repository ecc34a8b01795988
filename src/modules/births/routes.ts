import type { App } from '../../platform/http/app.js';
import { birthDetail, birthList, birthParams, cancelBirthBody, listBirthsQuery, recordBirthBody } from './schemas.js';
import type { BirthService } from './service.js';

const tags = ['births'];

export function birthRoutes(app: App, births: BirthService) {
  app.post(
    '/api/v1/births',
    {
      config: { permission: 'birth.record' },
      schema: {
        tags,
        summary: 'Catat kelahiran (akta atau surat keterangan lahir) dengan dokumennya',
        body: recordBirthBody,
        response: { 201: birthDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await births.record(req.body)),
  );

  app.get(
    '/api/v1/births',
    {
      config: { permission: 'birth.read' },
      schema: { tags, querystring: listBirthsQuery, response: { 200: birthList } },
    },
    async (req) => births.list(req.query),
  );

  app.get(
    '/api/v1/births/:id',
    { config: { permission: 'birth.read' }, schema: { tags, params: birthParams, response: { 200: birthDetail } } },
    async (req) => births.get(req.params.id),
  );

  app.post(
    '/api/v1/births/:id/cancel',
    {
      config: { permission: 'birth.record' },
      schema: { tags, params: birthParams, body: cancelBirthBody, response: { 200: birthDetail } },
    },
    async (req) => births.cancel(req.params.id, req.body.reason),
  );
}
