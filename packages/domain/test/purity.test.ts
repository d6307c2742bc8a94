/**
 * STYLE.md habit 1, enforced: `@layanan/domain` does no I/O. It has no runtime dependencies at
 * all, its source imports only its own relative files (not even `node:` built-ins), and it reads
 * no ambient state (clock, randomness, environment) — callers inject `now`, ids and calendars.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(e.name) && !/\.test\.[cm]?[jt]sx?$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier in a file: static and type imports, re-exports, `import()` and `require()`. */
function specifiers(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  const found = info.importedFiles.map((f) => f.fileName);
  // belt and braces: `require` with a template literal is not seen by preProcessFile
  for (const m of text.matchAll(/\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g)) found.push(m[1] ?? '');
  return [...new Set(found)];
}

/** Problems with one file's imports: non-relative specifiers, or relative ones leaving src/. */
function importViolations(file: string, text: string): string[] {
  return specifiers(text).flatMap((spec) => {
    if (!spec.startsWith('./') && !spec.startsWith('../')) return [`${spec} (not relative)`];
    const target = resolve(dirname(file), spec);
    return target === srcDir || target.startsWith(srcDir + sep) ? [] : [`${spec} (outside src/)`];
  });
}

// Ambient state a pure domain function must not read.
const FORBIDDEN_GLOBALS: readonly [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date() without an argument'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\bprocess\s*\./, 'process'],
  [/\bglobalThis\b/, 'globalThis'],
  [/\bfetch\s*\(/, 'fetch()'],
  [/\bconsole\s*\./, 'console'],
  [/\bcrypto\s*\./, 'crypto'],
  [/\b(?:setTimeout|setInterval|queueMicrotask)\s*\(/, 'timers'],
];

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function globalViolations(text: string): string[] {
  const code = stripComments(text);
  return FORBIDDEN_GLOBALS.filter(([re]) => re.test(code)).map(([, name]) => name);
}

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

  it('declares no runtime dependencies of any kind', () => {
    for (const field of [
      'dependencies',
      'peerDependencies',
      'optionalDependencies',
      'bundleDependencies',
      'bundledDependencies',
    ]) {
      const value = pkg[field];
      expect(
        value === undefined || (typeof value === 'object' && Object.keys(value ?? {}).length === 0),
        field,
      ).toBe(true);
    }
  });

  it('exports the root and the five area subpaths, each with types', () => {
    const exportsField = pkg.exports as Record<string, { types?: string; import?: string }>;
    for (const sub of [
      '.',
      './staff',
      './services',
      './forums',
      './feedback',
      './calendar',
      './notifications',
    ]) {
      expect(exportsField[sub]?.types, sub).toMatch(/^\.\/dist\/.*\.d\.ts$/);
      expect(exportsField[sub]?.import, sub).toMatch(/^\.\/dist\/.*\.js$/);
    }
  });
});

describe('source purity', () => {
  const files = sourceFiles(srcDir);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('imports nothing but its own relative files', () => {
    const violations = files.flatMap((f) =>
      importViolations(f, readFileSync(f, 'utf8')).map((v) => `${relative(root, f)}: ${v}`),
    );
    expect(violations).toEqual([]);
  });

  it('reads no ambient state (clock, randomness, environment, network, console)', () => {
    const violations = files.flatMap((f) =>
      globalViolations(readFileSync(f, 'utf8')).map((v) => `${relative(root, f)}: ${v}`),
    );
    expect(violations).toEqual([]);
  });

  it('the checks catch what they are meant to catch', () => {
    const file = join(srcDir, 'staff', 'x.ts');
    const bad = [
      "import { readFileSync } from 'node:fs';",
      "import type { PrismaClient } from '@prisma/client';",
      "export { x } from 'graphql';",
      "import 'pg';",
      "const m = await import('undici');",
      "const p = require('path');",
      "import { y } from '../../../db/src/client';",
      "import { ok } from '../result';",
    ].join('\n');
    expect(importViolations(file, bad)).toEqual([
      'node:fs (not relative)',
      '@prisma/client (not relative)',
      'graphql (not relative)',
      'pg (not relative)',
      'undici (not relative)',
      'path (not relative)',
      '../../../db/src/client (outside src/)',
    ]);
    expect(
      globalViolations('const t = Date.now(); const d = new Date(); // new Date() in a comment is fine'),
    ).toEqual(['Date.now()', 'new Date() without an argument']);
    expect(globalViolations('const env = process.env.TZ; console.log(Math.random());')).toEqual([
      'Math.random()',
      'process',
      'console',
    ]);
    expect(globalViolations('const d = new Date(ms); /* process.env */')).toEqual([]);
  });
});
