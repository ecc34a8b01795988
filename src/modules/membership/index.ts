/** The membership module's public surface: other modules, the CLI and system.ts import only from here. */
export { appendChange, appendChangesFrom } from './changes-repo.js';
export { createChangeService } from './changes.js';
export { createEligibilityService } from './eligibility.js';
export type { Decide, EligibilityAnswer, EligibilityService } from './eligibility.js';
export { listSettings, loadFacts } from './repo.js';
export { membershipRoutes } from './routes.js';
export { POOR_MAX_DECILE } from './rules/eligibility.js';
export { createSelfCheckService } from './self-check.js';
export { createSettingsService, settingsOn } from './settings.js';
export type { SettingsService } from './settings.js';
export { jakartaToday } from './today.js';
