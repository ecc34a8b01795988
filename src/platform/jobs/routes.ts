import { z } from 'zod';
import type { App } from '../http/app.js';
import { notFound } from '../http/errors.js';
import { can } from '../http/permissions.js';
import type { JobService } from './jobs.js';

export function jobRoutes(app: App, jobs: JobService) {
  app.get(
    '/api/v1/jobs/:id',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['jobs'], params: z.object({ id: z.coerce.number().int() }) },
    },
    async (req) => {
      const job = await jobs.get(req.params.id);
      const actor = req.ctx.actor!;
      // Someone else's job is not even acknowledged, unless the role oversees imports.
      if (!job || (job.createdBy !== actor.id && !can(actor.role, 'import.read')))
        throw notFound('JOB_NOT_FOUND', 'Pekerjaan tidak ditemukan.');
      return job;
    },
  );
}
