// Every page is checked for accessibility (issue 21 item 14: axe "on every route for citizen,
// staff and admin"). The routes are read from the router (`Routes` in App.tsx: `path === '…'`,
// `path.startsWith('…')` and `match('…', path)`), and each must be visited by
// e2e/accessibility.test.ts, with `:param` segments standing for any value. A page added to the
// router without an axe check fails here, before any browser starts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const app = readFileSync(join(import.meta.dirname, 'App.tsx'), 'utf8');
const axeTest = readFileSync(join(import.meta.dirname, '../e2e/accessibility.test.ts'), 'utf8');

/** The address patterns `Routes` answers, e.g. `/pengumuman`, `/permohonan/:code`, `/verifikasi/…`. */
function routerPatterns(source: string): string[] {
  const body = source.slice(source.indexOf('function Routes('));
  const routes = body.slice(0, body.indexOf('\n}\n'));
  const exact = [...routes.matchAll(/path === '([^']+)'/g)].map((m) => m[1] as string);
  const prefixed = [...routes.matchAll(/path\.startsWith\('([^']+)'\)/g)].map((m) => `${m[1]}:rest`);
  const matched = [...body.matchAll(/match\('([^']+)', path\)/g)].map((m) => m[1] as string);
  return [...new Set([...exact, ...prefixed, ...matched])];
}

/** The addresses the accessibility test visits: string and template literals that start with `/`. */
function visitedRoutes(source: string): string[] {
  const literals = [...source.matchAll(/['`](\/[^'`\s]*)['`]/g)].map((m) => m[1] as string);
  return literals.map((route) => route.replace(/\$\{[^}]+\}/g, 'X'));
}

function covers(pattern: string, route: string): boolean {
  const wanted = pattern.split('/');
  const seen = route.split('/');
  // `:rest` (a `startsWith` route) stands for one or more further segments.
  if (wanted.at(-1) === ':rest')
    return (
      seen.length >= wanted.length &&
      covers(`${wanted.slice(0, -1).join('/')}/:x`, seen.slice(0, wanted.length).join('/'))
    );
  if (wanted.length !== seen.length) return false;
  return wanted.every((part, i) => (part.startsWith(':') ? (seen[i] ?? '') !== '' : part === seen[i]));
}

describe('accessibility coverage', () => {
  it('reads the router (the reading itself is checked)', () => {
    const patterns = routerPatterns(app);
    expect(patterns).toContain('/');
    expect(patterns).toContain('/permohonan/:code');
    expect(patterns).toContain('/staf/kelola');
    expect(patterns.length).toBeGreaterThan(20);
  });

  it('visits every route of the router in e2e/accessibility.test.ts', () => {
    const visited = visitedRoutes(axeTest);
    const missing = routerPatterns(app).filter((pattern) => !visited.some((route) => covers(pattern, route)));
    expect(missing).toEqual([]);
  });
});
