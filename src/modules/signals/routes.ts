import type { App } from '../../platform/http/app.js';
import * as s from './schemas.js';
import type { SignalService } from './service.js';

export function signalRoutes(app: App, signals: SignalService) {
  app.get(
    '/api/v1/signals',
    {
      config: { permission: 'signals.read' },
      schema: {
        tags: ['signals'],
        summary: 'Ringkasan sinyal penyalahgunaan kartu',
        querystring: s.summaryQuery,
        response: { 200: s.summary },
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
        params: s.kindParams,
        querystring: s.listQuery,
        response: { 200: s.signalList },
      },
    },
    async (req) => signals.list(req.params.kind, req.query),
  );
}
