// The answering unit's forum inbox: every submission still awaiting a public answer, the earliest
// answer deadline first (overdue ones lead), paged by the gateway, each linked to its forum where
// staff answer it.
import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { Link } from '../router.tsx';
import { ErrorNote, formatDate, Loading, Table } from '../ui.tsx';

const InboxQuery = graphql(`
  query ForumInbox($first: Int!, $after: String) {
    forumInbox(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          kind
          title
          hidden
          answerDueOn
          answerOverdue
          createdAt
          forum { slug title }
          unit { name }
        }
      }
    }
  }
`);

export function ForumInboxPage() {
  const { t, lang } = useI18n();
  const pager = usePager('inbox');
  const pageVariables = { first: PAGE_SIZE, after: pager.after };
  const [page, refetch] = useQuery({ query: InboxQuery, variables: pageVariables });
  const data = pageData(page, pageVariables);
  const rows = data?.forumInbox.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>{t('navForumInbox')}</h1>
      <p className="muted">{t('forumInboxHint')}</p>
      {page.error ? (
        <ErrorNote error={page.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
      {page.fetching && !data ? <Loading /> : null}
      {data ? (
        <p data-testid="inbox-total">{t('inboxTotal', { count: data.forumInbox.totalCount })}</p>
      ) : null}
      {data && rows.length === 0 ? <p>{t('inboxEmpty')}</p> : null}
      {rows.length > 0 ? (
        <Table
          data-testid="forum-inbox"
          caption={t('navForumInbox')}
          columns={[t('submissionTitle'), t('forum'), t('submittedColumn'), t('answerDueColumn')]}
        >
          {rows.map((s) => (
            <tr key={s.id} className={s.answerOverdue ? 'urgent' : undefined}>
              <td>
                <Link to={`/forum/${s.forum.slug}`}>{s.title ?? t('hiddenContent')}</Link>{' '}
                <span className="muted">
                  ({t(`submissionKind_${s.kind}`)}
                  {s.hidden ? ` · ${t('hiddenLabel')}` : ''})
                </span>
              </td>
              <td>{s.forum.title}</td>
              <td>{formatDate(s.createdAt, lang)}</td>
              <td>
                {formatDate(s.answerDueOn, lang)}
                {s.answerOverdue ? <strong className="late"> · {t('late')}</strong> : null}
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      <PagerNav pager={pager} connection={data?.forumInbox} shown={rows.length} />
    </section>
  );
}
