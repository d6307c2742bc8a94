// Query.competencies (issue 21): the competency dictionary the new-service form picks the required
// competency from — public, by code, counted.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../testing/use-harness.js';

describe.each(testDatabaseKinds())('the competency dictionary on %s', (kind) => {
  const { h } = useHarness(kind);

  it('lists every competency by code with its name and count, for anyone, paged', async () => {
    const { body } = await h.gql(
      '{ competencies(first: 500) { totalCount pageInfo { hasNextPage } edges { node { code name } } } }',
    );
    const list = body.data.competencies;
    const codes = list.edges.map((e: { node: { code: string } }) => e.node.code);
    expect(list.totalCount).toBe(await h.db.prisma.competency.count());
    expect(codes).toHaveLength(list.totalCount);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toContain('PERIZINAN');
    expect(list.pageInfo.hasNextPage).toBe(false);
    const page = (
      await h.gql('{ competencies(first: 2) { pageInfo { hasNextPage } edges { node { code } } } }')
    ).body.data.competencies;
    expect(page.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(codes.slice(0, 2));
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
});
