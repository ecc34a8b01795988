export { todayJakarta as jakartaToday } from '../../platform/calendar/index.js';
