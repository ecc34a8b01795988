/** The access module's public surface: other modules, the CLI and system.ts import only from here. */
export { accountCounts } from './counts.js';
export { accessRoutes } from './routes.js';
export { createAccessService } from './service.js';
export { userAdminRoutes } from './users-routes.js';
export { createUserAdmin } from './users.js';
