// The gateway's layout rules (docs/architecture.md), checked on the source: which area module may
// import which (the areas that react to another's events depend on it, never the other way), and
// no hand-written source file over 400 lines.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));

/** Each area and the areas it may import from. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  org: [],
  accounts: ['org'],
  staff: ['org', 'accounts'],
  // Files (issue 19): what takes uploads depends on it; it extends their types by name only.
  attachments: ['org', 'accounts'],
  services: ['org', 'accounts', 'staff', 'attachments'],
  forums: ['org', 'accounts', 'staff', 'services', 'attachments'],
  feedback: ['org', 'accounts', 'staff', 'services', 'forums', 'attachments'],
  documents: ['org', 'accounts', 'staff', 'services', 'attachments'],
  examples: ['org', 'accounts'],
  // Publishes what the other areas compute (issue 23); no area imports it.
  'open-data': ['org', 'services', 'forums', 'feedback'],
  // A person's rights over their data (issue 23): reads and erases what every area holds of them.
  privacy: ['org', 'accounts', 'services', 'forums', 'feedback', 'attachments'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const areaOf = (file: string): string | undefined => /modules\/([a-z-]+)\//.exec(file)?.[1];

describe('gateway layout', () => {
  const files = sourceFiles(SRC);

  it('knows every area module', () => {
    const areas = readdirSync(join(SRC, 'modules'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(areas).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('imports between area modules only in the allowed direction (services never imports feedback)', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = areaOf(relative(SRC, file));
      if (!from || file.endsWith('.test.ts')) continue;
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = areaOf(relative(SRC, join(file, '..', spec as string)));
        if (target && target !== from && !MAY_IMPORT[from]?.includes(target)) {
          wrong.push(`${relative(SRC, file)} imports ${spec} (${from} → ${target})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no hand-written source file over 400 lines', () => {
    const long = files
      .filter((f) => !f.endsWith('.test.ts'))
      .map((f) => ({ file: relative(SRC, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 400);
    expect(long).toEqual([]);
  });
});
