// Where the gateway keeps its local files beside the database: `.eml` mail (`mail/`), uploaded
// and issued files (`files/`), generated keys (`signing-key.pem`, `mail-link.key`). For the embedded
// database that is the folder holding the data directory (`.data/` for `./.data/pglite`); for a
// throw-away `memory://` database (tests, e2e) it is a temporary directory of this process, removed
// when the process exits, so that nothing is written into the working directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { IN_MEMORY_DATA_DIR } from '@layanan/db';

let processDir: string | undefined;

/** The directory for local files of a gateway whose PGlite data directory is `dataDir`. */
export function stateDir(dataDir: string): string {
  if (!dataDir.startsWith(IN_MEMORY_DATA_DIR)) return dirname(dataDir);
  if (!processDir) {
    const dir = mkdtempSync(join(tmpdir(), 'layanan-'));
    processDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return processDir;
}
