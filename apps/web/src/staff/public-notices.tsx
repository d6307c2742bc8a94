// Public notices on the "Kelola" page (issue 21 item 7): a supervisor publishes for their own unit,
// an admin for any unit (publishPublicNotice); the unit's notices are listed newest first
// (publicNoticeBoard, paged by the gateway with the total).
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import {
  ErrorNote,
  Field,
  FormFailureNote,
  formatDateTime,
  Loading,
  mutationFailure,
  Notice,
  SubmitButton,
  useSubmit,
  useText,
} from '../ui.tsx';
import { UnitSelect } from './staff-form.tsx';

const NoticesQuery = graphql(`
  query ManagedNotices($unitCode: String, $first: Int!, $after: String) {
    publicNoticeBoard(unitCode: $unitCode, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title body publishedAt unitCode } }
    }
  }
`);

const PublishNotice = graphql(`
  mutation PublishPublicNotice($input: PublishPublicNoticeInput!) {
    publishPublicNotice(input: $input) {
      __typename
      ... on PublicNoticePayload { notice { id title } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

/** The notices of `ownUnit` (a supervisor's unit), or of the unit an admin picks (null: all units). */
export function PublicNotices({ ownUnit }: { ownUnit: string | null }) {
  const { t, lang } = useI18n();
  const [chosenUnit, setChosenUnit] = useState('');
  const unitCode = ownUnit ?? chosenUnit;
  const pager = usePager(unitCode);
  const variables = { unitCode: unitCode || null, first: PAGE_SIZE, after: pager.after };
  const [result, refetch] = useQuery({ query: NoticesQuery, variables });
  const { fetching, error } = result;
  const data = pageData(result, variables);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const notices = data?.publicNoticeBoard.edges.map((e) => e.node) ?? [];
  return (
    <>
      <h2>{t('manage_notices')}</h2>
      {ownUnit ? null : (
        <Field label={t('noticeUnit')} hint={t('noticeUnitHint')}>
          {(p) => <UnitSelect {...p} ownUnit={null} value={chosenUnit} onChange={setChosenUnit} />}
        </Field>
      )}
      {unitCode ? <PublishNoticeForm unitCode={unitCode} onDone={reload} /> : null}
      <h3>{t('publishedNotices')}</h3>
      {error ? <ErrorNote error={error} retry={reload} /> : null}
      {fetching && !data ? <Loading /> : null}
      {data && notices.length === 0 ? <p>{t('noNotices')}</p> : null}
      <ul className="list" data-testid="public-notices">
        {notices.map((n) => (
          <li key={n.id}>
            <strong>{n.title}</strong>{' '}
            <span className="muted">
              ({n.unitCode} · {formatDateTime(n.publishedAt, lang)})
            </span>
            <p className="note-text">{n.body}</p>
          </li>
        ))}
      </ul>
      <PagerNav pager={pager} connection={data?.publicNoticeBoard} shown={notices.length} />
    </>
  );
}

function PublishNoticeForm({ unitCode, onDone }: { unitCode: string; onDone: () => void }) {
  const { t } = useI18n();
  const title = useText();
  const body = useText();
  const [published, setPublished] = useState<string | null>(null);
  const [{ fetching }, publish] = useMutation(PublishNotice);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      setPublished(null);
      const r = await publish({ input: { unitCode, title: title.value, body: body.value } });
      return mutationFailure(r.data?.publishPublicNotice, r.error);
    },
    () => {
      setPublished(title.value.trim());
      title.set('');
      body.set('');
      onDone();
    },
  );
  return (
    <form className="subform" noValidate onSubmit={onSubmit} aria-label={t('publishNotice')}>
      <h3>{t('publishNoticeFor', { unit: unitCode })}</h3>
      <Field label={t('noticeTitle')} error={errors.title} required>
        {(p) => <input {...p} {...title.bind} />}
      </Field>
      <Field label={t('noticeBody')} error={errors.body} required>
        {(p) => <textarea {...p} rows={4} {...body.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['title', 'body']} />
      {published ? <Notice kind="success">{t('noticePublished', { title: published })}</Notice> : null}
      <SubmitButton busy={fetching}>{t('publishNotice')}</SubmitButton>
    </form>
  );
}
