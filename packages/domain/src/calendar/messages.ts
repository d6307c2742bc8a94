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
  DATETIME_INVALID: {
    id: 'Waktu harus berformat ISO 8601 dengan zona waktu, misalnya 2026-11-30T09:00:00+07:00, atau tanggal saja (2026-11-30, dibaca sebagai hari WIB).',
    en: 'A time must be ISO 8601 with a time zone, e.g. 2026-11-30T09:00:00+07:00, or a date alone (2026-11-30, read as a WIB day).',
  },
  DATETIME_OFFSET_REQUIRED: {
    id: 'Waktu tanpa zona waktu tidak jelas: tambahkan +07:00 (WIB) atau Z (UTC), misalnya 2026-11-30T09:00:00+07:00.',
    en: 'A time without a time zone is ambiguous: add +07:00 (WIB) or Z (UTC), e.g. 2026-11-30T09:00:00+07:00.',
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
