// The PostgreSQL extensions the schema uses, for the embedded database (PGlite). PostgreSQL ships
// them as contrib modules (`CREATE EXTENSION` in a migration is enough); PGlite must load their
// code when it starts, so every `PGlite` this package creates passes these.
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * `pg_trgm`: trigram similarity of texts (`similarity(a, b)`, 0–1), used to show a citizen the
 * open complaints alike the one being filed (issue 20). Migration
 * `20261202133245_request_duplicates` creates the extension.
 */
export const PGLITE_EXTENSIONS = { pg_trgm } as const;
