// The redaction step of a public report (issue 17 item 6): staff of the handling unit edit the
// text the public will read — the reporter's words with names, phone numbers, e-mail addresses
// and NIKs taken out — and publish it; public Open311 GETs then show it with the location. The
// reporter's own text stays on the page for staff.
import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { formatDateTime } from '../format.ts';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Field, FormFailureNote, mutationFailure, Notice, SubmitButton, useSubmit, useText } from '../ui.tsx';

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
  const [done, setDone] = useState(false);
  const saved = useRef<number | undefined>(undefined);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      setDone(false);
      const r = await publish({
        input: {
          trackingCode: request.trackingCode,
          expectedVersion: request.version,
          text: text.value.trim() || null,
        },
      });
      const payload = r.data?.publishServiceRequestDescription;
      if (payload?.__typename === 'ServiceRequestPayload') saved.current = payload.request.version;
      return mutationFailure(payload, r.error);
    },
    () => {
      setDone(true);
      onChanged(saved.current);
    },
  );
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
