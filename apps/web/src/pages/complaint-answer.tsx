import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import {
  type Failure,
  Field,
  FormFailureNote,
  formatDate,
  mutationFailure,
  Notice,
  SubmitButton,
  useSubmit,
  useText,
} from '../ui.tsx';

const AnswerOutcome = graphql(`
  mutation AnswerOutcome($input: AnswerServiceRequestOutcomeInput!) {
    answerServiceRequestOutcome(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { id version state finalClosedAt answerWindowEndsOn reopenCount } }
      ... on ValidationError { fields { field message } }
      ... on Failure { code message }
    }
  }
`);

/**
 * The reporter's answer to the outcome of their complaint (SP4N-LAPOR!: 10 working days): accept,
 * which closes the case, or contest with a reason, which reopens it with the unit. Shown while
 * the gateway gives an answer window (`answerWindowEndsOn`).
 */
export function ComplaintAnswerPanel({
  request,
  onDone,
}: {
  request: { trackingCode: string; version: number; answerWindowEndsOn: string | null; reopenCount: number };
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [accepted, setAccepted] = useState(false);
  const [{ fetching }, answer] = useMutation(AnswerOutcome);
  const send = async (accept: boolean, reason: string) => {
    const r = await answer({
      input: {
        trackingCode: request.trackingCode,
        expectedVersion: request.version,
        accept,
        reason: accept ? null : reason,
      },
    });
    return mutationFailure(r.data?.answerServiceRequestOutcome, r.error);
  };
  if (!request.answerWindowEndsOn)
    return accepted ? <Notice kind="success">{t('outcomeAccepted')}</Notice> : null;
  return (
    <section className="panel" aria-labelledby="answer-title" data-testid="complaint-answer">
      <h2 id="answer-title">{t('outcomeTitle')}</h2>
      <OutcomeAnswerForms
        windowEnd={request.answerWindowEndsOn}
        busy={fetching}
        send={send}
        onContested={() => {
          onDone();
        }}
        onAccepted={() => {
          setAccepted(true);
          onDone();
        }}
      />
    </section>
  );
}

/**
 * The two forms of an answer to the outcome — accept, or contest with a reason — for the signed-in
 * reporter (ComplaintAnswerPanel) and the anonymous one (/pengaduan-anonim). `send(accept)` makes
 * the call and answers its failure, or null.
 */
export function OutcomeAnswerForms({
  windowEnd,
  busy,
  send,
  onContested,
  onAccepted,
}: {
  windowEnd: string;
  busy: boolean;
  send: (accept: boolean, reason: string) => Promise<Failure | null>;
  onContested: () => void;
  onAccepted: () => void;
}) {
  const { t, lang } = useI18n();
  const reason = useText();
  const contest = useSubmit(
    () => send(false, reason.value),
    () => {
      reason.set('');
      onContested();
    },
  );
  const accept = useSubmit(() => send(true, ''), onAccepted);
  return (
    <>
      <p className="muted">{t('outcomeHint', { date: formatDate(windowEnd, lang) })}</p>
      <form noValidate onSubmit={accept.onSubmit}>
        <FormFailureNote failure={accept.failure} shown={[]} />
        <SubmitButton busy={busy}>{t('outcomeAccept')}</SubmitButton>
      </form>
      <form noValidate onSubmit={contest.onSubmit}>
        <Field
          label={t('outcomeContestReason')}
          hint={t('outcomeContestHint')}
          error={contest.errors.reason}
          required
        >
          {(p) => <textarea {...p} rows={3} {...reason.bind} />}
        </Field>
        <FormFailureNote failure={contest.failure} shown={['reason']} />
        <SubmitButton busy={busy}>{t('outcomeContest')}</SubmitButton>
      </form>
    </>
  );
}
