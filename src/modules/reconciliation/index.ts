/** The reconciliation module's public surface: other modules, the CLI and system.ts import only from here. */
export { pendingChangeSets } from './counts.js';
export { reconciliationRoutes } from './routes.js';
export { KIND_LABEL } from './rules/kinds.js';
export type { ItemKind } from './rules/kinds.js';
export { createReconciliationService } from './service.js';
