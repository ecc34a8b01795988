import { requireActor } from '../../platform/http/actor.js';
import type { App } from '../../platform/http/app.js';
import { dashboardSchema } from './schemas.js';
import type { DashboardService } from './service.js';

export function dashboardRoutes(app: App, dashboard: DashboardService) {
  // Any logged-in user: the service itself computes only what the user's permissions allow.
  app.get(
    '/api/v1/dashboard',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['dashboard'],
        summary: 'Penghitung pekerjaan untuk beranda, sesuai hak akses dan fasilitas pengguna',
        response: { 200: dashboardSchema },
      },
    },
    async () => dashboard.forActor(requireActor()),
  );
}
