// Typed database errors. Every code has an Indonesian and an English message so that a caller
// (CLI, gateway start-up) can print one clear line and exit, without a stack trace.

export const DatabaseErrorCode = {
  INVALID_DATABASE_URL: 'INVALID_DATABASE_URL',
  DATABASE_UNREACHABLE: 'DATABASE_UNREACHABLE',
  DATABASE_ACCESS_DENIED: 'DATABASE_ACCESS_DENIED',
  DATABASE_NOT_FOUND: 'DATABASE_NOT_FOUND',
  DATA_DIR_INVALID: 'DATA_DIR_INVALID',
  DATA_DIR_CORRUPT: 'DATA_DIR_CORRUPT',
  DATA_DIR_IN_USE: 'DATA_DIR_IN_USE',
  MIGRATIONS_DIR_INVALID: 'MIGRATIONS_DIR_INVALID',
  DATABASE_NOT_EMPTY: 'DATABASE_NOT_EMPTY',
  MIGRATION_LOCK_TIMEOUT: 'MIGRATION_LOCK_TIMEOUT',
  MIGRATION_BLOCKED: 'MIGRATION_BLOCKED',
  MIGRATION_CHECKSUM_MISMATCH: 'MIGRATION_CHECKSUM_MISMATCH',
  MIGRATION_FAILED: 'MIGRATION_FAILED',
  MIGRATION_RESOLVE_REJECTED: 'MIGRATION_RESOLVE_REJECTED',
  DATABASE_ERROR: 'DATABASE_ERROR',
} as const;

export type DatabaseErrorCode = (typeof DatabaseErrorCode)[keyof typeof DatabaseErrorCode];

/**
 * Values interpolated into the messages; also kept on the error for logs. `reason` is
 * language-neutral (e.g. a driver message); `reasonId` / `reasonEn` override it per language.
 */
export type DatabaseErrorDetails = Readonly<Record<string, string | number | undefined>>;

interface Messages {
  readonly id: string;
  readonly en: string;
}

const str = (value: string | number | undefined, fallback = '?'): string =>
  value === undefined || value === '' ? fallback : String(value);

const reasonSuffix = (reason: string | number | undefined): string =>
  reason === undefined || reason === '' ? '' : `: ${reason}`;

