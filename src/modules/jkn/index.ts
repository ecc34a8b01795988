/** The jkn module's public surface: other modules, the CLI and system.ts import only from here. */
export { importJkn } from './import.js';
export { applyChanges, setImportDecision } from './repo.js';
