// The gateway's own error codes (the business codes live in @layanan/domain's catalogue): what
// only the API layer can say — input that failed as a whole, a missing record, sign-in, access,
// the limits that protect the service. Every code has an Indonesian and an English message;
// graphql/failures.ts maps each to its GraphQL error type. Messages that state a limit or a
// value are built by the functions below from the same words.
import type { ErrorMessages, Message } from '@layanan/domain';
import { GraphQLError } from 'graphql';

export const GatewayErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  REFRESH_TOKEN_INVALID: 'REFRESH_TOKEN_INVALID',
  CURRENT_PASSWORD_WRONG: 'CURRENT_PASSWORD_WRONG',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  // ---- who is calling (bearer token, API key), resolved before any field runs ----
  INVALID_TOKEN: 'INVALID_TOKEN',
  INVALID_API_KEY: 'INVALID_API_KEY',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  DEV_LOGIN_DISABLED: 'DEV_LOGIN_DISABLED',
  /** A live subscription ended because its caller lost access (signed out, disabled, moved). */
  ACCESS_ENDED: 'ACCESS_ENDED',
  // ---- limits (app/security.ts, app/gateway.ts) ----
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  CSRF_HEADER_REQUIRED: 'CSRF_HEADER_REQUIRED',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_EXPENSIVE: 'QUERY_TOO_EXPENSIVE',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  INTROSPECTION_DISABLED: 'INTROSPECTION_DISABLED',
  // ---- input refused before any route reads it (platform/input-guard.ts) ----
  /**
   * Text with a character no output can carry: on every route, what PostgreSQL cannot store (NUL,
   * lone surrogates; the input guard); in GraphQL also the domain's `unsupportedCharacter` (other C0
   * controls, U+FFFE/FFFF).
   */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  MALFORMED_ENCODING: 'MALFORMED_ENCODING',
  TOO_MANY_PARAMETERS: 'TOO_MANY_PARAMETERS',
  INPUT_TOO_NESTED: 'INPUT_TOO_NESTED',
  MALFORMED_JSON: 'MALFORMED_JSON',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** A failure nobody foresaw: masked, with the request id; the detail is only in the log. */
  FILE_LINK_INVALID: 'FILE_LINK_INVALID',
  FILE_LINK_EXPIRED: 'FILE_LINK_EXPIRED',
  UNEXPECTED_ERROR: 'UNEXPECTED_ERROR',
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
  UNAUTHENTICATED: {
    id: 'Masuk ke akun Anda terlebih dahulu untuk melakukan ini.',
    en: 'Sign in to your account to do this.',
  },
  METHOD_NOT_ALLOWED: { id: 'Gunakan GET', en: 'Use GET' },
  INVALID_TOKEN: {
    id: 'Token akses tidak sah atau kedaluwarsa',
    en: 'The access token is invalid or expired',
  },
  INVALID_API_KEY: { id: 'Kunci API tidak sah atau dicabut', en: 'The API key is invalid or revoked' },
  ACCOUNT_DISABLED: { id: 'Akun ini dinonaktifkan', en: 'This account is disabled' },
  DEV_LOGIN_DISABLED: { id: 'Login pengembangan dinonaktifkan', en: 'Development login is disabled' },
  ACCESS_ENDED: {
    id: 'Langganan berakhir: sesi berakhir atau hak akses berubah; masuk atau berlangganan lagi',
    en: 'The subscription ended: the session ended or access changed; sign in or subscribe again',
  },
  RATE_LIMITED: {
    id: 'Terlalu banyak permintaan; coba lagi nanti',
    en: 'Too many requests; try again later',
  },
  PAYLOAD_TOO_LARGE: { id: 'Permintaan terlalu besar', en: 'Request body too large' },
  CSRF_HEADER_REQUIRED: {
    id: 'Permintaan ditolak: kirim content-type: application/json atau header x-graphql-yoga-csrf',
    en: 'Request refused: send content-type: application/json or the x-graphql-yoga-csrf header',
  },
  QUERY_TOO_DEEP: { id: 'Kueri terlalu dalam', en: 'Query too deep' },
  QUERY_TOO_EXPENSIVE: { id: 'Kueri terlalu mahal', en: 'Query too expensive' },
  TOO_MANY_ALIASES: { id: 'Terlalu banyak alias', en: 'Too many aliases' },
  TOO_MANY_DIRECTIVES: { id: 'Terlalu banyak direktif', en: 'Too many directives' },
  TOO_MANY_TOKENS: { id: 'Kueri terlalu panjang', en: 'Query too long' },
  INTROSPECTION_DISABLED: {
    id: 'Introspeksi skema hanya untuk pengembang yang masuk',
    en: 'Schema introspection is only for signed-in developers',
  },
  BAD_USER_INPUT: {
    id: 'Teks memuat karakter kendali yang tidak dapat disimpan atau ditampilkan (mis. U+0000)',
    en: 'Text contains a control character that cannot be stored or shown (e.g. U+0000)',
  },
  MALFORMED_ENCODING: {
    id: 'Penyandian persen atau UTF-8 pada permintaan tidak valid',
    en: 'The request has malformed percent-encoding or UTF-8',
  },
  TOO_MANY_PARAMETERS: { id: 'Terlalu banyak parameter', en: 'Too many parameters' },
  INPUT_TOO_NESTED: { id: 'Masukan terlalu bertingkat', en: 'The input is nested too deeply' },
  MALFORMED_JSON: { id: 'Isi permintaan bukan JSON yang valid', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: {
    id: 'Jenis isi tidak diterima di alamat ini',
    en: 'This address does not accept this content type',
  },
  FILE_LINK_INVALID: {
    id: 'Tautan berkas tidak sah; buka lagi halaman permohonan untuk mendapat tautan baru.',
    en: 'The file link is not valid; open the request page again for a new link.',
  },
  FILE_LINK_EXPIRED: {
    id: 'Tautan berkas sudah kedaluwarsa (berlaku 10 menit); buka lagi halaman permohonan untuk mendapat tautan baru.',
    en: 'The file link has expired (links last 10 minutes); open the request page again for a new link.',
  },
  UNEXPECTED_ERROR: { id: 'Terjadi kesalahan tak terduga', en: 'Unexpected error' },
} as const satisfies ErrorMessages<GatewayErrorCode>;

