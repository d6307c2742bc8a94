// Texts of the Open311 GeoReport v2 endpoint (error descriptions and notices), in Indonesian and
// English; the Accept-Language of the call picks one.
import type { Message } from '@layanan/domain';
import { REQUEST_VERIFICATION_WORKING_DAYS } from '@layanan/domain/services';
import type { Lang } from '../../../app/context.js';

export const OPEN311_MESSAGES = {
  /** The discovery document's contact (one text for both languages). */
  contact: 'Layanan — Pemerintah Kota / City Government',
  apiKeyInvalid: {
    id: 'api_key tidak sah atau dicabut',
    en: 'Invalid api_key received -- the key is unknown or revoked',
  },
  apiKeyRequired: { id: 'api_key wajib diisi', en: 'api_key is required' },
  apiKeyScope: {
    id: 'api_key tidak memiliki cakupan requests:write',
    en: 'The api_key lacks the requests:write scope',
  },
  serviceCodeRequired: { id: 'service_code wajib diisi', en: 'service_code is required' },
  locationRequired: {
    id: 'Lokasi wajib: lat dan long, address_string, atau address_id',
    en: 'A location is required: lat and long, address_string, or address_id',
  },
  statusInvalid: { id: 'status harus open atau closed', en: 'status must be open or closed' },
  formatRequired: { id: 'Format harus .json atau .xml', en: 'Use .json or .xml' },
  accessDenied: { id: 'Akses ditolak', en: 'Access denied' },
  keyService: {
    id: 'Kunci API dibuat administrator (mutation createApiKey, cakupan requests:write).',
    en: 'API keys are issued by an administrator (createApiKey mutation, scope requests:write).',
  },
  notADate: (name: string): Message => ({
    id: `${name} harus tanggal ISO 8601`,
    en: `${name} must be an ISO 8601 date-time`,
  }),
  coordinateRange: (key: string, limit: number): Message => ({
    id: `${key} harus angka antara -${limit} dan ${limit}`,
    en: `${key} must be a number between -${limit} and ${limit}`,
  }),
  notFound: (what: string, value: string): Message => ({
    id: `${what} "${value}" tidak ditemukan`,
    en: `${what} "${value}" was not found`,
  }),
  noResource: (path: string): Message => ({ id: `Sumber ${path} tidak ada`, en: `No resource at ${path}` }),
  methodNotSupported: (method: string): Message => ({
    id: `Metode ${method} tidak didukung`,
    en: `Method ${method} is not supported`,
  }),
  maxLength: (n: number): Message => ({ id: `maks. ${n} karakter`, en: `max. ${n} characters` }),
  /** The service standard's promise, as the GeoReport `service_notice`. */
  serviceNotice: (completionDays: number): Message => ({
    id: `Diverifikasi dalam ${REQUEST_VERIFICATION_WORKING_DAYS} hari kerja; selesai dalam ${completionDays} hari kerja sesudah verifikasi (standar pelayanan).`,
    en: `Verified within ${REQUEST_VERIFICATION_WORKING_DAYS} working days; completed within ${completionDays} working days after verification (service standard).`,
  }),
} as const;

/** The message in the caller's language. */
export const text = (lang: Lang, message: Message): string => message[lang];

/** An Open311 error: HTTP status and the descriptions of the error list. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly descriptions: readonly string[],
  ) {
    super(descriptions.join('; '));
  }

  static of(status: number, lang: Lang, message: Message): Open311Error {
    return new Open311Error(status, [text(lang, message)]);
  }
}
