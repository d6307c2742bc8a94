import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import { useEveryForumSession, useEveryStaffMember } from '../reference-lists.ts';
import { Link } from '../router.tsx';
import { isStaffRole, type Session } from '../session.ts';
import { MeQuery } from '../staff/queue.tsx';
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
import { FilePicker, sendWithFiles } from '../uploads.tsx';
import { SubmissionCard, SubmissionFields } from './forum-submission.tsx';

const ForumsQuery = graphql(`
  query Forums($first: Int!, $after: String) {
    districts { code name }
    forums(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          slug
          title
          description
          unit { shortName }
          submissions(first: 1) { totalCount }
        }
      }
    }
  }
`);

const SessionsQuery = graphql(`
  query ForumSessions($districtCode: String, $first: Int!, $after: String) {
    forumSessions(districtCode: $districtCode, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title startsAt place district { code name } forum { slug title } } }
    }
  }
`);

export function ForumsPage() {
  const { t, lang } = useI18n();
  const forumPager = usePager('forums');
  const forumVariables = { first: PAGE_SIZE, after: forumPager.after };
  const [forumsResult, refetch] = useQuery({ query: ForumsQuery, variables: forumVariables });
  const { fetching, error } = forumsResult;
  const data = pageData(forumsResult, forumVariables);
  const district = useText();
  const forums = data?.forums.edges.map((e) => e.node) ?? [];
  // The gateway filters the sessions by kecamatan, orders them by start and pages them.
  const pager = usePager(district.value);
  const sessionVariables = { districtCode: district.value || null, first: PAGE_SIZE, after: pager.after };
  const [sessionsResult] = useQuery({ query: SessionsQuery, variables: sessionVariables });
  const sessionsPage = pageData(sessionsResult, sessionVariables);
  const sessions = sessionsPage?.forumSessions.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>{t('navForums')}</h1>
      <p>{t('forumsIntro')}</p>
      <p>
        <Link to="/pengumuman">{t('noticesLink')}</Link>
      </p>
      {error ? <ErrorNote error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {fetching && !data ? <Loading /> : null}
      <ul className="cards">
        {forums.map((f) => (
          <li key={f.id} className="card">
            <h2>
              <Link to={`/forum/${f.slug}`}>{f.title}</Link>
            </h2>
            <p className="muted">
              {f.unit.shortName} · {t('submissionsCount', { count: f.submissions.totalCount })}
            </p>
            <p>{f.description}</p>
          </li>
        ))}
      </ul>
      <PagerNav pager={forumPager} connection={data?.forums} shown={forums.length} />
      <h2>{t('sessionsByDistrict')}</h2>
      <div className="toolbar">
        <label htmlFor="district">{t('district')}</label>
        <select id="district" {...district.bind}>
          <option value="">{t('allDistricts')}</option>
          {data?.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      {sessionsResult.error ? <ErrorNote error={sessionsResult.error} /> : null}
      {sessionsPage && sessions.length === 0 ? <p>{t('noSessions')}</p> : null}
      <ul className="list">
        {sessions.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> — {s.district?.name ?? t('cityWide')} ·{' '}
            {formatDateTime(s.startsAt, lang)} · {s.place} ·{' '}
            <Link to={`/forum/${s.forum.slug}`}>{s.forum.title}</Link>
          </li>
        ))}
      </ul>
      <PagerNav pager={pager} connection={sessionsPage?.forumSessions} shown={sessions.length} />
    </section>
  );
}

const ForumQuery = graphql(
  `
  query Forum($slug: String!, $first: Int!, $after: String) {
    forum(slug: $slug) {
      id
      slug
      title
      description
      answerDays
      unit { code name }
      submissions(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { ...SubmissionFields } }
      }
    }
  }
`,
  [SubmissionFields],
);

/** A forum's sessions, latest first, paged: shown to the public here and managed on Kelola. */
export const ForumSessionsQuery = graphql(`
  query ForumSessionsPublic($slug: String!, $first: Int!, $after: String) {
    forum(slug: $slug) {
      id
      sessions(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id title agenda startsAt place
            district { name }
            representatives { staff { id name position } }
            minutes minutesPublishedAt
          }
        }
      }
    }
  }
`);

/**
 * A forum's sessions for the public (issue 21), latest first and paged by the gateway: when (WIB)
 * and where, the kecamatan, the agenda, the staff attending for the government and the minutes
 * once published.
 */
