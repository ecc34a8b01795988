import { z } from 'zod';
import type { App } from '../http/app.js';
import type { NotificationService } from './notifications.js';

export function notificationRoutes(app: App, notifications: NotificationService) {
  app.get(
    '/api/v1/notifications',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Notifikasi untuk pengguna ini (antrean peran dan fasilitasnya)',
        querystring: z.object({
          unread: z.enum(['true', 'false']).default('false'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => notifications.list({ unreadOnly: req.query.unread === 'true', limit: req.query.limit }),
  );

  app.post(
    '/api/v1/notifications/read',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        body: z.object({ ids: z.union([z.array(z.number().int().positive()).min(1).max(500), z.literal('all')]) }),
      },
    },
    async (req) => notifications.markRead(req.body.ids),
  );
}
