// One forum submission as its forum page lists it: the citizen's text, support and follow, the
// unit's public answer and the commitment that follows from it, with the staff forms for both.
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { ProgressForm } from '../progress-form.tsx';
import { HideForm } from '../staff/moderation.tsx';
import {
  FailureNote,
  Field,
  FormFailureNote,
  formatDate,
  mutationFailure,
  Notice,
  ProgressBar,
  Select,
  SubmitButton,
  todayWib,
  useFailure,
  useSubmit,
  useText,
} from '../ui.tsx';
import { SubmissionPhotos } from '../uploads.tsx';

export const SubmissionFields = graphql(`
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
    attachments { id name type size url }
    session { title district { name } }
    unit { code }
    commitment {
      id
      description
      dueOn
      progress
      version
      status
      overdue
      doneOn
      responsibleStaff { name }
      updates { date note progress decreaseReason }
    }
  }
`);

type SubmissionData = ResultOf<typeof SubmissionFields>;

const Support = graphql(`
  mutation Support($id: ID!) {
    supportSubmission(submissionId: $id) {
      __typename
      ... on SubmissionPayload { submission { id supportCount supportedByMe } }
      ... on Failure { message }
    }
  }
`);
// Following and unfollowing are two mutations; one document picks the one `$follow` asks for.
const Follow = graphql(`
  mutation Follow($id: ID!, $follow: Boolean!) {
    followSubmission(submissionId: $id) @include(if: $follow) {
      __typename
      ... on SubmissionPayload { submission { id followedByMe followerCount } }
      ... on Failure { message }
    }
    unfollowSubmission(submissionId: $id) @skip(if: $follow) {
      __typename
      ... on SubmissionPayload { submission { id followedByMe followerCount } }
      ... on Failure { message }
    }
  }
`);

export function SubmissionCard({
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
  const { failure, setFailure } = useFailure();
  return (
    <li className="submission" data-testid="submission">
      <h3>{s.title ?? t('hiddenContent')}</h3>
      <p className="muted">
        {t(`submissionKind_${s.kind}`)} · {s.authorName ?? t('anonymous')} · {formatDate(s.createdAt, lang)}
        {s.session ? ` · ${s.session.title}${s.session.district ? ` (${s.session.district.name})` : ''}` : ''}
      </p>
      {s.hidden ? <Notice kind="warn">{t('hiddenBecause', { reason: s.hiddenReason ?? '' })}</Notice> : null}
      {s.text ? <p className="note-text">{s.text}</p> : null}
      <SubmissionPhotos photos={s.attachments} title={s.title ?? ''} />
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
          onClick={async () => {
            const r = await support({ id: s.id });
            setFailure(mutationFailure(r.data?.supportSubmission, r.error));
          }}
        >
          {t('support')} ({s.supportCount})
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!signedIn}
          aria-pressed={s.followedByMe}
          onClick={async () => {
            const r = await follow({ id: s.id, follow: !s.followedByMe });
            setFailure(mutationFailure(r.data?.followSubmission ?? r.data?.unfollowSubmission, r.error));
          }}
        >
          {s.followedByMe ? t('unfollow') : t('follow')} ({s.followerCount})
        </button>
      </div>
      <FailureNote failure={failure} />
      {staff && s.status === 'UNDER_REVIEW' ? <AnswerForm submissionId={s.id} onDone={onChange} /> : null}
      {staff ? <HideForm submissionId={s.id} title={s.title} onDone={onChange} /> : null}
      {/* Only an accepted submission takes a commitment (the domain's validateNewCommitment). */}
      {staff && s.status === 'ACCEPTED' && !s.commitment ? (
        <CommitmentForm submissionId={s.id} staff={unitStaff} onDone={onChange} />
      ) : null}
    </li>
  );
}

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

function AnswerForm({ submissionId, onDone }: { submissionId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<'ACCEPTED' | 'REJECTED' | 'ALREADY_PLANNED'>('ACCEPTED');
  const reason = useText();
  const [{ fetching }, answer] = useMutation(Answer);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    const r = await answer({ input: { submissionId, status, reason: reason.value } });
    return mutationFailure(r.data?.answerSubmission, r.error);
  }, onDone);
  return (
    <form className="subform" noValidate onSubmit={onSubmit}>
      <h4>{t('answerPublicly')}</h4>
      <Field label={t('answerStatus')}>
        {(p) => (
          <Select
            {...p}
            options={['ACCEPTED', 'REJECTED', 'ALREADY_PLANNED'] as const}
            value={status}
            onChange={setStatus}
            label={(k) => t(`answer_${k}`)}
          />
        )}
      </Field>
      <Field label={t('answerReason')} error={errors.reason} required>
        {(p) => <textarea {...p} rows={3} {...reason.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['reason']} />
      <SubmitButton busy={fetching}>{t('publishAnswer')}</SubmitButton>
    </form>
  );
}

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
  const description = useText();
  const dueOn = useText();
  const owner = useText();
  // The unit's staff arrive after the form opens: until one is chosen, the first is the owner.
  const ownerId = owner.value || (staff[0]?.id ?? '');
  const [{ fetching }, commit] = useMutation(Commit);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    const r = await commit({
      input: {
        submissionId,
        description: description.value,
        dueOn: dueOn.value,
        responsibleStaffId: ownerId,
      },
    });
    return mutationFailure(r.data?.createCommitment, r.error);
  }, onDone);
  return (
    <form className="subform" noValidate onSubmit={onSubmit}>
      <h4>{t('commitFollowUp')}</h4>
      <Field label={t('commitmentDescription')} error={errors.description} required>
        {(p) => <input {...p} {...description.bind} />}
      </Field>
      <Field label={t('dueDate')} error={errors.dueOn} required>
        {(p) => <input {...p} type="date" min={todayWib()} {...dueOn.bind} />}
      </Field>
      <Field label={t('owner')} error={errors.responsibleStaffId} required>
        {(p) => (
          <select {...p} value={ownerId} onChange={owner.bind.onChange}>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormFailureNote failure={failure} shown={['description', 'dueOn', 'responsibleStaffId']} />
      <SubmitButton busy={fetching}>{t('commit')}</SubmitButton>
    </form>
  );
}

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
              {u.decreaseReason ? ` (${t('decreasedBecause', { reason: u.decreaseReason })})` : null}
            </li>
          ))}
        </ol>
      ) : null}
      {staff && c.status !== 'DONE' && c.status !== 'CANCELLED' ? (
        <ProgressForm
          initial={Math.min(100, c.progress + 25)}
          current={c.progress}
          fetching={fetching}
          submit={async (progress, note, decreaseReason) => {
            const r = await update({
              input: {
                commitmentId: c.id,
                progress: Number(progress),
                note,
                decreaseReason,
                expectedVersion: c.version,
              },
            });
            return mutationFailure(r.data?.updateCommitmentProgress, r.error);
          }}
          onSaved={onChange}
        />
      ) : null}
    </div>
  );
}