/**
 * What a missing record is called in each language, by its type (the NotFoundError's `entity`):
 * every node type and every other record a NotFoundError names. The internal type name never
 * reaches a person.
 */
export const NOT_FOUND_NAMES = {
  Account: { id: 'Akun', en: 'Account' },
  ApiKey: { id: 'Kunci API', en: 'API key' },
  Attachment: { id: 'Lampiran', en: 'Attachment' },
  AuditEntry: { id: 'Catatan audit', en: 'Audit entry' },
  Commitment: { id: 'Komitmen tindak lanjut', en: 'Follow-up commitment' },
  Competency: { id: 'Kompetensi', en: 'Competency' },
  Forum: { id: 'Forum konsultasi publik', en: 'Public consultation forum' },
  ForumSession: { id: 'Sesi forum', en: 'Forum session' },
  Holiday: { id: 'Hari libur', en: 'Holiday' },
  ImprovementAction: { id: 'Rencana tindak lanjut perbaikan', en: 'Improvement action' },
  IssuedDocument: { id: 'Dokumen terbit', en: 'Issued document' },
  Notification: { id: 'Pemberitahuan', en: 'Notification' },
  PerformancePeriod: { id: 'Periode SKP', en: 'Performance (SKP) period' },
  ResponseTemplate: { id: 'Templat tanggapan', en: 'Response template' },
  Service: { id: 'Layanan', en: 'Service' },
  ServiceChange: { id: 'Usulan perubahan layanan', en: 'Service change proposal' },
  ServiceRequest: { id: 'Permohonan/laporan', en: 'Request/report' },
  Staff: { id: 'Pegawai', en: 'Staff member' },
  Submission: { id: 'Masukan forum', en: 'Forum submission' },
  TrainingCourse: { id: 'Pelatihan', en: 'Training course' },
  TrainingRecord: { id: 'Riwayat pelatihan', en: 'Training record' },
  Unit: { id: 'Unit kerja', en: 'Unit' },
} as const satisfies Record<string, Message>;
export type NotFoundEntity = keyof typeof NOT_FOUND_NAMES;

/** `NOT_FOUND` names what was looked for in the reader's words: `Layanan "PBG" tidak ditemukan`. */
export function notFoundMessage(entity: NotFoundEntity, key: string): Message {
  const name: Message = NOT_FOUND_NAMES[entity] ?? { id: 'Data', en: 'Record' };
  return { id: `${name.id} "${key}" tidak ditemukan`, en: `${name.en} "${key}" was not found` };
}

