/** The referrals module's public surface: other modules, the CLI and system.ts import only from here. */
export { facilityReferralCounts, flaggedUnreviewed } from './counts.js';
export { seedReferralsDemo } from './demo.js';
export { referralRoutes } from './routes.js';
export { createReferralService } from './service.js';
