// Marking a request as a duplicate of another (issue 20): handling staff of the unit name the
// original by its tracking code and say why; after a confirmation the request closes with a link
// to the original, and its reporter follows the original and is told.
import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useConfirmation } from '../confirm.tsx';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { Field, FormFailureNote, mutationFailure, Notice, SubmitButton, useSubmit, useText } from '../ui.tsx';

const MarkDuplicate = graphql(`
  mutation MarkDuplicate($input: MarkRequestDuplicateInput!) {
    markRequestDuplicate(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { id version state duplicateOfCode } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { code message }
    }
  }
`);

export function DuplicateForm({
  request,
  onChanged,
}: {
  request: { trackingCode: string; version: number };
  onChanged: (version?: number) => void;
}) {
  const { t } = useI18n();
  const [{ fetching }, mark] = useMutation(MarkDuplicate);
  const original = useText();
  const reason = useText();
  const [done, setDone] = useState<string | null>(null);
  const saved = useRef<{ version: number; original: string } | undefined>(undefined);
  const { ask, dialog } = useConfirmation();
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      setDone(null);
      const r = await mark({
        input: {
          trackingCode: request.trackingCode,
          originalCode: original.value.trim(),
          reason: reason.value,
          expectedVersion: request.version,
        },
      });
      const payload = r.data?.markRequestDuplicate;
      if (payload?.__typename === 'ServiceRequestPayload')
        saved.current = { version: payload.request.version, original: payload.request.duplicateOfCode ?? '' };
      return mutationFailure(payload, r.error);
    },
    () => {
      setDone(saved.current?.original ?? null);
      onChanged(saved.current?.version);
    },
  );
  return (
    <form
      noValidate
      data-testid="mark-duplicate"
      onSubmit={(e) => {
        e.preventDefault();
        const event = e;
        ask({
          title: t('duplicateConfirm'),
          subject: `${request.trackingCode} → ${original.value.trim()}`,
          confirmLabel: t('duplicateAction'),
          onConfirm: () => void onSubmit(event),
        });
      }}
    >
      <h3>{t('duplicateTitle')}</h3>
      <p className="muted">{t('duplicateHint')}</p>
      {done ? <Notice kind="success">{t('duplicateDone', { code: done })}</Notice> : null}
      <Field label={t('duplicateOriginal')} error={errors.originalCode} required>
        {(p) => <input {...p} {...original.bind} placeholder="SWL-2026-000001" />}
      </Field>
      <Field label={t('duplicateReason')} error={errors.reason} required>
        {(p) => <textarea {...p} rows={2} {...reason.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['originalCode', 'reason']} />
      <SubmitButton busy={fetching}>{t('duplicateAction')}</SubmitButton>
      {dialog}
    </form>
  );
}