const M = GATEWAY_ERROR_MESSAGES;
/** `base (limit id) / …`: a catalogued message followed by the limit it broke. */
const withLimit = (base: Message, id: string, en: string): Message => ({
  id: `${base.id} (${id})`,
  en: `${base.en} (${en})`,
});

/** The messages of the limits, stating the limit (graphql-armor, body size, rate limits). */
export const LIMIT_MESSAGES = {
  RATE_LIMITED: (seconds: number): Message => ({
    id: `Terlalu banyak permintaan; coba lagi dalam ${seconds} detik`,
    en: `Too many requests; try again in ${seconds} seconds`,
  }),
  PAYLOAD_TOO_LARGE: (bytes: number) =>
    withLimit(M.PAYLOAD_TOO_LARGE, `maksimal ${bytes} bita`, `at most ${bytes} bytes`),
  QUERY_TOO_DEEP: (n: number) => withLimit(M.QUERY_TOO_DEEP, `maksimal ${n} tingkat`, `at most ${n} levels`),
  QUERY_TOO_EXPENSIVE: (n: number) =>
    withLimit(M.QUERY_TOO_EXPENSIVE, `biaya maksimal ${n}`, `cost at most ${n}`),
  TOO_MANY_ALIASES: (n: number) => withLimit(M.TOO_MANY_ALIASES, `maksimal ${n}`, `at most ${n}`),
  TOO_MANY_DIRECTIVES: (n: number) => withLimit(M.TOO_MANY_DIRECTIVES, `maksimal ${n}`, `at most ${n}`),
  TOO_MANY_TOKENS: (n: number) => withLimit(M.TOO_MANY_TOKENS, `maksimal ${n} token`, `at most ${n} tokens`),
  TOO_MANY_PARAMETERS: (n: number) =>
    withLimit(
      M.TOO_MANY_PARAMETERS,
      `maksimal ${n} per permintaan atau kolom`,
      `at most ${n} per request or field`,
    ),
  INPUT_TOO_NESTED: (n: number) =>
    withLimit(M.INPUT_TOO_NESTED, `maksimal ${n} tingkat`, `at most ${n} levels`),
  UNSUPPORTED_MEDIA_TYPE: (accepted: readonly string[]) =>
    withLimit(M.UNSUPPORTED_MEDIA_TYPE, `kirim ${accepted.join(', ')}`, `send ${accepted.join(', ')}`),
  UNEXPECTED_ERROR: (requestId: string) =>
    withLimit(M.UNEXPECTED_ERROR, `id permintaan ${requestId}`, `request id ${requestId}`),
} as const satisfies Partial<Record<GatewayErrorCode, (limit: never) => Message>>;

/** The one-line texts made by bilingual(), newest last, so that a request-level error can be
 * answered in the caller's stated language (app/error-language.ts). Bounded: the limit messages
 * repeat, and a message made per request (a request id, seconds to wait) is needed only until its
 * answer is sent. */
const BILINGUAL_TEXTS = new Map<string, Message>();
const MAX_BILINGUAL_TEXTS = 512;

/** The one-line form of a message used outside GraphQL results: `Indonesian / English`. */
export function bilingual(message: Message): string {
  const text = `${message.id} / ${message.en}`;
  BILINGUAL_TEXTS.delete(text);
  BILINGUAL_TEXTS.set(text, message);
  if (BILINGUAL_TEXTS.size > MAX_BILINGUAL_TEXTS) {
    BILINGUAL_TEXTS.delete(BILINGUAL_TEXTS.keys().next().value as string);
  }
  return text;
}

/**
 * `text` with every `Indonesian / English` part made by bilingual() replaced by its `lang` half,
 * the rest (graphql-js's own wording around a scalar's refusal) kept; text without one unchanged.
 */
export function inOneLanguage(text: string, lang: 'id' | 'en'): string {
  if (!text.includes(' / ')) return text;
  const whole = BILINGUAL_TEXTS.get(text);
  if (whole) return whole[lang];
  let result = text;
  for (const [bilingualText, message] of BILINGUAL_TEXTS) {
    if (result.includes(bilingualText)) result = result.replace(bilingualText, () => message[lang]);
  }
  return result;
}

/**
 * A request-level GraphQL error (in `errors`, not a result union member): a gateway code, its
 * message in both languages, and `extensions` such as the HTTP status.
 */
