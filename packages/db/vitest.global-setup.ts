// Once per `vitest run`: a directory where the first test file that needs a migrated (and seeded)
// database builds it, and every other file copies it (src/test-support/templates.ts). The
// returned teardown drops the PostgreSQL templates.
import { setupTestTemplates } from './src/test-support/templates.js';

export default function setup(): () => Promise<void> {
  return setupTestTemplates();
}
