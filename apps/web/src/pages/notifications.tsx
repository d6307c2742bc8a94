import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { Link } from '../router.tsx';
import { ErrorNote, formatDateTime, Loading } from '../ui.tsx';

const NotificationsQuery = graphql(`
  query Notifications($first: Int!, $after: String) {
    unreadNotificationCount
    notifications(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          kind
          title
          read
          createdAt
          linkPath
          submission { id title forum { slug } }
          request { trackingCode }
        }
      }
    }
  }
`);

const MarkRead = graphql(`
  mutation MarkRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids) { marked unreadCount }
  }
`);

export function NotificationsPage() {
  const { t, lang } = useI18n();
  const pager = usePager('notifications');
  const pageVariables = { first: PAGE_SIZE, after: pager.after };
  const [page, refetch] = useQuery({
    query: NotificationsQuery,
    variables: pageVariables,
    requestPolicy: 'cache-and-network',
  });
  const { fetching, error } = page;
  const data = pageData(page, pageVariables);
  const [{ fetching: marking }, markRead] = useMutation(MarkRead);
  const items = data?.notifications.edges.map((e) => e.node) ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <section>
      <h1>{t('navNotifications')}</h1>
      {error ? <ErrorNote error={error} retry={reload} /> : null}
      {fetching && !data ? <Loading /> : null}
      {data ? (
        <p>
          {t('unreadCount', { count: data.unreadNotificationCount })}{' '}
          <button
            type="button"
            className="secondary"
            disabled={marking || data.unreadNotificationCount === 0}
            onClick={async () => {
              await markRead({});
              reload();
            }}
          >
            {t('markAllRead')}
          </button>
        </p>
      ) : null}
      {data && items.length === 0 ? <p>{t('noNotifications')}</p> : null}
      <ul className="list notifications">
        {items.map((n) => (
          <li key={n.id} className={n.read ? 'read' : 'unread'}>
            {!n.read ? (
              <span className="dot">
                <span className="sr-only">{t('unread')}</span>
              </span>
            ) : null}
            <strong>{n.title}</strong> <span className="muted">{formatDateTime(n.createdAt, lang)}</span>
            {n.submission ? (
              <>
                {' '}
                · <Link to={`/forum/${n.submission.forum.slug}`}>{n.submission.title ?? t('openForum')}</Link>
              </>
            ) : null}
            {/* Every kind carries the page of its item; older rows fall back to their request. */}
            {!n.submission && (n.linkPath || n.request) ? (
              <>
                {' '}
                ·{' '}
                <Link to={n.linkPath ?? `/permohonan/${n.request?.trackingCode}`}>
                  {n.request?.trackingCode ?? t('openItem')}
                </Link>
              </>
            ) : null}
            {!n.read ? (
              <button
                type="button"
                className="link"
                onClick={async () => {
                  await markRead({ ids: [n.id] });
                  reload();
                }}
              >
                {t('markRead')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <PagerNav pager={pager} connection={data?.notifications} shown={items.length} />
    </section>
  );
}