export function gatewayGraphQLError(
  code: GatewayErrorCode,
  extensions: Record<string, unknown> = {},
  message: Message = GATEWAY_ERROR_MESSAGES[code],
): GraphQLError {
  return new GraphQLError(bilingual(message), { extensions: { code, ...extensions } });
}

/** Why the configuration (environment variables) was refused at start-up: for the operator. */
export const CONFIG_MESSAGES = {
  s3Url: (reason: string): Message => ({
    id: `bukan alamat S3 yang sah (s3://KUNCI:RAHASIA@HOST:PORT/BUCKET?region=…): ${reason}`,
    en: `is not a valid S3 address (s3://KEY:SECRET@HOST:PORT/BUCKET?region=…): ${reason}`,
  }),
  notBoolean: (raw: string | undefined): Message => ({
    id: `harus true atau false, bukan "${raw}"`,
    en: `must be true or false, not "${raw}"`,
  }),
  notIntegerBetween: (min: number, max: number, raw: string): Message => ({
    id: `harus bilangan bulat antara ${min} dan ${max}, bukan "${raw}"`,
    en: `must be an integer between ${min} and ${max}, not "${raw}"`,
  }),
  notNumberBetween: (min: number, max: number, raw: string): Message => ({
    id: `harus bilangan antara ${min} dan ${max} (titik desimal), bukan "${raw}"`,
    en: `must be a number between ${min} and ${max} (decimal point), not "${raw}"`,
  }),
  notBudget: (raw: string | undefined): Message => ({
    id: `harus berbentuk jumlah/detik (mis. 10/300) atau off, bukan "${raw}"`,
    en: `must be count/seconds (e.g. 10/300) or off, not "${raw}"`,
  }),
  introspection: { id: 'harus auto, on atau off', en: 'must be auto, on or off' },
  corsOrigin: (origin: string): Message => ({
    id: `asal "${origin}" tidak valid (contoh: https://layanan.sawahluntokota.go.id)`,
    en: `origin "${origin}" is invalid (e.g. https://layanan.sawahluntokota.go.id)`,
  }),
  oneOf: (values: readonly string[]): Message => ({
    id: `harus salah satu dari ${values.join(', ')}`,
    en: `must be one of ${values.join(', ')}`,
  }),
  seed: { id: 'harus auto, always atau never', en: 'must be auto, always or never' },
  mailUrl: (schemes: string, raw: string): Message => ({
    id: `harus URL ${schemes}, bukan "${raw}"`,
    en: `must be a ${schemes} URL, not "${raw}"`,
  }),
  jwtSecretRequired: {
    id: 'wajib diisi di produksi (minimal 32 karakter)',
    en: 'is required in production (at least 32 characters)',
  },
  jwtSecretShort: { id: 'minimal 32 karakter', en: 'must be at least 32 characters' },
  devLoginInProduction: {
    id: 'login pengembangan hanya boleh aktif dengan NODE_ENV=development atau test',
    en: 'the development login can only be enabled with NODE_ENV=development or test',
  },
  seedInProduction: {
    id: 'data contoh (akun demo tanpa kata sandi) hanya dengan NODE_ENV=development atau test',
    en: 'demo data (demo accounts without a password) only with NODE_ENV=development or test',
  },
} as const;

/** Texts of the Open311 GeoReport v2 endpoint (error descriptions and notices). */
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
  requestIdRequired: { id: 'service_request_id wajib diisi', en: 'service_request_id is required' },
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
} as const;

/** Request-level input the schema refuses before any resolver runs (ids, date-times). */
export const INPUT_MESSAGES = {
  invalidId: { id: 'ID tidak valid', en: 'Invalid ID' },
  invalidDateTime: { id: 'DateTime tidak valid', en: 'Invalid DateTime (ISO 8601 expected)' },
} as const satisfies Record<string, Message>;

/** Start-up failures shown to the operator (`pnpm start`). */
export const STARTUP_MESSAGES = {
  portInUse: (detail: string): Message => ({
    id: `Port sudah dipakai (${detail})`,
    en: `Port already in use (${detail})`,
  }),
} as const;

/** BAD_USER_INPUT naming where the character is (`variables.input.text`, `query`) and which. */
export const unsupportedCharacterMessage = (path: string, character: string): Message => ({
  id: `Teks pada ${path} memuat karakter kendali ${character} yang tidak dapat disimpan atau ditampilkan; hapus karakter itu.`,
  en: `The text at ${path} contains the control character ${character}, which cannot be stored or shown; remove it.`,
});
