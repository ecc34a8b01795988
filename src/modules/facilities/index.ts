/** The facilities module's public surface: other modules, the CLI and system.ts import only from here. */
export { agreementsExpiring } from './counts.js';
export { seedFacilitiesDemo } from './demo.js';
export { firstFacility, loadFacilities } from './registry.js';
export { facilityRoutes } from './routes.js';
export { createFacilityService } from './service.js';
