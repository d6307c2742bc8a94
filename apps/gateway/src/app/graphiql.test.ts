// Issue 21, kind 13: GraphiQL works where public CDNs are blocked. Its page carries everything it
// needs (script, styles, editor workers) from the gateway and names no other host.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../testing/use-harness.js';

/** Every URL the page would load: `src`/`href` attributes, CSS `url()`, `@import`, `import()`. */
function loadedUrls(html: string): string[] {
  const patterns = [
    /\b(?:src|href)\s*=\s*["']([^"']+)["']/g,
    /url\(\s*["']?(https?:[^"')\s]+)/g,
    /@import\s+["'](https?:[^"']+)["']/g,
    /\bimport\(\s*["'](https?:[^"']+)["']/g,
  ];
  return patterns.flatMap((p) => [...html.matchAll(p)].map((m) => m[1] ?? ''));
}

describe.each(testDatabaseKinds())('GraphiQL on %s', (kind) => {
  const { h } = useHarness(kind, { seed: 'none' });

  it('serves GraphiQL with its assets from the gateway, naming no external host', async () => {
    const response = await h.gateway.fetch('http://layanan.test/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<title>Layanan GraphQL</title>');
    // The GraphiQL bundle is in the page, not fetched from unpkg or jsDelivr.
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(html).not.toMatch(/unpkg\.com|jsdelivr\.net|esm\.sh|cdnjs/);
    const external = loadedUrls(html).filter((url) => /^(https?:)?\/\//i.test(url));
    expect(external).toEqual([]);
  });
});
