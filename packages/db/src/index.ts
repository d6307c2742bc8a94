// @layanan/db: the Prisma schema's client, the database factory (embedded PGlite or
// PostgreSQL), the migration runner and the demo seed.

export {
  type CreateDatabaseOptions,
  createDatabase,
  type Database,
  type DatabaseKind,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_POOL_SIZE,
  IN_MEMORY_DATA_DIR,
  type QueryEvent,
} from './client.js';
export { DEVELOPMENT_NODE_ENVS, isDevelopmentMode } from './environment.js';
export {
  DatabaseError,
  DatabaseErrorCode,
  type DatabaseErrorDetails,
  describeError,
  isDatabaseError,
} from './errors.js';
export type { default as PrismaTypes } from './generated/pothos-types.js';
export { getDatamodel } from './generated/pothos-types.js';
export * from './generated/prisma/client.js';
export {
  type ImportRowError,
  type ImportStaffOptions,
  type ImportStaffResult,
  importStaff,
  parseCsv,
} from './import-staff.js';
export * from './migrate/index.js';
export { defaultMigrationsDir } from './paths.js';
export { type SeedResult, seed } from './seed.js';
export { redactUrl } from './url.js';
