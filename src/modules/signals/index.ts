/** The signals module's public surface: other modules, the CLI and system.ts import only from here. */
export { signalRoutes } from './routes.js';
export { createSignalService } from './service.js';
export type { SignalService } from './service.js';
