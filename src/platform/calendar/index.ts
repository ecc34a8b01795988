/** The calendar's public surface: Asia/Jakarta dates, national holidays, working-hour deadlines. */
export {
  type IsoDate,
  type JakartaDateTime,
  addDays,
  dayOfWeek,
  formatJakarta,
  isValidIsoDate,
  isWeekend,
  jakartaDate,
  jakartaDateTime,
  jakartaInstant,
  todayJakarta,
} from './rules/jakarta.js';
export { type NationalHoliday, isNationalHoliday, nationalHolidays } from './holidays.js';
export { type WorkingCalendar, createWorkingCalendar } from './calendar.js';
export { DAY_OFF_KINDS, type DayOffKind } from './repo.js';
export {
  type CalendarService,
  type DayOff,
  type DayOffEntry,
  type DayOffSource,
  MAX_DEADLINE_HOURS,
  createCalendarService,
} from './service.js';
export { calendarRoutes } from './routes.js';
