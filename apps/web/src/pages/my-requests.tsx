import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { Link } from '../router.tsx';
import { ErrorNote, formatDate, Loading, StateBadge } from '../ui.tsx';

/** A request as a row of a list: code, state, service and its two deadlines (unmasked). */
export const RequestRowFields = graphql(`
  fragment RequestRowFields on ServiceRequest @_unmask {
    id
    trackingCode
    state
    stateLabel
    submittedAt
    verificationDueOn
    verificationOverdue
    completionDueOn
    completionOverdue
    timeliness
    timelinessLabel
    service { name nameEn }
  }
`);

const MyRequests = graphql(
  `
  query MyRequests($first: Int!, $after: String) {
    serviceRequests(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...RequestRowFields } }
    }
  }
`,
  [RequestRowFields],
);

export function MyRequestsPage() {
  const { t, lang } = useI18n();
  const pager = usePager('mine');
  const pageVariables = { first: PAGE_SIZE, after: pager.after };
  const [page, refetch] = useQuery({
    query: MyRequests,
    variables: pageVariables,
    requestPolicy: 'cache-and-network',
  });
  const { fetching, error } = page;
  const data = pageData(page, pageVariables);
  const requests = data?.serviceRequests.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>{t('navMyRequests')}</h1>
      {error ? <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {fetching && !data ? <Loading /> : null}
      {data && requests.length === 0 ? (
        <p>
          {t('noRequestsYet')} <Link to="/">{t('navServices')}</Link>
        </p>
      ) : null}
      <ul className="cards">
        {requests.map((r) => (
          <li key={r.id} className="card">
            <h2>
              <Link to={`/permohonan/${r.trackingCode}`}>{serviceName(r.service, lang)}</Link>
            </h2>
            <p>
              <code>{r.trackingCode}</code> <StateBadge state={r.state} label={r.stateLabel} />
            </p>
            <p className="muted">
              {t('submittedOn', { date: formatDate(r.submittedAt, lang) })} ·{' '}
              {r.completionDueOn
                ? t('dueOn', { date: formatDate(r.completionDueOn, lang) })
                : t('verificationDueOn', { date: formatDate(r.verificationDueOn, lang) })}
              {r.timeliness === 'LATE' || r.timeliness === 'COMPLETED_LATE' ? (
                <strong className="late"> · {r.timelinessLabel}</strong>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <PagerNav pager={pager} connection={data?.serviceRequests} shown={requests.length} />
    </section>
  );
}
