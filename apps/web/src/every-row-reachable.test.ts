// Every row of a list can be reached (issue 21 item 1, a kind): a GraphQL list field asked with a
// page size either pages (its selection reads `pageInfo`, which PagerNav or useEveryPage follow
// to the next page) or asks only for its `totalCount`. A literal `first: 100` with rows and no
// `pageInfo` is a first page that silently drops the rest (the staff queue, the approvals, the
// notices and the pickers did).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSourceFiles } from './app-source-files.ts';

/** The text of the `{ … }` selection that starts at or after `from`. */
function selectionAfter(text: string, from: number): string {
  const open = text.indexOf('{', from);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** `file: field(…)` for every paged field whose selection neither pages nor only counts. */
export function listsCutAtOnePage(file: string, text: string): string[] {
  const found: string[] = [];
  for (const doc of text.matchAll(/graphql\(\s*`([^`]*)`/g)) {
    const source = doc[1] ?? '';
    for (const field of source.matchAll(/(\w+)\(([^()]*\bfirst:[^()]*)\)/g)) {
      const selection = selectionAfter(source, (field.index ?? 0) + field[0].length);
      const onlyCounts = selection.trim() === 'totalCount';
      if (!onlyCounts && !/\bpageInfo\b/.test(selection)) found.push(`${file}: ${field[1]}(${field[2]})`);
    }
  }
  return found;
}

describe('lists', () => {
  it('finds a list cut at its first page (the check itself)', () => {
    const cut = 'const Q = graphql(`query { units(first: 100) { edges { node { code } } } }`);';
    const paged =
      'const Q = graphql(`query($first: Int!) { units(first: $first) { pageInfo { hasNextPage } edges { node { code } } } }`);';
    const counted = 'const Q = graphql(`query { forums { submissions(first: 1) { totalCount } } }`);';
    expect(listsCutAtOnePage('a.tsx', cut)).toEqual(['a.tsx: units(first: 100)']);
    expect(listsCutAtOnePage('b.tsx', paged)).toEqual([]);
    expect(listsCutAtOnePage('c.tsx', counted)).toEqual([]);
  });

  it('never ask for a first page without a way to the rest', () => {
    const root = import.meta.dirname;
    const offenders = appSourceFiles(root).flatMap((file) =>
      listsCutAtOnePage(relative(root, file), readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