const MESSAGES: { readonly [C in DatabaseErrorCode]: (d: DatabaseErrorDetails) => Messages } = {
  INVALID_DATABASE_URL: (d) => ({
    id: `DATABASE_URL tidak valid (${str(d.url)})${reasonSuffix(d.reasonId ?? d.reason)}; gunakan postgresql://user:sandi@host:5432/nama_db, atau kosongkan untuk basis data tertanam`,
    en: `invalid DATABASE_URL (${str(d.url)})${reasonSuffix(d.reasonEn ?? d.reason)}; use postgresql://user:password@host:5432/dbname, or leave it empty for the embedded database`,
  }),
  DATABASE_UNREACHABLE: (d) => ({
    id: `tidak dapat terhubung ke PostgreSQL di ${str(d.target)}${reasonSuffix(d.reasonId ?? d.reason)}`,
    en: `cannot reach PostgreSQL at ${str(d.target)}${reasonSuffix(d.reasonEn ?? d.reason)}`,
  }),
  DATABASE_ACCESS_DENIED: (d) => ({
    id: `PostgreSQL di ${str(d.target)} menolak login${reasonSuffix(d.reasonId ?? d.reason)}`,
    en: `PostgreSQL at ${str(d.target)} refused the login${reasonSuffix(d.reasonEn ?? d.reason)}`,
  }),
  DATABASE_NOT_FOUND: (d) => ({
    id: `basis data "${str(d.database)}" tidak ada di ${str(d.target)}; buat dulu dengan CREATE DATABASE`,
    en: `database "${str(d.database)}" does not exist on ${str(d.target)}; create it first with CREATE DATABASE`,
  }),
  DATA_DIR_INVALID: (d) => ({
    id: `direktori data ${str(d.dataDir)} tidak dapat dipakai${reasonSuffix(d.reasonId ?? d.reason)}`,
    en: `data directory ${str(d.dataDir)} cannot be used${reasonSuffix(d.reasonEn ?? d.reason)}`,
  }),
  DATA_DIR_CORRUPT: (d) => ({
    id: `direktori data ${str(d.dataDir)} rusak atau bukan basis data PGlite${reasonSuffix(d.reasonId ?? d.reason)}; pindahkan atau hapus direktori itu, lalu jalankan ulang`,
    en: `data directory ${str(d.dataDir)} is corrupt or not a PGlite database${reasonSuffix(d.reasonEn ?? d.reason)}; move or delete it, then start again`,
  }),
  DATA_DIR_IN_USE: (d) => ({
    id: `direktori data ${str(d.dataDir)} sedang dipakai proses lain (PID ${str(d.pid)}); hentikan proses itu dulu, atau hapus ${str(d.lockFile)} bila proses itu tidak ada`,
    en: `data directory ${str(d.dataDir)} is in use by another process (PID ${str(d.pid)}); stop it first, or delete ${str(d.lockFile)} if no such process runs`,
  }),
  MIGRATIONS_DIR_INVALID: (d) => ({
    id: `folder migrasi ${str(d.migrationsDir)} tidak valid${reasonSuffix(d.reasonId ?? d.reason)}`,
    en: `migrations folder ${str(d.migrationsDir)} is invalid${reasonSuffix(d.reasonEn ?? d.reason)}`,
  }),
  DATABASE_NOT_EMPTY: (d) => ({
    id: `basis data sudah berisi tabel (${str(d.tables)}) tetapi tidak punya riwayat migrasi (_prisma_migrations); gunakan basis data kosong`,
    en: `the database already has tables (${str(d.tables)}) but no migration history (_prisma_migrations); use an empty database`,
  }),
  MIGRATION_LOCK_TIMEOUT: (d) => ({
    id: `proses migrasi lain masih berjalan; kunci migrasi tidak didapat dalam ${str(d.timeoutMs)} ms`,
    en: `another migration is still running; the migration lock was not acquired within ${str(d.timeoutMs)} ms`,
  }),
  MIGRATION_BLOCKED: (d) => ({
    id: `migrasi ${str(d.migrations)} pernah gagal${reasonSuffix(d.reasonId ?? d.reason)}; perbaiki basis data, lalu tandai dengan "cli.js resolve --rolled-back|--applied <nama>" sebelum migrasi lain dijalankan`,
    en: `migration ${str(d.migrations)} failed earlier${reasonSuffix(d.reasonEn ?? d.reason)}; fix the database, then mark it with "cli.js resolve --rolled-back|--applied <name>" before any other migration runs`,
  }),
  MIGRATION_CHECKSUM_MISMATCH: (d) => ({
    id: `migrasi ${str(d.migrations)} sudah diterapkan tetapi file migration.sql-nya diubah; kembalikan isi file, buat migrasi baru untuk perubahan`,
    en: `migration ${str(d.migrations)} was already applied but its migration.sql was edited; restore the file and create a new migration for the change`,
  }),
  MIGRATION_FAILED: (d) => ({
    id: `migrasi ${str(d.migration)} gagal dan dibatalkan${reasonSuffix(d.reasonId ?? d.reason)}`,
    en: `migration ${str(d.migration)} failed and was rolled back${reasonSuffix(d.reasonEn ?? d.reason)}`,
  }),
  MIGRATION_RESOLVE_REJECTED: (d) => ({
    id: `migrasi ${str(d.migration)} tidak dapat ditandai${reasonSuffix(d.reasonId ?? d.reason)}`,
    en: `migration ${str(d.migration)} cannot be marked${reasonSuffix(d.reasonEn ?? d.reason)}`,
  }),
  DATABASE_ERROR: (d) => ({
    id: `kesalahan basis data${reasonSuffix(d.reasonId ?? d.reason)}`,
    en: `database error${reasonSuffix(d.reasonEn ?? d.reason)}`,
  }),
};

/**
 * A failure the operator can act on. `message` is one bilingual line
 * (`<Indonesian> / <English>`); `code` is stable for programs.
 */
export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';
  readonly code: DatabaseErrorCode;
  readonly messageId: string;
  readonly messageEn: string;
  readonly details: DatabaseErrorDetails;

  constructor(code: DatabaseErrorCode, details: DatabaseErrorDetails = {}, options?: { cause?: unknown }) {
    const { id, en } = MESSAGES[code](details);
    super(`${oneLine(id)} / ${oneLine(en)}`, options);
    this.code = code;
    this.messageId = oneLine(id);
    this.messageEn = oneLine(en);
    this.details = details;
  }
}

export function isDatabaseError(error: unknown, code?: DatabaseErrorCode): error is DatabaseError {
  return error instanceof DatabaseError && (code === undefined || error.code === code);
}

/** Collapses whitespace so that a message always prints as a single line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A short, single-line description of any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    // Node reports a refused dual-stack connect as an AggregateError with an empty message.
    if (error instanceof AggregateError && oneLine(error.message) === '' && error.errors.length > 0) {
      return describeError(error.errors[0]);
    }
    const code = (error as { code?: unknown }).code;
    const message = oneLine(error.message) || error.name;
    return typeof code === 'string' && code !== '' && !message.includes(code)
      ? `${message} (${code})`
      : message;
  }
  return oneLine(String(error));
}
