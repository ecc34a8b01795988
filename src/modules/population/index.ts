/** The population module's public surface: other modules, the CLI and system.ts import only from here. */
export { importPopulation } from './import.js';
export { createPeopleService } from './people.js';
export { latestAppliedAsOf as latestPopulationAsOf, setImportDecision } from './repo.js';
export { applyPersonChanges, PERSON_COLUMNS, setPersonEndDate } from './register.js';
export { populationRoutes } from './routes.js';
export { encodeNik, nikMismatch, parseNik } from './rules/nik.js';
export type { Sex } from './rules/nik.js';
