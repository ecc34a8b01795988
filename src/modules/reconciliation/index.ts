/** The reconciliation module's public surface: other modules, the CLI and system.ts import only from here. */
export { pendingChangeSets } from './counts.js';
export { reconciliationRoutes } from './routes.js';
export { DATA_NAME, KIND_LABEL, STATUS_NAME } from './labels.js';
export type { ChangeSetStatus, ItemKind } from './labels.js';
export { createReconciliationService } from './service.js';
