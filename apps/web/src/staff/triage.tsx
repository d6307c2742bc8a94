// Triage on the staff request page (issue 20): the priority with its reason, and the response
// templates of the request's service, filled for it, that staff pick into the note for the
// citizen and edit before sending.
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import { Field, FormFailureNote, Notice, Select, SubmitButton, useText } from '../ui.tsx';
import { useRequestChange } from './request-change.ts';

const SetPriority = graphql(`
  mutation SetPriority($input: SetServiceRequestPriorityInput!) {
    setServiceRequestPriority(input: $input) {
      __typename
      ... on ServiceRequestPayload { request { id version priority priorityReason } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { code message }
    }
  }
`);

const PRIORITIES = ['NORMAL', 'URGENT'] as const;
type Priority = (typeof PRIORITIES)[number];

export function PriorityForm({
  request,
  onChanged,
}: {
  request: { trackingCode: string; version: number; priority: Priority; priorityReason: string | null };
  onChanged: (version?: number) => void;
}) {
  const { t } = useI18n();
  const [{ fetching }, setPriority] = useMutation(SetPriority);
  const [priority, choose] = useState<Priority>(request.priority);
  const reason = useText(request.priorityReason ?? '');
  const { done, failure, errors, onSubmit } = useRequestChange(async () => {
    const r = await setPriority({
      input: {
        trackingCode: request.trackingCode,
        expectedVersion: request.version,
        priority,
        reason: reason.value.trim() || null,
      },
    });
    return { payload: r.data?.setServiceRequestPriority, error: r.error };
  }, onChanged);
  return (
    <form noValidate onSubmit={onSubmit} data-testid="priority">
      <h3>{t('priorityTitle')}</h3>
      {done ? <Notice kind="success">{t('prioritySaved')}</Notice> : null}
      <Field label={t('priorityTitle')} error={errors.priority}>
        {(p) => (
          <Select
            {...p}
            options={PRIORITIES}
            value={priority}
            onChange={choose}
            label={(o) => t(`priority_${o}` as MessageKey)}
          />
        )}
      </Field>
      <Field
        label={t('priorityReason')}
        hint={t('priorityReasonHint')}
        error={errors.reason}
        required={priority === 'URGENT'}
      >
        {(p) => <textarea {...p} rows={2} {...reason.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['priority', 'reason']} />
      <SubmitButton busy={fetching}>{t('prioritySave')}</SubmitButton>
    </form>
  );
}

type Template = { id: string; state: string; title: string; text: string };

/**
 * The templates that fit the actions at hand (their state is one the request can go to, or its
 * own state for a note); picking one puts its filled text into the note for the citizen.
 */
export function TemplatePicker({
  templates,
  states,
  onPick,
}: {
  templates: readonly Template[];
  states: readonly string[];
  onPick: (text: string) => void;
}) {
  const { t } = useI18n();
  const [chosen, choose] = useState('');
  const usable = templates.filter((tpl) => states.includes(tpl.state));
  if (usable.length === 0) return null;
  const byId = new Map(usable.map((tpl) => [tpl.id, tpl]));
  return (
    <div className="toolbar" data-testid="template-picker">
      <Field label={t('templatePick')} hint={t('templateHint')}>
        {(p) => (
          <Select
            {...p}
            options={usable.map((tpl) => tpl.id)}
            value={chosen}
            onChange={choose}
            label={(id) => {
              const tpl = byId.get(id);
              return tpl ? `${t(`state_${tpl.state}` as MessageKey)} — ${tpl.title}` : id;
            }}
          >
            <option value="">—</option>
          </Select>
        )}
      </Field>
      <button
        type="button"
        className="secondary"
        disabled={!chosen}
        onClick={() => {
          const tpl = byId.get(chosen);
          if (tpl) onPick(tpl.text);
        }}
      >
        {t('templateUse')}
      </button>
    </div>
  );
}
