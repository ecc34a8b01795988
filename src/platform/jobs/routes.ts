import type { App } from '../http/app.js';
import type { JobService } from './jobs.js';
import { job, jobParams } from './schemas.js';

export function jobRoutes(app: App, jobs: JobService) {
  app.get(
    '/api/v1/jobs/:id',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['jobs'], params: jobParams, response: { 200: job } },
    },
    async (req) => jobs.visible(req.params.id),
  );
}
