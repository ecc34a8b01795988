/** The dinsos module's public surface: other modules, the CLI and system.ts import only from here. */
export { lettersExpiring } from './counts.js';
export { seedDemoRecommendations } from './demo.js';
export { populationRegency } from './repo.js';
export { dinsosRoutes } from './routes.js';
export { createRecommendationService, userNameFrom } from './service.js';
