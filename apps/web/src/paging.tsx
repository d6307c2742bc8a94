// Lists are filtered, sorted and paged by the gateway (Relay cursor connections): a page of
// PAGE_SIZE rows, its position in the whole ("51–100 dari 196") and buttons to the next and
// previous page. The app never fetches a larger page to filter or sort it itself. A picker (a
// select of units, services or a unit's staff) needs every option: useEveryPage reads its list to
// the end, a page after another, instead of a first page that would silently drop the rest.
import type { TypedDocumentNode } from '@urql/core';
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { useI18n } from './i18n.tsx';

/** Rows per page of the app's lists (the gateway caps a page at 100). */
export const PAGE_SIZE = 50;

/**
 * The page shown of one list: `after` is the cursor to ask for (null for the first page).
 * `resetKey` names the list's filter and order: when it changes, paging starts over.
 */
export function usePager(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({
    key: resetKey,
    cursors: [null],
  });
  const cursors = state.key === resetKey ? state.cursors : [null];
  return {
    after: cursors.at(-1) ?? null,
    /** 1-based number of the page shown. */
    page: cursors.length,
    next: (endCursor: string) => setState({ key: resetKey, cursors: [...cursors, endCursor] }),
    previous: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
}

export type Pager = ReturnType<typeof usePager>;

/**
 * Where the page stands in the list ("1–50 dari 196") and its previous/next buttons; nothing
 * while the list is empty. `shown` is the number of rows on this page.
 */
export function PagerNav({
  pager,
  connection,
  shown,
  pageSize = PAGE_SIZE,
}: {
  pager: Pager;
  /** The page's connection (its total and page info); nothing is shown before it has loaded. */
  connection:
    | { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined } }
    | null
    | undefined;
  shown: number;
  pageSize?: number;
}) {
  const { t } = useI18n();
  if (!connection || connection.totalCount === 0) return null;
  const { totalCount, pageInfo } = connection;
  const from = (pager.page - 1) * pageSize + 1;
  const to = from + shown - 1;
  const endCursor = pageInfo.endCursor;
  return (
    <nav className="pager toolbar" aria-label={t('pagination')}>
      <span data-testid="page-range" aria-live="polite">
        {t('pageRange', { from: shown > 0 ? from : 0, to: Math.max(to, 0), total: totalCount })}
      </span>
      <button type="button" className="secondary" disabled={pager.page === 1} onClick={pager.previous}>
        {t('previousPage')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={!pageInfo.hasNextPage || !endCursor}
        onClick={() => endCursor && pager.next(endCursor)}
      >
        {t('nextPage')}
      </button>
    </nav>
  );
}

/**
 * The result's data if it answers `variables` (the page, filter and order shown now), else
 * undefined: urql keeps the previous result's data while the next one loads, and rows must never
 * be shown under another page's range or filter.
 */
export function pageData<Data>(
  result: { data?: Data | undefined; operation?: { variables?: unknown } | undefined },
  variables: object,
): Data | undefined {
  return JSON.stringify(result.operation?.variables ?? null) === JSON.stringify(variables)
    ? result.data
    : undefined;
}

/** `value` once it has stayed the same for `ms` (a search typed into a box asks the gateway once). */
export function useSettled<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The largest page the gateway serves (its page limit); useEveryPage asks for pages of this size. */
export const GATEWAY_PAGE_LIMIT = 100;

/** A reference list longer than this many pages is refused by useEveryPage rather than cut. */
const MOST_PICKER_PAGES = 50;

type Connection<Node> = {
  edges: readonly { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined };
};

/**
 * Every node of a reference list for a picker (units, services, a unit's staff: hundreds at most),
 * read page after page (`first: 100`, `after`) until `hasNextPage` is false, so no option is
 * dropped after the first page. `query` takes `$first: Int!` and `$after: String`; `connectionOf`
 * picks the connection out of its data. Answers `nodes: null` while loading; `error` is the
 * gateway's refusal, or an Error when the list runs past 50 pages (5000 rows), which a picker
 * cannot show (it is never cut silently). Paused while `pause` is true.
 */
export function useEveryPage<Data, Variables extends object, Node>(
  query: TypedDocumentNode<Data, Variables & { first: number; after: string | null }>,
  variables: Variables,
  connectionOf: (data: Data) => Connection<Node> | null | undefined,
  pause = false,
): { nodes: Node[] | null; error: Error | null } {
  const client = useClient();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ key: string; nodes: Node[] | null; error: Error | null }>({
    key: '',
    nodes: null,
    error: null,
  });
  // Read anew when `key` (the variables) changes; `query` is a module constant and `connectionOf` a
  // pure accessor, so neither is a reason to read again.
  useEffect(() => {
    if (pause) return;
    let cancelled = false;
    (async () => {
      const nodes: Node[] = [];
      let after: string | null = null;
      for (let page = 0; page < MOST_PICKER_PAGES; page++) {
        const result: { data?: Data | undefined; error?: Error | undefined } = await client
          .query(query, { ...variables, first: GATEWAY_PAGE_LIMIT, after }, { requestPolicy: 'network-only' })
          .toPromise();
        const connection: Connection<Node> | null | undefined = result.data
          ? connectionOf(result.data)
          : null;
        if (result.error || !connection) return { nodes: null, error: result.error ?? new Error('no list') };
        nodes.push(...connection.edges.map((edge) => edge.node));
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return { nodes, error: null };
        after = connection.pageInfo.endCursor;
      }
      return { nodes: null, error: new Error(`more than ${MOST_PICKER_PAGES * GATEWAY_PAGE_LIMIT} rows`) };
    })().then((answer) => {
      if (!cancelled) setState({ key, ...answer });
    });
    return () => {
      cancelled = true;
    };
  }, [client, key, pause]);
  return state.key === key ? { nodes: state.nodes, error: state.error } : { nodes: null, error: null };
}
