/** The guarantees module's public surface: other modules, the CLI and system.ts import only from here. */
export { createSjpCareService } from './care.js';
export { sjpCounts } from './counts.js';
export { seedSjpDemo } from './demo.js';
export { createSjpDesk } from './queue.js';
export { sjpRoutes } from './routes.js';
export { createSjpService } from './service.js';
