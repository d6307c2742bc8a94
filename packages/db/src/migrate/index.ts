export { type MigrationConnection, pgConnection, pgliteConnection, type SqlSession } from './connection.js';
export {
  checksumOf,
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
  MIGRATION_SCRIPT_FILE,
  type MigrationFile,
  readMigrations,
  scriptMatchesChecksum,
} from './migrations-dir.js';
export {
  type AppliedMigration,
  type DatabaseLogger,
  DEFAULT_LOCK_TIMEOUT_MS,
  type FailedMigration,
  type LogLevel,
  MIGRATE_ADVISORY_LOCK_ID,
  MIGRATIONS_TABLE,
  type MigrateOptions,
  type MigrationResult,
  type MigrationStatus,
  migrate,
  migrationStatus,
  type ResolveAction,
  resolveMigration,
} from './runner.js';
