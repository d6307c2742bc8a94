import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { ProgressForm } from '../progress-form.tsx';
import { Link } from '../router.tsx';
import {
  ErrorNote,
  FailureNote,
  formatDate,
  Loading,
  mutationFailure,
  Notice,
  ProgressBar,
  Select,
  useFailure,
} from '../ui.tsx';
import { MeQuery } from './queue.tsx';

const ImprovementActionsQuery = graphql(`
  query ImprovementActions($unitCode: String, $status: ImprovementActionStatus, $first: Int!, $after: String) {
    improvementActions(unitCode: $unitCode, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          title
          reason
          kind
          periodKey
          dueOn
          doneOn
          overdue
          status
          progress
          version
          owner { id name }
          updates { date note progress status }
        }
      }
    }
  }
`);

const GenerateMutation = graphql(`
  mutation GenerateImprovementActions($unitCode: String!, $period: SkmPeriodInput!) {
    generateImprovementActions(unitCode: $unitCode, period: $period) {
      __typename
      ... on GenerateImprovementActionsPayload { data { created actions { id } } }
      ... on Failure { message }
      ... on ValidationError { fields { field message } }
    }
  }
`);

const UpdateMutation = graphql(`
  mutation UpdateImprovementAction($input: UpdateImprovementActionInput!) {
    updateImprovementAction(input: $input) {
      __typename
      ... on UpdateImprovementActionPayload { data { id progress status } }
      ... on Failure { message }
      ... on ValidationError { fields { field message } }
    }
  }
`);

type Action = ResultOf<typeof ImprovementActionsQuery>['improvementActions']['edges'][number]['node'];
type Status = Action['status'];
const STATUSES: readonly Status[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

/** A unit's improvement actions (from its SKM, complaints and competency gaps), with owners, due dates and progress. */
export function ImprovementActionsPage() {
  const { t } = useI18n();
  const [{ data: me }] = useQuery({ query: MeQuery });
  const role = me?.me.role;
  const [unit, setUnit] = useState<string | null>(null);
  const unitCode = unit ?? me?.me.unit?.code ?? '';
  const [status, setStatus] = useState<Status | ''>('');
  const pager = usePager(`${unitCode}:${status}`);
  const pageVariables = {
    unitCode,
    status: status === '' ? null : status,
    first: PAGE_SIZE,
    after: pager.after,
  };
  const [page, refetch] = useQuery({
    query: ImprovementActionsQuery,
    variables: pageVariables,
    pause: unitCode === '',
    requestPolicy: 'cache-and-network',
  });
  const { fetching, error } = page;
  const data = pageData(page, pageVariables);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const actions = data?.improvementActions.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>{t('improvementActionsTitle')}</h1>
      <p className="muted">
        {t('improvementActionsIntro')} <Link to="/staf/skm">{t('navSkm')}</Link>
      </p>
      <div className="toolbar">
        <label htmlFor="actions-unit">{t('unit')}</label>
        <input id="actions-unit" value={unitCode} onChange={(e) => setUnit(e.target.value.toUpperCase())} />
        <label htmlFor="actions-status">{t('actionStatusFilter')}</label>
        <select id="actions-status" value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
          <option value="">{t('allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`actionStatus_${s}`)}
            </option>
          ))}
        </select>
      </div>
      {unitCode !== '' && (role === 'SUPERVISOR' || role === 'ADMIN') ? (
        <ProposeForm unitCode={unitCode} onDone={reload} />
      ) : null}
      {error ? <ErrorNote error={error} retry={reload} /> : null}
      {fetching && !data ? <Loading /> : null}
      {data && actions.length === 0 ? <Notice>{t('noImprovementActions')}</Notice> : null}
      {actions.length > 0 ? (
        <ul className="list action-cards" data-testid="improvement-actions">
          {actions.map((a) => (
            <ActionCard key={a.id} action={a} onChange={reload} />
          ))}
        </ul>
      ) : null}
      <PagerNav pager={pager} connection={data?.improvementActions} shown={actions.length} />
    </section>
  );
}

