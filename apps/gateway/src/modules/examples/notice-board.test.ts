// publicNoticeBoard (issue 21): the public notice board pages on the server, newest first, counts
// what the unit filter matches and names the publishing unit; anyone may read it.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../testing/use-harness.js';

const PUBLISH = `mutation($input: PublishPublicNoticeInput!) { publishPublicNotice(input: $input) { __typename } }`;
const BOARD = `query($unit: String, $first: Int!, $after: String) {
  publicNoticeBoard(unitCode: $unit, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { title unitCode unit { name } } }
  }
}`;

describe.each(testDatabaseKinds())('the public notice board on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin'] });

  it('pages newest first, filters by unit with its count, names the unit, for anonymous readers', async () => {
    const units = (
      await h.gql('{ units(first: 2) { edges { node { code name } } } }')
    ).body.data.units.edges.map((e: { node: { code: string; name: string } }) => e.node);
    const [a, b] = units;
    for (const [unit, title] of [
      [a.code, 'Pengumuman satu'],
      [b.code, 'Pengumuman dua'],
      [a.code, 'Pengumuman tiga'],
    ]) {
      const r = await h.gql(
        PUBLISH,
        { input: { unitCode: unit, title, body: `Isi ${title}` } },
        { token: t.admin },
      );
      expect(r.body.data.publishPublicNotice.__typename).toBe('PublicNoticePayload');
      // Distinct publication times, so newest first is a defined order.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // No token: the public reads it.
    const first = (await h.gql(BOARD, { first: 2 })).body.data.publicNoticeBoard;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e: any) => e.node.title)).toEqual(['Pengumuman tiga', 'Pengumuman dua']);
    expect(first.edges[0].node).toMatchObject({ unitCode: a.code, unit: { name: a.name } });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await h.gql(BOARD, { first: 2, after: first.pageInfo.endCursor })).body.data
      .publicNoticeBoard;
    expect(second.edges.map((e: any) => e.node.title)).toEqual(['Pengumuman satu']);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const ofA = (await h.gql(BOARD, { unit: a.code.toLowerCase(), first: 10 })).body.data.publicNoticeBoard;
    expect(ofA.totalCount).toBe(2);
    expect(ofA.edges.map((e: any) => e.node.title)).toEqual(['Pengumuman tiga', 'Pengumuman satu']);
    const none = (await h.gql(BOARD, { unit: 'TIDAK-ADA', first: 10 })).body.data.publicNoticeBoard;
    expect(none).toMatchObject({ totalCount: 0, edges: [] });
  });
});
