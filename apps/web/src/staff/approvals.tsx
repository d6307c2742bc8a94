// Persetujuan (approvals): four eyes (issue 15 kind 7). Supervisors and admins see the trainings
// their staff recorded for themselves and confirm or reject each with a reason (only confirmed
// trainings count toward the 20 JP yearly right), and the pending changes of service standards
// (service-change-approvals.tsx).
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { ErrorNote, formatDate, Loading, mutationFailure, Notice, useFailure } from '../ui.tsx';
import { DecisionForm } from './decision-form.tsx';
import { ServiceChangeApprovals } from './service-change-approvals.tsx';

const TrainingsToConfirmQuery = graphql(`
  query TrainingsToConfirm($first: Int!, $after: String) {
    trainingsToConfirm(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title completedOn jp staff { name unit { code } } } }
    }
  }
`);

const ReviewTrainingMutation = graphql(`
  mutation ReviewTraining($input: ReviewTrainingInput!) {
    reviewTraining(input: $input) {
      __typename
      ... on ReviewTrainingPayload { trainingRecord { id status } }
      ... on Failure { message }
      ... on ValidationError { fields { field message } }
    }
  }
`);

type Training = ResultOf<typeof TrainingsToConfirmQuery>['trainingsToConfirm']['edges'][number]['node'];

/** The approvals tab: pending self-recorded trainings of the caller's unit tree (never their own). */
export function ApprovalsPage({ role }: { role: string }) {
  const { t } = useI18n();
  const allowed = role === 'SUPERVISOR' || role === 'ADMIN';
  const pager = usePager('trainings');
  const variables = { first: PAGE_SIZE, after: pager.after };
  const [result, refetch] = useQuery({
    query: TrainingsToConfirmQuery,
    variables,
    pause: !allowed,
    requestPolicy: 'cache-and-network',
  });
  const { fetching, error } = result;
  const data = pageData(result, variables);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const trainings = data?.trainingsToConfirm.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>{t('approvalsTitle')}</h1>
      <p className="muted">{t('approvalsIntro')}</p>
      {!allowed ? <Notice>{t('approvalsSupervisorsOnly')}</Notice> : null}
      {error ? <ErrorNote error={error} retry={reload} /> : null}
      {fetching && !data ? <Loading /> : null}
      {allowed && data && trainings.length === 0 ? <Notice>{t('noPendingTrainings')}</Notice> : null}
      {trainings.length > 0 ? (
        <>
          <h2>{t('pendingTrainings', { count: data?.trainingsToConfirm.totalCount ?? trainings.length })}</h2>
          <ul className="list" data-testid="pending-trainings">
            {trainings.map((training) => (
              <TrainingCard key={training.id} training={training} onDone={reload} />
            ))}
          </ul>
        </>
      ) : null}
      <PagerNav pager={pager} connection={data?.trainingsToConfirm} shown={trainings.length} />
      {allowed ? <ServiceChangeApprovals /> : null}
    </section>
  );
}

function TrainingCard({ training: tr, onDone }: { training: Training; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { failure, setFailure } = useFailure();
  const [{ fetching }, review] = useMutation(ReviewTrainingMutation);
  const decide = async (approve: boolean, reason: string) => {
    const decision = approve ? 'CONFIRMED' : 'REJECTED';
    const r = await review({ input: { trainingRecordId: tr.id, decision, reason } });
    const result = r.data?.reviewTraining;
    setFailure(mutationFailure(result, r.error));
    if (result?.__typename === 'ReviewTrainingPayload') onDone();
  };
  return (
    <li className="panel" data-testid="pending-training">
      <h3>{tr.title}</h3>
      <p className="muted">
        {tr.staff.name} ({tr.staff.unit.code}) · {formatDate(tr.completedOn, lang)} ·{' '}
        {t('trainingJpValue', { jp: tr.jp })}
      </p>
      <DecisionForm
        id={`training-${tr.id}`}
        busy={fetching}
        failure={failure}
        onDecide={(approve, reason) => void decide(approve, reason)}
      />
    </li>
  );
}
