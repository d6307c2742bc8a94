// `@layanan/domain/calendar`: WIB days, the working-day calendar and its holidays. Each rule
// module is re-exported whole, except day.ts, whose day-number arithmetic stays internal.
export type { Day } from './day.js';
export {
  addCalendarDays,
  calendarDaysBetween,
  compareDays,
  dateFilterBound,
  isLeapYear,
  isValidDate,
  JAKARTA_UTC_OFFSET_MINUTES,
  jakartaDateTime,
  jakartaDay,
  jakartaDayStart,
  jakartaYear,
  parseDay,
  parseInstant,
  toDayString,
  weekday,
} from './day.js';
export * from './day-words.js';
export * from './hijri.js';
export * from './holiday-register.js';
export * from './holidays-2026.js';
export * from './messages.js';
export * from './working-calendar.js';
export * from './working-days.js';
