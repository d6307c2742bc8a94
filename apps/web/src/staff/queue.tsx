import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import { RequestRowFields } from '../pages/my-requests.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { Link } from '../router.tsx';
import { ErrorNote, formatDate, Loading, StateBadge, Table } from '../ui.tsx';

export const MeQuery = graphql(`
  query Me {
    me { role account { id displayName } unit { id code name } }
  }
`);

const QueueQuery = graphql(
  `
  query Queue($filter: ServiceRequestFilter, $orderBy: ServiceRequestOrder, $first: Int!, $after: String) {
    serviceRequests(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          ...RequestRowFields
          channel
          priority
          escalationLevel
          assignee { name }
        }
      }
    }
  }
`,
  [RequestRowFields],
);

const UnitUpdates = graphql(`
  subscription UnitUpdates($unitId: ID!) {
    unitRequestUpdates(unitId: $unitId) { trackingCode version state at }
  }
`);

// What each scope asks the gateway for: it filters, sorts (urgent first, then nearest deadline;
// "all" newest first) and pages, so every request of the unit can be reached page by page.
// "escalated": the requests at the caller's level of the escalation ladder (for an admin, the
// city's complaint coordinator, the city-wide escalation queue).
const SCOPES = {
  open: { filter: { openOnly: true }, orderBy: 'PRIORITY' },
  urgent: { filter: { openOnly: true, priority: 'URGENT' }, orderBy: 'DEADLINE' },
  overdue: { filter: { overdueOnly: true }, orderBy: 'PRIORITY' },
  escalated: { filter: { escalatedToMe: true }, orderBy: 'PRIORITY' },
  all: { filter: null, orderBy: 'NEWEST' },
} as const;
type Scope = keyof typeof SCOPES;
const SCOPE_ORDER: readonly Scope[] = ['open', 'urgent', 'overdue', 'escalated', 'all'];

export function QueuePage() {
  const { t, lang } = useI18n();
  const [{ data: me }] = useQuery({ query: MeQuery });
  const [scope, setScope] = useState<Scope>('open');
  const pager = usePager(scope);
  const pageVariables = { ...SCOPES[scope], first: PAGE_SIZE, after: pager.after };
  const [page, refetch] = useQuery({
    query: QueueQuery,
    variables: pageVariables,
  });
  const { fetching, error } = page;
  const data = pageData(page, pageVariables);
  const unitId = me?.me.unit?.id;
  const [live] = useSubscription({ query: UnitUpdates, variables: { unitId: unitId ?? '' }, pause: !unitId });
  const liveKey = live.data
    ? `${live.data.unitRequestUpdates.trackingCode}:${live.data.unitRequestUpdates.version}`
    : '';
  useEffect(() => {
    if (liveKey) refetch({ requestPolicy: 'network-only' });
  }, [liveKey, refetch]);
  const rows = data?.serviceRequests.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>
        {t('navQueue')}
        {me?.me.unit ? <small> — {me.me.unit.name}</small> : null}
      </h1>
      <fieldset className="toolbar">
        <legend className="sr-only">{t('filter')}</legend>
        {SCOPE_ORDER.map((s) => (
          <button
            key={s}
            type="button"
            className="secondary"
            aria-pressed={scope === s}
            onClick={() => setScope(s)}
          >
            {s === 'escalated' && me?.me.role === 'ADMIN' ? t('escalationQueueCity') : t(`queue_${s}`)}
          </button>
        ))}
      </fieldset>
      {error ? <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {fetching && !data ? <Loading /> : null}
      {data ? (
        <p data-testid="queue-total">{t('queueTotal', { count: data.serviceRequests.totalCount })}</p>
      ) : null}
      {data && rows.length === 0 ? <p>{t('queueEmpty')}</p> : null}
      {rows.length > 0 ? (
        <Table
          data-testid="queue"
          caption={t('navQueue')}
          columns={[
            t('trackingCode'),
            t('service'),
            t('status'),
            t('deadline'),
            t('priorityTitle'),
            t('assignee'),
          ]}
        >
          {rows.map((r) => {
            const late = r.completionOverdue || r.verificationOverdue;
            return (
              <tr
                key={r.id}
                className={late || r.state === 'ESCALATED' || r.priority === 'URGENT' ? 'urgent' : undefined}
              >
                <td>
                  <Link to={`/staf/permohonan/${r.trackingCode}`}>{r.trackingCode}</Link>
                </td>
                <td>{serviceName(r.service, lang)}</td>
                <td>
                  <StateBadge state={r.state} label={r.stateLabel} />
                </td>
                <td>
                  {formatDate(r.completionDueOn ?? r.verificationDueOn, lang)}
                  {late ? <strong className="late"> · {t('late')}</strong> : null}
                </td>
                <td data-testid="queue-priority">
                  {r.priority === 'URGENT' ? <strong>{t('priority_URGENT')}</strong> : t('priority_NORMAL')}
                  {r.escalationLevel ? (
                    <span className="muted"> · {t(`escalation_${r.escalationLevel}`)}</span>
                  ) : null}
                </td>
                <td>{r.assignee?.name ?? '—'}</td>
              </tr>
            );
          })}
        </Table>
      ) : null}
      <PagerNav pager={pager} connection={data?.serviceRequests} shown={rows.length} />
    </section>
  );
}
