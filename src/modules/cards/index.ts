/** The cards module's public surface: other modules, the CLI and system.ts import only from here. */
export { cardFamilies, cardQueue } from './counts.js';
export { createCardPrintService } from './print.js';
export { cardRoutes } from './routes.js';
export { createCardService } from './service.js';
