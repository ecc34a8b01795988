/** The reports module's public surface: other modules, the CLI and system.ts import only from here. */
export { membershipHeadline } from './headline.js';
export { createMembershipReport } from './membership.js';
export { reportRoutes } from './routes.js';
