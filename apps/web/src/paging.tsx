// Lists are filtered, sorted and paged by the gateway (Relay cursor connections): a page of
// PAGE_SIZE rows, its position in the whole ("51–100 dari 196") and buttons to the next and
// previous page. The app never fetches a larger page to filter or sort it itself.
import { useEffect, useState } from 'react';
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
