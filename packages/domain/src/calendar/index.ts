export type { Day } from './day.js';
export {
  addCalendarDays,
  calendarDaysBetween,
  compareDays,
  DAY_ERROR_MESSAGES,
  DayErrorCode,
  isLeapYear,
  isValidDate,
  JAKARTA_UTC_OFFSET_MINUTES,
  jakartaDateTime,
  jakartaDay,
  jakartaDayStart,
  jakartaYear,
  parseDay,
  toDayString,
  weekday,
} from './day.js';
export {
  checkHolidayNotListed,
  HOLIDAY_REGISTER_ERROR_MESSAGES,
  HolidayRegisterErrorCode,
} from './holiday-register.js';
export { HOLIDAYS_ID_2026 } from './holidays-2026.js';
export type { Holiday, HolidayKind, WorkingCalendar } from './working-calendar.js';
export {
  CALENDAR_ERROR_MESSAGES,
  CalendarErrorCode,
  createWorkingCalendar,
  HOLIDAY_KINDS,
  INDONESIAN_WEEKEND_DAYS,
  indonesianCalendar2026,
  validateWorkingCalendar,
} from './working-calendar.js';
export {
  addWorkingDays,
  holidaysOn,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
} from './working-days.js';
