/** The births module's public surface: other modules, the CLI and system.ts import only from here. */
export { birthRoutes } from './routes.js';
export { createBirthService } from './service.js';
export type { BirthService, RecordBirth } from './service.js';
export type { BirthRecord } from './schemas.js';
