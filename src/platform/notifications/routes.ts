import type { App } from '../http/app.js';
import type { NotificationService } from './notifications.js';
import { listQuery, marked, markReadBody, noticeList } from './schemas.js';

export function notificationRoutes(app: App, notifications: NotificationService) {
  app.get(
    '/api/v1/notifications',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Notifikasi untuk pengguna ini (antrean peran dan fasilitasnya)',
        querystring: listQuery,
        response: { 200: noticeList },
      },
    },
    async (req) => notifications.list({ unreadOnly: req.query.unread === 'true', limit: req.query.limit }),
  );

  app.post(
    '/api/v1/notifications/read',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['notifications'], body: markReadBody, response: { 200: marked } },
    },
    async (req) => notifications.markRead(req.body.ids),
  );
}
