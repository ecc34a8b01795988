/** The dashboard module's public surface: other modules, the CLI and system.ts import only from here. */
export { dashboardRoutes } from './routes.js';
export { createDashboard } from './service.js';
