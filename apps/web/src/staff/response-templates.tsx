// The response templates of one service (issue 20, triage), kept by the supervisors of its unit
// and admins in the catalogue editor: one per line (state — title), deleted or added here; staff
// pick them on the request page.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { type MessageKey, useI18n } from '../i18n.tsx';
import {
  ErrorNote,
  Field,
  FormFailureNote,
  Loading,
  mutationFailure,
  Select,
  SubmitButton,
  useSubmit,
  useText,
} from '../ui.tsx';

const Templates = graphql(`
  query ResponseTemplates($serviceCode: String!) {
    responseTemplates(serviceCode: $serviceCode) { id state title body }
  }
`);

const CreateTemplate = graphql(`
  mutation CreateResponseTemplate($input: CreateResponseTemplateInput!) {
    createResponseTemplate(input: $input) {
      __typename
      ... on ResponseTemplatePayload { template { id } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { code message }
    }
  }
`);

const DeleteTemplate = graphql(`
  mutation DeleteResponseTemplate($input: DeleteResponseTemplateInput!) {
    deleteResponseTemplate(input: $input) {
      __typename
      ... on DeletedResponseTemplate { id }
      ... on Failure { code message }
    }
  }
`);

// The states a response is written for: the outcomes staff send, and a note while in progress.
const STATES = ['VERIFIED', 'RETURNED_TO_CITIZEN', 'IN_PROGRESS', 'COMPLETED', 'REJECTED'] as const;
type State = (typeof STATES)[number];

export function ResponseTemplatesEditor({ serviceCode }: { serviceCode: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: Templates, variables: { serviceCode } });
  const [, remove] = useMutation(DeleteTemplate);
  const [{ fetching: saving }, create] = useMutation(CreateTemplate);
  const [state, setState] = useState<State>('COMPLETED');
  const title = useText();
  const body = useText();
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      const r = await create({ input: { serviceCode, state, title: title.value, body: body.value } });
      return mutationFailure(r.data?.createResponseTemplate, r.error);
    },
    () => {
      title.set('');
      body.set('');
      reload();
    },
  );
  if (error) return <ErrorNote error={error} retry={reload} />;
  if (fetching && !data) return <Loading />;
  return (
    <div className="panel" data-testid="response-templates">
      <h3>{t('templatesTitle')}</h3>
      <ul className="list">
        {(data?.responseTemplates ?? []).map((tpl) => (
          <li key={tpl.id}>
            <strong>{t(`state_${tpl.state}` as MessageKey)}</strong> — {tpl.title}
            <p className="note-text muted">{tpl.body}</p>
            <button
              type="button"
              className="link"
              onClick={async () => {
                await remove({ input: { id: tpl.id } });
                reload();
              }}
            >
              {t('templateDelete')}
            </button>
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={onSubmit}>
        <Field label={t('templateState')}>
          {(p) => (
            <Select
              {...p}
              options={STATES}
              value={state}
              onChange={setState}
              label={(s) => t(`state_${s}` as MessageKey)}
            />
          )}
        </Field>
        <Field label={t('templateTitle')} error={errors.title} required>
          {(p) => <input {...p} {...title.bind} />}
        </Field>
        <Field label={t('templateBody')} hint={t('templateBodyHint')} error={errors.body} required>
          {(p) => <textarea {...p} rows={3} {...body.bind} />}
        </Field>
        <FormFailureNote failure={failure} shown={['title', 'body']} />
        <SubmitButton busy={saving}>{t('templateAdd')}</SubmitButton>
      </form>
    </div>
  );
}
