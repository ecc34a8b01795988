/** The areas module's public surface: other modules, the CLI and system.ts import only from here. */
export { areaRoutes } from './routes.js';
export { createAreaService } from './service.js';
export type { AreaService } from './service.js';
export { syncAreas } from './sync.js';
