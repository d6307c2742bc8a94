// Once per `vitest run`: a directory where the first test file that needs a migrated and seeded
// database builds it, and every other file copies it (see @layanan/db/testing's
// setupTestTemplates). The returned teardown drops the PostgreSQL templates.
import { setupTestTemplates } from '@layanan/db/testing';

export default function setup(): () => Promise<void> {
  return setupTestTemplates();
}
