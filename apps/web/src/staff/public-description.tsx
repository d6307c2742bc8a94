import { useMutation } from 'urql';
import { formatDateTime } from '../format.ts';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Field, FormFailureNote, Notice, SubmitButton, useText } from '../ui.tsx';
import { useRequestChange } from './request-change.ts';

const Publish = graphql(`
  mutation PublishDescription($input: PublishServiceRequestDescriptionInput!) {
    publishServiceRequestDescription(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { id version publicDescription publicDescriptionAt } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { code message }
    }
  }
`);

export function PublicDescriptionForm({
  request,
  onChanged,
}: {
  request: {
    trackingCode: string;
    version: number;
    originalText: string;
    publicDescription: string | null;
    publicDescriptionAt: string | null;
  };
  onChanged: (version?: number) => void;
}) {
  const { t, lang } = useI18n();
  const [{ fetching }, publish] = useMutation(Publish);
  // Staff start from the reporter's text and take out what is personal.
  const text = useText(request.publicDescription ?? request.originalText);
  const { done, failure, errors, onSubmit } = useRequestChange(async () => {
    const r = await publish({
      input: {
        trackingCode: request.trackingCode,
        expectedVersion: request.version,
        text: text.value.trim() || null,
      },
    });
    return { payload: r.data?.publishServiceRequestDescription, error: r.error };
  }, onChanged);
  return (
    <form noValidate onSubmit={onSubmit} data-testid="public-description">
      <h3>{t('publicDescriptionTitle')}</h3>
      {done ? <Notice kind="success">{t('publicDescriptionSaved')}</Notice> : null}
      <p className="hint">
        {request.publicDescriptionAt
          ? t('publicDescriptionPublished', { at: formatDateTime(request.publicDescriptionAt, lang) })
          : t('publicDescriptionNone')}
      </p>
      <Field
        label={t('publicDescriptionTitle')}
        hint={t('publicDescriptionHint')}
        error={errors.publicDescription}
      >
        {(p) => <textarea {...p} rows={4} {...text.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['publicDescription']} />
      <SubmitButton busy={fetching}>{t('publicDescriptionSave')}</SubmitButton>
    </form>
  );
}
