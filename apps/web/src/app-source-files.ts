// For the web app's rule tests that read its own source (no-silent-truncation, every-row-reachable):
// the files they check. Never imported by the app itself.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts and .tsx file under `dir`, tests excluded, as paths. */
export function appSourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return appSourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
