import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { ProgressForm } from '../progress-form.tsx';
import { Link } from '../router.tsx';
import { isStaffRole, type Session } from '../session.ts';
import {
  ErrorNote,
  FailureNote,
  Field,
  failureOf,
  formatDate,
  formatDateTime,
  Loading,
  mutationFailure,
  Notice,
  ProgressBar,
  todayWib,
  useFailure,
} from '../ui.tsx';

const ForumsQuery = graphql(`
  query Forums {
    districts { code name }
    forums(first: 50) {
      edges {
        node {
          id
          slug
          title
          description
          unit { shortName }
          submissions(first: 1) { totalCount }
          sessions(first: 50) {
            edges { node { id title startsAt place district { code name } } }
          }
        }
      }
    }
  }
`);

export function ForumsPage() {
  const { t, lang } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ForumsQuery });
  const [district, setDistrict] = useState('');
  const forums = data?.forums.edges.map((e) => e.node) ?? [];
  const sessions = forums
    .flatMap((f) => f.sessions.edges.map((e) => ({ ...e.node, forum: f })))
    .filter((s) => (district ? s.district?.code === district : true))
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
  return (
    <section>
      <h1>{t('navForums')}</h1>
      <p>{t('forumsIntro')}</p>
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
      <h2>{t('sessionsByDistrict')}</h2>
      <div className="toolbar">
        <label htmlFor="district">{t('district')}</label>
        <select id="district" value={district} onChange={(e) => setDistrict(e.target.value)}>
          <option value="">{t('allDistricts')}</option>
          {data?.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      {data && sessions.length === 0 ? <p>{t('noSessions')}</p> : null}
      <ul className="list">
        {sessions.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> — {s.district?.name ?? t('cityWide')} ·{' '}
            {formatDateTime(s.startsAt, lang)} · {s.place} ·{' '}
            <Link to={`/forum/${s.forum.slug}`}>{s.forum.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

const SubmissionFields = graphql(`
  fragment SubmissionFields on Submission @_unmask {
    id
    kind
    title
    text
    authorName
    createdAt
    status
    answerReason
    answeredAt
    answerDueOn
    answerOverdue
    answeredOnTime
    supportCount
    supportedByMe
    followedByMe
    followerCount
    isMine
    hidden
    hiddenReason
    session { title district { name } }
    unit { code }
    commitment {
      id
      description
      dueOn
      progress
      status
      overdue
      doneOn
      responsibleStaff { name }
      updates { date note progress }
    }
  }
`);

const ForumQuery = graphql(
  `
  query Forum($slug: String!) {
    forum(slug: $slug) {
      id
      slug
      title
      description
      answerDays
      unit { code name staff(first: 100) { edges { node { id name } } } }
      sessions(first: 50) { edges { node { id title startsAt district { name } } } }
      submissions(first: 100) { edges { node { ...SubmissionFields } } }
    }
  }
`,
  [SubmissionFields],
);

type SubmissionData = ResultOf<typeof SubmissionFields>;

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

const Support = graphql(`
  mutation Support($id: ID!) {
    supportSubmission(submissionId: $id) {
      __typename
      ... on SubmissionPayload { submission { id supportCount supportedByMe } }
      ... on Failure { message }
    }
  }
`);
const Follow = graphql(`
  mutation Follow($id: ID!) {
    followSubmission(submissionId: $id) {
      __typename
      ... on SubmissionPayload { submission { id followedByMe followerCount } }
      ... on Failure { message }
    }
  }
`);
const Unfollow = graphql(`
  mutation Unfollow($id: ID!) {
    unfollowSubmission(submissionId: $id) {
      __typename
      ... on SubmissionPayload { submission { id followedByMe followerCount } }
      ... on Failure { message }
    }
  }
`);
const Answer = graphql(`
  mutation Answer($input: AnswerSubmissionInput!) {
    answerSubmission(input: $input) {
      __typename
      ... on SubmissionPayload { submission { id status answerReason answeredAt answeredOnTime } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);
const Commit = graphql(`
  mutation Commit($input: CreateCommitmentInput!) {
    createCommitment(input: $input) {
      __typename
      ... on CommitmentPayload { commitment { id } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);
const Progress = graphql(`
  mutation Progress($input: UpdateCommitmentProgressInput!) {
    updateCommitmentProgress(input: $input) {
      __typename
      ... on CommitmentPayload { commitment { id progress status } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

export function ForumPage({ slug, session }: { slug: string; session: Session | null }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ForumQuery, variables: { slug } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (error) return <ErrorNote error={error} retry={reload} />;
  if (fetching && !data) return <Loading />;
  const forum = data?.forum;
  if (!forum) return <Notice kind="warn">{t('forumNotFound')}</Notice>;
  const staff = isStaffRole(session?.account.role);
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
                staff={staff}
                unitStaff={forum.unit.staff.edges.map((e) => e.node)}
                onChange={reload}
              />
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="submit-title">
          <h2 id="submit-title">{t('submitToForum')}</h2>
          {session && !staff ? (
            <SubmitForm
              forumId={forum.id}
              sessions={forum.sessions.edges.map((e) => e.node)}
              onDone={reload}
            />
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

function SubmitForm({
  forumId,
  sessions,
  onDone,
}: {
  forumId: string;
  sessions: readonly { id: string; title: string; district: { name: string } | null }[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'ASPIRATION' | 'CRITIQUE'>('ASPIRATION');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [hideName, setHideName] = useState(false);
  const { failure, setFailure, errors } = useFailure();
  const [done, setDone] = useState(false);
  const [{ fetching }, submit] = useMutation(SubmitToForum);
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await submit({
          input: {
            forumId,
            kind,
            title,
            text,
            hideAuthorName: hideName,
            ...(sessionId ? { sessionId } : {}),
          },
        });
        const f = mutationFailure(r.data?.submitToForum, r.error);
        setFailure(f);
        if (!f) {
          setTitle('');
          setText('');
          setDone(true);
          onDone();
        }
      }}
    >
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
        {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('submissionText')} error={errors.text} required>
        {(p) => <textarea {...p} rows={5} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field label={t('session')} error={errors.sessionId}>
        {(p) => (
          <select {...p} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
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
      {failure && !failure.fields?.length ? <FailureNote failure={failure} /> : null}
      {done && !failure ? <Notice kind="success">{t('submissionSent')}</Notice> : null}
      <button type="submit" disabled={fetching}>
        {fetching ? t('submitting') : t('send')}
      </button>
    </form>
  );
}

function SubmissionCard({
  submission: s,
  signedIn,
  staff,
  unitStaff,
  onChange,
}: {
  submission: SubmissionData;
  signedIn: boolean;
  staff: boolean;
  unitStaff: readonly { id: string; name: string }[];
  onChange: () => void;
}) {
  const { t, lang } = useI18n();
  const [, support] = useMutation(Support);
  const [, follow] = useMutation(Follow);
  const [, unfollow] = useMutation(Unfollow);
  const { failure, setFailure } = useFailure();
  const act = async (run: () => Promise<{ data?: Record<string, { __typename: string }> | undefined }>) => {
    const r = await run();
    const first = r.data ? Object.values(r.data)[0] : undefined;
    setFailure(failureOf(first));
  };
  return (
    <li className="submission" data-testid="submission">
      <h3>{s.title ?? t('hiddenContent')}</h3>
      <p className="muted">
        {t(`submissionKind_${s.kind}`)} · {s.authorName ?? t('anonymous')} · {formatDate(s.createdAt, lang)}
        {s.session ? ` · ${s.session.title}${s.session.district ? ` (${s.session.district.name})` : ''}` : ''}
      </p>
      {s.hidden ? <Notice kind="warn">{t('hiddenBecause', { reason: s.hiddenReason ?? '' })}</Notice> : null}
      {s.text ? <p className="note-text">{s.text}</p> : null}
      <p>
        <span className={`badge answer-${s.status.toLowerCase()}`} data-testid="answer-status">
          {t(`answer_${s.status}`)}
        </span>{' '}
        {s.status === 'UNDER_REVIEW' ? (
          <span className={s.answerOverdue ? 'late' : 'muted'}>
            {t('answerDue', { date: formatDate(s.answerDueOn, lang) })}
            {s.answerOverdue ? ` · ${t('late')}` : ''}
          </span>
        ) : null}
      </p>
      {s.answerReason ? (
        <blockquote className="answer" data-testid="answer-reason">
          <p className="note-text">{s.answerReason}</p>
          <footer>
            {formatDate(s.answeredAt, lang)} · {s.answeredOnTime ? t('answeredOnTime') : t('answeredLate')}
          </footer>
        </blockquote>
      ) : null}
      {s.commitment ? <CommitmentView commitment={s.commitment} staff={staff} onChange={onChange} /> : null}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={!signedIn || s.supportedByMe || s.isMine}
          aria-pressed={s.supportedByMe}
          onClick={() => act(() => support({ id: s.id }))}
        >
          {t('support')} ({s.supportCount})
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!signedIn}
          aria-pressed={s.followedByMe}
          onClick={() => act(() => (s.followedByMe ? unfollow({ id: s.id }) : follow({ id: s.id })))}
        >
          {s.followedByMe ? t('unfollow') : t('follow')} ({s.followerCount})
        </button>
      </div>
      <FailureNote failure={failure} />
      {staff && s.status === 'UNDER_REVIEW' ? <AnswerForm submissionId={s.id} onDone={onChange} /> : null}
      {staff && (s.status === 'ACCEPTED' || s.status === 'ALREADY_PLANNED') && !s.commitment ? (
        <CommitmentForm submissionId={s.id} staff={unitStaff} onDone={onChange} />
      ) : null}
    </li>
  );
}

function AnswerForm({ submissionId, onDone }: { submissionId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<'ACCEPTED' | 'REJECTED' | 'ALREADY_PLANNED'>('ACCEPTED');
  const [reason, setReason] = useState('');
  const { failure, setFailure, errors } = useFailure();
  const [{ fetching }, answer] = useMutation(Answer);
  return (
    <form
      className="subform"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await answer({ input: { submissionId, status, reason } });
        const f = mutationFailure(r.data?.answerSubmission, r.error);
        setFailure(f);
        if (!f) onDone();
      }}
    >
      <h4>{t('answerPublicly')}</h4>
      <Field label={t('answerStatus')}>
        {(p) => (
          <select {...p} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {(['ACCEPTED', 'REJECTED', 'ALREADY_PLANNED'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`answer_${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('answerReason')} error={errors.reason} required>
        {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {failure && !failure.fields?.length ? <FailureNote failure={failure} /> : null}
      <button type="submit" disabled={fetching}>
        {t('publishAnswer')}
      </button>
    </form>
  );
}

function CommitmentForm({
  submissionId,
  staff,
  onDone,
}: {
  submissionId: string;
  staff: readonly { id: string; name: string }[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [description, setDescription] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [owner, setOwner] = useState(staff[0]?.id ?? '');
  const { failure, setFailure, errors } = useFailure();
  const [{ fetching }, commit] = useMutation(Commit);
  return (
    <form
      className="subform"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await commit({ input: { submissionId, description, dueOn, responsibleStaffId: owner } });
        const f = mutationFailure(r.data?.createCommitment, r.error);
        setFailure(f);
        if (!f) onDone();
      }}
    >
      <h4>{t('commitFollowUp')}</h4>
      <Field label={t('commitmentDescription')} error={errors.description} required>
        {(p) => <input {...p} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field label={t('dueDate')} error={errors.dueOn} required>
        {(p) => (
          <input
            {...p}
            type="date"
            min={todayWib()}
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('owner')} error={errors.responsibleStaffId} required>
        {(p) => (
          <select {...p} value={owner} onChange={(e) => setOwner(e.target.value)}>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {failure && !failure.fields?.length ? <FailureNote failure={failure} /> : null}
      <button type="submit" disabled={fetching}>
        {t('commit')}
      </button>
    </form>
  );
}

function CommitmentView({
  commitment: c,
  staff,
  onChange,
}: {
  commitment: NonNullable<SubmissionData['commitment']>;
  staff: boolean;
  onChange: () => void;
}) {
  const { t, lang } = useI18n();
  const [{ fetching }, update] = useMutation(Progress);
  return (
    <div className="commitment">
      <h4>{t('commitment')}</h4>
      <p>{c.description}</p>
      <p className="muted">
        {t('owner')}: {c.responsibleStaff.name} · {t('dueOn', { date: formatDate(c.dueOn, lang) })} ·{' '}
        {t(`commitment_${c.status}`)}
        {c.overdue ? <strong className="late"> · {t('late')}</strong> : null}
      </p>
      <ProgressBar value={c.progress} />
      <p className="muted">{c.progress} %</p>
      {c.updates.length > 0 ? (
        <ol className="trail">
          {c.updates.map((u) => (
            <li key={`${u.date}-${u.progress}`}>
              {formatDate(u.date, lang)} — {u.progress} %: {u.note}
            </li>
          ))}
        </ol>
      ) : null}
      {staff && c.status !== 'DONE' && c.status !== 'CANCELLED' ? (
        <ProgressForm
          initial={Math.min(100, c.progress + 25)}
          fetching={fetching}
          submit={async (progress, note) => {
            const r = await update({ input: { commitmentId: c.id, progress: Number(progress), note } });
            return mutationFailure(r.data?.updateCommitmentProgress, r.error);
          }}
          onSaved={onChange}
        />
      ) : null}
    </div>
  );
}
