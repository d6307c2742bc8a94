// Persetujuan, service standards: four eyes (issue 15 kind 7). A changed completion time, cost or
// requirement of a service is published only when the head of the owning unit or an admin — not
// the proposer — approves it with a reason; each decision is confirmed in a dialog first. A change
// of the document slots lists the slots added, changed and removed.

import { serviceChangePartLabel } from '@layanan/domain/services';
import { useMutation, useQuery } from 'urql';
import { useConfirmation } from '../confirm.tsx';
import { graphql, type ResultOf } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { serviceName } from '../labels.ts';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { ErrorNote, formatDate, Loading, mutationFailure, Notice, useFailure } from '../ui.tsx';
import { DecisionForm } from './decision-form.tsx';
import { SlotChanges } from './document-slots-editor.tsx';

const PendingServiceChangesQuery = graphql(`
  query PendingServiceChanges($first: Int!, $after: String) {
    pendingServiceChanges(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id changedParts note proposerName proposedAt mayDecide
          proposedCompletionDays proposedCostIdr
          proposedDocumentSlots { key name nameId nameEn required acceptedTypes maxFiles }
          baseVersion { id documentSlots { key name nameId nameEn required acceptedTypes maxFiles } }
          service { code name nameEn completionDays costIdr }
        }
      }
    }
  }
`);

const DecideServiceChangeMutation = graphql(`
  mutation DecideServiceChange($input: DecideServiceChangeInput!) {
    decideServiceChange(input: $input) {
      __typename
      ... on ServiceChangePayload { serviceChange { id state } }
      ... on Failure { message }
      ... on ValidationError { fields { field message } }
    }
  }
`);

type Change = ResultOf<typeof PendingServiceChangesQuery>['pendingServiceChanges']['edges'][number]['node'];

/** The pending service-standard changes the caller sees, each with approve/reject and a reason. */
export function ServiceChangeApprovals() {
  const { t } = useI18n();
  const pager = usePager('service-changes');
  const variables = { first: PAGE_SIZE, after: pager.after };
  const [result, refetch] = useQuery({
    query: PendingServiceChangesQuery,
    variables,
    requestPolicy: 'cache-and-network',
  });
  const { fetching, error } = result;
  const data = pageData(result, variables);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const changes = data?.pendingServiceChanges.edges.map((e) => e.node) ?? [];
  return (
    <>
      <h2>
        {t('pendingServiceChanges', { count: data?.pendingServiceChanges.totalCount ?? changes.length })}
      </h2>
      <p className="muted">{t('serviceChangesIntro')}</p>
      {error ? <ErrorNote error={error} retry={reload} /> : null}
      {fetching && !data ? <Loading /> : null}
      {data && changes.length === 0 ? <Notice>{t('noPendingServiceChanges')}</Notice> : null}
      {changes.length > 0 ? (
        <ul className="list" data-testid="pending-service-changes">
          {changes.map((change) => (
            <ServiceChangeCard key={change.id} change={change} onDone={reload} />
          ))}
        </ul>
      ) : null}
      <PagerNav pager={pager} connection={data?.pendingServiceChanges} shown={changes.length} />
    </>
  );
}

function ServiceChangeCard({ change: c, onDone }: { change: Change; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { failure, setFailure } = useFailure();
  const confirmation = useConfirmation();
  const [{ fetching }, decide] = useMutation(DecideServiceChangeMutation);
  const money = (idr: number) =>
    idr === 0 ? t('free') : `Rp ${idr.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')}`;
  const summary = [
    c.proposedCompletionDays !== c.service.completionDays
      ? t('serviceChangeDays', { from: c.service.completionDays, to: c.proposedCompletionDays })
      : null,
    c.proposedCostIdr !== c.service.costIdr
      ? t('serviceChangeCost', { from: money(c.service.costIdr), to: money(c.proposedCostIdr) })
      : null,
  ].filter((line): line is string => line !== null);
  const send = async (approve: boolean, reason: string) => {
    const r = await decide({ input: { id: c.id, approve, reason } });
    const result = r.data?.decideServiceChange;
    setFailure(mutationFailure(result, r.error));
    if (result?.__typename === 'ServiceChangePayload') onDone();
  };
  const parts = c.changedParts.map((p) => serviceChangePartLabel(p)[lang]).join(', ');
  const ask = (approve: boolean, reason: string) =>
    confirmation.ask({
      title: approve ? t('approveServiceChangeQuestion') : t('rejectServiceChangeQuestion'),
      subject: `${c.service.code} — ${serviceName(c.service, lang)}: ${parts}`,
      confirmLabel: approve ? t('approve') : t('reject'),
      onConfirm: () => void send(approve, reason),
    });
  return (
    <li className="panel" data-testid="pending-service-change">
      <h3>
        {serviceName(c.service, lang)} <span className="muted">({c.service.code})</span>
      </h3>
      <p className="muted">
        {t('serviceChangeProposedBy', { name: c.proposerName, date: formatDate(c.proposedAt, lang) })}
      </p>
      <p>
        {t('serviceChangeParts')}: {parts}
      </p>
      {summary.length > 0 ? (
        <ul>
          {summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {c.changedParts.includes('DOCUMENT_SLOTS') ? (
        <SlotChanges before={c.baseVersion?.documentSlots ?? []} after={c.proposedDocumentSlots} />
      ) : null}
      <p>{c.note}</p>
      {c.mayDecide ? (
        <DecisionForm id={`service-change-${c.id}`} busy={fetching} failure={failure} onDecide={ask} />
      ) : (
        <Notice>{t('serviceChangeNotYours')}</Notice>
      )}
      {confirmation.dialog}
    </li>
  );
}
