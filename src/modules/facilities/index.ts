/** The facilities module's public surface: other modules, the CLI and system.ts import only from here. */
export { agreementsExpiring } from './counts.js';
export { seedFacilitiesDemo } from './demo.js';
export { firstFacility, loadFacilities, loadFacilitiesText } from './registry.js';
export { facilityRoutes } from './routes.js';
export { createFacilityService } from './service.js';
/**
 * "Agreement in force" (FAC-2) has one owner, this module: other modules call these (they take the caller's
 * Queryable, so they join its transaction) or, inside their own SQL, read the function
 * facility_agreements_in_force(date) of migration 0024 — never facility_agreement itself.
 */
export { agreementCovering, agreementsInForce } from './repo.js';
export type { AgreementInForce } from './repo.js';
/** The columns of facilities.csv (FAC-1), for the synthetic data generator that writes the file. */
export { REQUIRED_COLUMNS as FACILITY_COLUMNS } from './rules/registry-row.js';
export type { Location, Ownership } from './labels.js';
