/** The poverty module's public surface: other modules, the CLI and system.ts import only from here. */
export { importPoverty } from './import.js';
export { povertyDataAvailable } from './service.js';
