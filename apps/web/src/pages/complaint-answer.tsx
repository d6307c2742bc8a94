import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import {
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
  const { t, lang } = useI18n();
  const reason = useText();
  const [accepted, setAccepted] = useState(false);
  const [{ fetching }, answer] = useMutation(AnswerOutcome);
  const send = (accept: boolean) => async () => {
    const r = await answer({
      input: {
        trackingCode: request.trackingCode,
        expectedVersion: request.version,
        accept,
        reason: accept ? null : reason.value,
      },
    });
    return mutationFailure(r.data?.answerServiceRequestOutcome, r.error);
  };
  const contest = useSubmit(send(false), () => {
    reason.set('');
    onDone();
  });
  const accept = useSubmit(send(true), () => {
    setAccepted(true);
    onDone();
  });
  if (!request.answerWindowEndsOn)
    return accepted ? <Notice kind="success">{t('outcomeAccepted')}</Notice> : null;
  return (
    <section className="panel" aria-labelledby="answer-title" data-testid="complaint-answer">
      <h2 id="answer-title">{t('outcomeTitle')}</h2>
      <p className="muted">{t('outcomeHint', { date: formatDate(request.answerWindowEndsOn, lang) })}</p>
      <form noValidate onSubmit={accept.onSubmit}>
        <FormFailureNote failure={accept.failure} shown={[]} />
        <SubmitButton busy={fetching}>{t('outcomeAccept')}</SubmitButton>
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
        <SubmitButton busy={fetching}>{t('outcomeContest')}</SubmitButton>
      </form>
    </section>
  );
}
