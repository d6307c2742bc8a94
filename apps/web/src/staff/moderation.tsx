// Moderation of a forum submission: hide abusive content with a reason its author reads. Nothing
// is deleted; every hide joins the submission's moderation history. Asks first, naming the item.
import { useState } from 'react';
import { useMutation } from 'urql';
import { useConfirmation } from '../confirm.tsx';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Field, FormFailureNote, mutationFailure, SubmitButton, useFailure, useText } from '../ui.tsx';

const Hide = graphql(`
  mutation HideSubmission($id: ID!, $reason: String!) {
    hideSubmission(submissionId: $id, reason: $reason) {
      __typename
      ... on SubmissionPayload { submission { id hidden hiddenReason } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

export function HideForm({
  submissionId,
  title,
  onDone,
}: {
  submissionId: string;
  title: string | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const reason = useText();
  const [open, setOpen] = useState(false);
  const [{ fetching }, hide] = useMutation(Hide);
  const { failure, setFailure, errors } = useFailure();
  const confirmation = useConfirmation();
  const send = async () => {
    const r = await hide({ id: submissionId, reason: reason.value });
    const f = mutationFailure(r.data?.hideSubmission, r.error);
    setFailure(f);
    if (!f) {
      reason.set('');
      setOpen(false);
      onDone();
    }
  };
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('hideSubmission')}
      </button>
    );
  }
  return (
    <form
      noValidate
      data-testid="hide-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.value.trim()) {
          setFailure({
            __typename: 'ValidationError',
            message: t('fieldRequired'),
            fields: [{ field: 'reason', message: t('fieldRequired') }],
          });
          return;
        }
        confirmation.ask({
          title: t('confirmTransition', { action: t('hideSubmission') }),
          subject: title ?? t('hiddenContent'),
          confirmLabel: t('hideSubmission'),
          onConfirm: () => void send(),
        });
      }}
    >
      <Field label={t('hideReason')} hint={t('hideReasonHint')} error={errors.reason} required>
        {(p) => <textarea {...p} rows={2} {...reason.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['reason']} />
      <div className="actions">
        <SubmitButton busy={fetching}>{t('hideSubmission')}</SubmitButton>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
      {confirmation.dialog}
    </form>
  );
}
