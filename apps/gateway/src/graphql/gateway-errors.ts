// The gateway's own error codes (the business codes live in @layanan/domain's catalogue): what
// only the API layer can say — input that failed as a whole, a missing record, sign-in, access.
// Every code has an Indonesian and an English message; graphql/failures.ts maps each to its
// GraphQL error type.
import type { ErrorMessages, Message } from '@layanan/domain';

export const GatewayErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  REFRESH_TOKEN_INVALID: 'REFRESH_TOKEN_INVALID',
  CURRENT_PASSWORD_WRONG: 'CURRENT_PASSWORD_WRONG',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
} as const;
export type GatewayErrorCode = (typeof GatewayErrorCode)[keyof typeof GatewayErrorCode];

export const GATEWAY_ERROR_MESSAGES = {
  VALIDATION_FAILED: {
    id: 'Masukan tidak valid; periksa kolom yang ditandai',
    en: 'The input is invalid; check the marked fields',
  },
  NOT_FOUND: { id: 'Data tidak ditemukan', en: 'Not found' },
  FORBIDDEN: { id: 'Akses ditolak', en: 'Access denied' },
  INVALID_CREDENTIALS: {
    id: 'Email/nomor ponsel atau kata sandi salah.',
    en: 'Wrong email/mobile number or password.',
  },
  REFRESH_TOKEN_INVALID: {
    id: 'Sesi berakhir atau tidak sah; silakan masuk kembali.',
    en: 'The session has ended or is invalid; please sign in again.',
  },
  CURRENT_PASSWORD_WRONG: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  UNAUTHENTICATED: { id: 'Masuk terlebih dahulu', en: 'Sign in first' },
  METHOD_NOT_ALLOWED: { id: 'Gunakan GET', en: 'Use GET' },
} as const satisfies ErrorMessages<GatewayErrorCode>;

/** `NOT_FOUND` names what was looked for: `Layanan "PBG" tidak ditemukan`. */
export function notFoundMessage(entity: string, key: string): Message {
  return { id: `${entity} "${key}" tidak ditemukan`, en: `${entity} "${key}" was not found` };
}
