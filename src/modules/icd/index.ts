/** The icd module's public surface: other modules, the CLI and system.ts import only from here. */
export { icdRoutes } from './routes.js';
export { createIcdService } from './service.js';
export type { IcdService } from './service.js';
