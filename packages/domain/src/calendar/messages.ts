// The calendar area's message catalogue: each error code of its rules, in Indonesian (`id`) and
// English (`en`). Each code is written once, as a key; `errorCodes` derives its code object and union
// type, so a code cannot lack a message. The rule files import their codes from here; error-catalog.ts
// gathers every area's tables.
import { type ErrorMessages, errorCodes } from '../errors.js';

// ---- WIB days (day.ts) ----
export const DAY_ERROR_MESSAGES = {
  DAY_INVALID_FORMAT: {
    id: 'Tanggal harus berformat TTTT-BB-HH, misalnya 2026-03-25.',
    en: 'A date must be written YYYY-MM-DD, e.g. 2026-03-25.',
  },
  DAY_NOT_A_DATE: {
    id: 'Tanggal tidak ada di kalender (misalnya 30 Februari).',
    en: 'The date does not exist (e.g. 30 February).',
  },
} as const satisfies ErrorMessages<string>;
export const DayErrorCode = errorCodes(DAY_ERROR_MESSAGES);
export type DayErrorCode = (typeof DayErrorCode)[keyof typeof DayErrorCode];

// ---- the working-day calendar (working-calendar.ts) ----
export const CALENDAR_ERROR_MESSAGES = {
  CALENDAR_INVALID: {
    id: 'Kalender hari kerja tidak valid.',
    en: 'The working-day calendar is invalid.',
  },
  CALENDAR_YEAR_UNKNOWN: {
    id: 'Hari libur tahun ini belum tercatat di kalender kerja, jadi tenggat tidak dapat dihitung. Administrator perlu menambahkan daftar hari libur tahun tersebut.',
    en: "This year's holidays are not in the working calendar yet, so the deadline cannot be computed. An administrator needs to add that year's holiday list.",
  },
} as const satisfies ErrorMessages<string>;
export const CalendarErrorCode = errorCodes(CALENDAR_ERROR_MESSAGES);
export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];

// ---- Islamic holidays against the Hijri calendar (hijri.ts) ----
export const HIJRI_ERROR_MESSAGES = {
  HOLIDAY_HIJRI_NAME_MISMATCH: {
    id: 'Nama hari libur tidak sesuai dengan tanggal Hijriahnya (misalnya Maulid pada 27 Rajab, yang merupakan Isra Mikraj).',
    en: "The holiday's name does not match its Hijri date (e.g. Maulid on 27 Rajab, which is Isra Mikraj).",
  },
} as const satisfies ErrorMessages<string>;
export const HijriErrorCode = errorCodes(HIJRI_ERROR_MESSAGES);
export type HijriErrorCode = (typeof HijriErrorCode)[keyof typeof HijriErrorCode];

// ---- the city's holiday register (holiday-register.ts) ----
export const HOLIDAY_REGISTER_ERROR_MESSAGES = {
  HOLIDAY_DUPLICATE: {
    id: 'Tanggal ini sudah tercatat dengan jenis libur yang sama',
    en: 'This date is already listed with the same kind of holiday',
  },
} as const satisfies ErrorMessages<string>;
export const HolidayRegisterErrorCode = errorCodes(HOLIDAY_REGISTER_ERROR_MESSAGES);
export type HolidayRegisterErrorCode =
  (typeof HolidayRegisterErrorCode)[keyof typeof HolidayRegisterErrorCode];