function ForumSessions({ slug }: { slug: string }) {
  const { t, lang } = useI18n();
  const pager = usePager(slug);
  const variables = { slug, first: PAGE_SIZE, after: pager.after };
  const [result, refetch] = useQuery({ query: ForumSessionsQuery, variables });
  const page = pageData(result, variables)?.forum?.sessions;
  const sessions = page?.edges.map((e) => e.node) ?? [];
  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('forumSessionsTitle')}</h2>
      {result.error ? (
        <ErrorNote error={result.error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
      {page && sessions.length === 0 ? <p>{t('noSessions')}</p> : null}
      <ul className="cards" data-testid="forum-sessions">
        {sessions.map((s) => (
          <li key={s.id} className="card">
            <article aria-labelledby={`session-${s.id}`}>
              <h3 id={`session-${s.id}`}>{s.title}</h3>
              <dl className="facts">
                <dt>{t('sessionWhen')}</dt>
                <dd>
                  <time dateTime={s.startsAt}>{t('atWib', { time: formatDateTime(s.startsAt, lang) })}</time>
                </dd>
                <dt>{t('sessionPlace')}</dt>
                <dd>{s.place}</dd>
                <dt>{t('district')}</dt>
                <dd>{s.district?.name ?? t('cityWide')}</dd>
                <dt>{t('sessionAgenda')}</dt>
                <dd className="note-text">{s.agenda}</dd>
                <dt>{t('sessionRepresentatives')}</dt>
                <dd>
                  {s.representatives.length === 0
                    ? t('noRepresentatives')
                    : s.representatives.map((r) => `${r.staff.name} (${r.staff.position})`).join(', ')}
                </dd>
              </dl>
              <h4>{t('sessionMinutes')}</h4>
              {s.minutes ? (
                <>
                  <p className="muted">
                    {t('minutesPublishedOn', { date: formatDateTime(s.minutesPublishedAt, lang) })}
                  </p>
                  <p className="note-text">{s.minutes}</p>
                </>
              ) : (
                <p>{t('minutesNotYet')}</p>
              )}
            </article>
          </li>
        ))}
      </ul>
      <PagerNav pager={pager} connection={page} shown={sessions.length} />
    </section>
  );
}

export function ForumPage({ slug, session }: { slug: string; session: Session | null }) {
  const { t } = useI18n();
  const pager = usePager(slug);
  const [{ data: me }] = useQuery({ query: MeQuery, pause: !isStaffRole(session?.account.role) });
  const pageVariables = { slug, first: PAGE_SIZE, after: pager.after };
  const [page, refetch] = useQuery({
    query: ForumQuery,
    variables: pageVariables,
  });
  const { fetching, error } = page;
  const data = pageData(page, pageVariables);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // Pickers' options, every one of them: the unit's staff for commitments (staff only), the
  // forum's sessions a citizen's submission may name (signed-in citizens only).
  const staffSide = isStaffRole(session?.account.role);
  const unitStaff = useEveryStaffMember(staffSide ? (data?.forum?.unit.code ?? null) : null).nodes ?? [];
  const sessions = useEveryForumSession(slug, !session || staffSide).nodes ?? [];
  if (error) return <ErrorNote error={error} retry={reload} />;
  if (fetching && !data) return <Loading />;
  const forum = data?.forum;
  if (!forum) return <Notice kind="warn">{t('forumNotFound')}</Notice>;
  // Staff answer for their own unit's forums (admins for all): others are not offered the forms.
  const answersHere =
    isStaffRole(session?.account.role) &&
    (session?.account.role === 'ADMIN' || me?.me.unit?.code === forum.unit.code);
  const submissions = forum.submissions.edges.map((e) => e.node);
  return (
    <article>
      <p className="crumbs">
        <Link to="/forum">{t('navForums')}</Link> / {forum.title}
      </p>
      <h1>{forum.title}</h1>
      <p>{forum.description}</p>
      <p className="muted">
        {forum.unit.name} · {t('answerWithin', { days: forum.answerDays })}
      </p>
      <p>
        <Link to="/pengumuman">{t('noticesLink')}</Link>
      </p>
      <ForumSessions slug={forum.slug} />
      <div className="columns">
        <section className="panel" aria-labelledby="subs-title">
          <h2 id="subs-title">{t('submissionsTitle')}</h2>
          {submissions.length === 0 ? <p>{t('noSubmissions')}</p> : null}
          <ul className="submissions">
            {submissions.map((s) => (
              <SubmissionCard
                key={s.id}
                submission={s}
                signedIn={Boolean(session)}
                staff={answersHere}
                unitStaff={unitStaff}
                onChange={reload}
              />
            ))}
          </ul>
          <PagerNav pager={pager} connection={forum.submissions} shown={submissions.length} />
        </section>
        <section className="panel" aria-labelledby="submit-title">
          <h2 id="submit-title">{t('submitToForum')}</h2>
          {session && !isStaffRole(session.account.role) ? (
            <SubmitForm forumId={forum.id} sessions={sessions} onDone={reload} />
          ) : session ? (
            <p>{t('citizensOnly')}</p>
          ) : (
            <Link to="/masuk">{t('signInToSubmit')}</Link>
          )}
        </section>
      </div>
    </article>
  );
}

const SubmitToForum = graphql(`
  mutation SubmitToForum($input: SubmitToForumInput!) {
    submitToForum(input: $input) {
      __typename
      ... on SubmissionPayload { submission { id } }
      ... on ValidationError { message fields { field message } }
      ... on NotFoundError { message }
    }
  }
`);

// Sent by the multipart request spec when photos come with it (uploads.tsx), outside urql.
const SUBMIT_WITH_PHOTOS = `mutation SubmitToForumWithPhotos($input: SubmitToForumInput!) {
  submitToForum(input: $input) {
    __typename
    ... on SubmissionPayload { submission { id } }
    ... on Failure { message }
    ... on ValidationError { fields { field message } }
  }
}`;

function SubmitForm({
  forumId,
  sessions,
  onDone,
}: {
  forumId: string;
  sessions: readonly { id: string; title: string; district: { name: string } | null }[];
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<'ASPIRATION' | 'CRITIQUE'>('ASPIRATION');
  const [photos, setPhotos] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const title = useText();
  const text = useText();
  const sessionId = useText();
  const [hideName, setHideName] = useState(false);
  const [done, setDone] = useState(false);
  const [{ fetching }, submit] = useMutation(SubmitToForum);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      const base = { forumId, kind, title: title.value, text: text.value, hideAuthorName: hideName };
      const input = { ...base, ...(sessionId.value ? { sessionId: sessionId.value } : {}) };
      if (photos.length > 0) {
        // With photos: the GraphQL multipart request, with upload progress.
        setProgress(0);
        const answer = await sendWithFiles(lang, SUBMIT_WITH_PHOTOS, input, photos, setProgress)
          .catch(() => null)
          .finally(() => setProgress(null));
        const payload = answer?.data?.submitToForum;
        if (payload?.__typename === 'SubmissionPayload') return null;
        return {
          __typename: payload?.__typename ?? 'NetworkError',
          message: payload?.message ?? answer?.errors?.[0]?.message ?? t('networkError'),
          ...(payload?.fields ? { fields: payload.fields } : {}),
        };
      }
      const r = await submit({ input });
      return mutationFailure(r.data?.submitToForum, r.error);
    },
    () => {
      title.set('');
      text.set('');
      setPhotos([]);
      setDone(true);
      onDone();
    },
  );
  return (
    <form noValidate onSubmit={onSubmit}>
      <fieldset className="field">
        <legend>{t('submissionKind')}</legend>
        {(['ASPIRATION', 'CRITIQUE'] as const).map((k) => (
          <label key={k} className="check">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
            {t(`submissionKind_${k}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('title')} error={errors.title} required>
        {(p) => <input {...p} {...title.bind} />}
      </Field>
      <Field label={t('submissionText')} error={errors.text} required>
        {(p) => <textarea {...p} rows={5} {...text.bind} />}
      </Field>
      <Field label={t('session')} error={errors.sessionId}>
        {(p) => (
          <select {...p} {...sessionId.bind}>
            <option value="">{t('noSession')}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
                {s.district ? ` (${s.district.name})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={hideName} onChange={(e) => setHideName(e.target.checked)} />{' '}
        {t('hideMyName')}
      </label>
      {/* A refused photo (`attachments[i]`) is named in the failure note below. */}
      <FilePicker photos files={photos} onChange={setPhotos} progress={progress} />
      <FormFailureNote failure={failure} shown={['title', 'text', 'sessionId']} />
      {done && !failure ? <Notice kind="success">{t('submissionSent')}</Notice> : null}
      <SubmitButton busy={fetching || progress !== null}>
        {fetching || progress !== null ? t('submitting') : t('send')}
      </SubmitButton>
    </form>
  );
}