function ProposeForm({ unitCode, onDone }: { unitCode: string; onDone: () => void }) {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [created, setCreated] = useState<number | null>(null);
  const { failure, setFailure } = useFailure();
  const [{ fetching }, generate] = useMutation(GenerateMutation);
  return (
    <form
      className="panel subform"
      aria-labelledby="propose-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        setCreated(null);
        const r = await generate({ unitCode, period: { kind: 'YEAR', year } });
        const result = r.data?.generateImprovementActions;
        const f = mutationFailure(result, r.error);
        setFailure(f);
        if (result?.__typename === 'GenerateImprovementActionsPayload') {
          setCreated(result.data.created);
          onDone();
        }
      }}
    >
      <h2 id="propose-heading">{t('proposeActions')}</h2>
      <p className="muted">{t('proposeActionsHint')}</p>
      <div className="toolbar">
        <label htmlFor="propose-year">{t('surveyYear')}</label>
        <Select
          id="propose-year"
          options={[thisYear - 2, thisYear - 1, thisYear]}
          value={year}
          onChange={setYear}
        />
        <button type="submit" disabled={fetching}>
          {t('proposeActions')}
        </button>
      </div>
      <FailureNote failure={failure} />
      {created !== null ? (
        <Notice kind="success">
          <span data-testid="actions-created">{t('actionsCreated', { count: created })}</span>
        </Notice>
      ) : null}
    </form>
  );
}

function ActionCard({ action: a, onChange }: { action: Action; onChange: () => void }) {
  const { t, lang } = useI18n();
  const headingId = `action-${a.id}`;
  return (
    <li className="panel" data-testid="improvement-action" aria-labelledby={headingId}>
      <h2 id={headingId}>{a.title}</h2>
      <p className="note-text">{a.reason}</p>
      <p className="muted">
        {t('owner')}: <span data-testid="action-owner">{a.owner?.name ?? t('noOwner')}</span> ·{' '}
        <span data-testid="action-due">{t('dueOn', { date: formatDate(a.dueOn, lang) })}</span> ·{' '}
        <span data-testid="action-status">{t(`actionStatus_${a.status}`)}</span>
        {a.doneOn ? ` · ${t('doneOnDate', { date: formatDate(a.doneOn, lang) })}` : null}
        {a.overdue ? <strong className="late"> · {t('late')}</strong> : null}
      </p>
      <ProgressBar value={a.progress} />
      <p className="muted" data-testid="action-progress">
        {t('progress')}: {a.progress} %
      </p>
      {a.updates.length > 0 ? (
        <ol className="trail">
          {a.updates.map((u) => (
            <li key={`${u.date}-${u.progress}-${u.note}`}>
              {formatDate(u.date, lang)} — {u.progress} %: {u.note}
            </li>
          ))}
        </ol>
      ) : null}
      {a.status === 'OPEN' || a.status === 'IN_PROGRESS' ? (
        <ActionProgressForm action={a} onChange={onChange} />
      ) : null}
    </li>
  );
}

function ActionProgressForm({ action, onChange }: { action: Action; onChange: () => void }) {
  const { t } = useI18n();
  const [{ fetching }, update] = useMutation(UpdateMutation);
  return (
    <ProgressForm
      initial={action.progress}
      current={action.progress}
      label={t('progressFormFor', { title: action.title })}
      fetching={fetching}
      submit={async (progress, note, decreaseReason) => {
        const value = progress.trim() === '' ? Number.NaN : Number(progress);
        const r = await update({
          input: {
            id: action.id,
            note,
            decreaseReason,
            expectedVersion: action.version,
            ...(Number.isNaN(value) ? {} : { progress: value }),
          },
        });
        return mutationFailure(r.data?.updateImprovementAction, r.error);
      }}
      onSaved={onChange}
      confirm
      failureWithFields
    />
  );
}
