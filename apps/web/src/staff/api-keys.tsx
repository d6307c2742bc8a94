// API keys of other city systems, on the admins' "Kelola" page (issue 21 item 7): the keys, newest
// first and paged by the gateway (apiKeys); a new key (createApiKey) whose secret is shown this once
// with a hint to copy it; each key's submission budget (setApiKeySubmissionBudget); and revoking a
// key at once (revokeApiKey), after a confirmation that names it.
import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useConfirmation } from '../confirm.tsx';
import { graphql, type ResultOf } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { PAGE_SIZE, PagerNav, pageData, usePager } from '../paging.tsx';
import {
  Checkbox,
  ErrorNote,
  FailureNote,
  Field,
  FormFailureNote,
  formatDateTime,
  Loading,
  mutationFailure,
  Table,
  toggled,
  useFailure,
  useSubmit,
  useText,
} from '../ui.tsx';
import { FormButtons, useCreation } from './form-buttons.tsx';

/** The scopes a key may have (CreateApiKeyInput.scopes), each shown by its label. */
export const API_KEY_SCOPES = ['catalogue:read', 'staff:read', 'requests:write', 'statistics:read'] as const;
type Scope = (typeof API_KEY_SCOPES)[number];
const SCOPE_LABELS = {
  'catalogue:read': 'apiScope_catalogueRead',
  'staff:read': 'apiScope_staffRead',
  'requests:write': 'apiScope_requestsWrite',
  'statistics:read': 'apiScope_statisticsRead',
} as const satisfies Record<Scope, string>;

const ApiKeysQuery = graphql(`
  query ApiKeys($first: Int!, $after: String) {
    apiKeys(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name prefix scopes submissionsPerHour createdAt lastUsedAt revokedAt } }
    }
  }
`);

const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on CreateApiKeyPayload { key apiKey { id name } }
      ... on ValidationError { message fields { field message } }
    }
  }
`);

const SetBudget = graphql(`
  mutation SetApiKeySubmissionBudget($input: SetApiKeySubmissionBudgetInput!) {
    setApiKeySubmissionBudget(input: $input) {
      __typename
      ... on SetApiKeySubmissionBudgetPayload { apiKey { id submissionsPerHour } }
      ... on ValidationError { message fields { field message } }
      ... on Failure { message }
    }
  }
`);

const RevokeApiKey = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on RevokeApiKeyPayload { apiKey { id revokedAt } }
      ... on Failure { message }
    }
  }
`);

type ApiKey = ResultOf<typeof ApiKeysQuery>['apiKeys']['edges'][number]['node'];

/** The API keys (admins only: the page offers this section to admins alone). */
export function ApiKeys() {
  const { t } = useI18n();
  const pager = usePager('api-keys');
  const variables = { first: PAGE_SIZE, after: pager.after };
  const [page, refetch] = useQuery({ query: ApiKeysQuery, variables });
  const data = pageData(page, variables);
  const keys = data?.apiKeys.edges.map((e) => e.node) ?? [];
  const creation = useCreation<{ name: string; key: string }>();
  const [budgetOf, setBudgetOf] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <h2>{t('manage_apiKeys')}</h2>
      <p className="muted">{t('apiKeysIntro')}</p>
      {creation.created ? (
        <NewSecret name={creation.created.name} secret={creation.created.key} onDismiss={creation.clear} />
      ) : null}
      {creation.creating ? (
        <CreateApiKeyForm
          onClose={creation.close}
          onCreated={(name, key) => {
            creation.done({ name, key });
            reload();
          }}
        />
      ) : (
        <button type="button" onClick={creation.open}>
          {t('newApiKey')}
        </button>
      )}
      {page.error ? <ErrorNote error={page.error} retry={reload} /> : null}
      {page.fetching && !data ? <Loading /> : null}
      {data && keys.length === 0 ? <p>{t('noApiKeys')}</p> : null}
      {keys.length > 0 ? (
        <Table
          data-testid="api-keys"
          caption={t('manage_apiKeys')}
          actions
          columns={[
            t('apiKeyName'),
            t('apiKeyScopes'),
            t('apiKeyBudget'),
            t('apiKeyCreated'),
            t('apiKeyLastUsed'),
            t('apiKeyStatus'),
          ]}
        >
          {keys.map((k) => (
            <ApiKeyRow
              key={k.id}
              apiKey={k}
              editingBudget={budgetOf === k.id}
              onEditBudget={() => setBudgetOf(budgetOf === k.id ? null : k.id)}
              onChanged={() => {
                setBudgetOf(null);
                reload();
              }}
            />
          ))}
        </Table>
      ) : null}
      <PagerNav pager={pager} connection={data?.apiKeys} shown={keys.length} />
    </>
  );
}

/** The new key's secret, shown once: the admin copies it now, it cannot be shown again. */
function NewSecret({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="note success" role="status" data-testid="api-key-secret">
      <p>
        <strong>{t('apiKeyNewNotice', { name })}</strong>
      </p>
      <p>{t('apiKeySecretOnce')}</p>
      <p>
        <code className="hash" data-testid="api-key-value">
          {secret}
        </code>
      </p>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t('copyApiKey')}
        </button>
        <button type="button" className="secondary" onClick={onDismiss}>
          {t('apiKeyStored')}
        </button>
      </div>
      {copied ? <p>{t('apiKeyCopied')}</p> : null}
    </div>
  );
}

function CreateApiKeyForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (name: string, key: string) => void;
}) {
  const { t } = useI18n();
  const name = useText();
  const budget = useText('600');
  const [scopes, setScopes] = useState<readonly Scope[]>([]);
  const [{ fetching }, create] = useMutation(CreateApiKey);
  const created = useRef<{ name: string; key: string } | null>(null);
  const { failure, errors, onSubmit } = useSubmit(
    async () => {
      const r = await create({
        input: { name: name.value, scopes: [...scopes], submissionsPerHour: Number(budget.value) },
      });
      const result = r.data?.createApiKey;
      if (result?.__typename === 'CreateApiKeyPayload')
        created.current = { name: result.apiKey.name, key: result.key };
      return mutationFailure(result, r.error);
    },
    () => created.current && onCreated(created.current.name, created.current.key),
  );
  return (
    <form className="subform" noValidate onSubmit={onSubmit} aria-label={t('newApiKey')}>
      <h3>{t('newApiKey')}</h3>
      <Field label={t('apiKeyName')} hint={t('apiKeyNameHint')} error={errors.name} required>
        {(p) => <input {...p} {...name.bind} />}
      </Field>
      <fieldset className={errors.scopes ? 'field invalid' : 'field'}>
        <legend>
          {t('apiKeyScopes')} <span className="required">({t('required')})</span>
        </legend>
        {API_KEY_SCOPES.map((s) => (
          <Checkbox
            key={s}
            checked={scopes.includes(s)}
            onChange={(on) => setScopes((list) => toggled(list, s, on))}
          >
            {t(SCOPE_LABELS[s])}
          </Checkbox>
        ))}
        {errors.scopes ? <p className="field-error">{errors.scopes}</p> : null}
      </fieldset>
      <Field label={t('apiKeyBudgetField')} hint={t('apiKeyBudgetHint')} error={errors.submissionsPerHour}>
        {(p) => <input {...p} type="number" min={1} max={100000} {...budget.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['name', 'scopes', 'submissionsPerHour']} />
      <FormButtons busy={fetching} submit={t('createApiKey')} onClose={onClose} />
    </form>
  );
}

function ApiKeyRow({
  apiKey: k,
  editingBudget,
  onEditBudget,
  onChanged,
}: {
  apiKey: ApiKey;
  editingBudget: boolean;
  onEditBudget: () => void;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const confirmation = useConfirmation();
  const { failure, setFailure } = useFailure();
  const [{ fetching }, revoke] = useMutation(RevokeApiKey);
  const scopeLabel = (s: string) => (s in SCOPE_LABELS ? t(SCOPE_LABELS[s as Scope]) : s);
  const revoked = k.revokedAt !== null && k.revokedAt !== undefined;
  const doRevoke = async () => {
    const r = await revoke({ id: k.id });
    const f = mutationFailure(r.data?.revokeApiKey, r.error);
    setFailure(f);
    if (!f) onChanged();
  };
  return (
    <>
      <tr data-testid="api-key-row">
        <td>
          {k.name} <span className="muted">({k.prefix}…)</span>
        </td>
        <td>{k.scopes.map(scopeLabel).join(', ')}</td>
        <td>{t('perHour', { count: k.submissionsPerHour })}</td>
        <td>{formatDateTime(k.createdAt, lang)}</td>
        <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, lang) : t('neverUsed')}</td>
        <td>
          {revoked ? t('apiKeyRevokedOn', { date: formatDateTime(k.revokedAt, lang) }) : t('apiKeyActive')}
        </td>
        <td>
          {revoked ? null : (
            <div className="actions">
              <button
                type="button"
                className="secondary"
                aria-expanded={editingBudget}
                onClick={onEditBudget}
              >
                {t('setBudget')}
              </button>
              <button
                type="button"
                className="danger"
                disabled={fetching}
                onClick={() =>
                  confirmation.ask({
                    title: t('revokeApiKeyQuestion'),
                    subject: `${k.name} (${k.prefix}…)`,
                    confirmLabel: t('revokeApiKey'),
                    onConfirm: () => void doRevoke(),
                  })
                }
              >
                {t('revokeApiKey')}
              </button>
            </div>
          )}
          <FailureNote failure={failure} />
          {confirmation.dialog}
        </td>
      </tr>
      {editingBudget ? (
        <tr>
          <td colSpan={7}>
            <BudgetForm apiKey={k} onClose={onEditBudget} onDone={onChanged} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function BudgetForm({
  apiKey: k,
  onClose,
  onDone,
}: {
  apiKey: ApiKey;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const budget = useText(String(k.submissionsPerHour));
  const [{ fetching }, set] = useMutation(SetBudget);
  const { failure, errors, onSubmit } = useSubmit(async () => {
    const r = await set({ input: { id: k.id, submissionsPerHour: Number(budget.value) } });
    return mutationFailure(r.data?.setApiKeySubmissionBudget, r.error);
  }, onDone);
  return (
    <form className="subform" noValidate onSubmit={onSubmit} aria-label={t('setBudgetOf', { name: k.name })}>
      <Field label={t('apiKeyBudgetField')} hint={t('apiKeyBudgetHint')} error={errors.submissionsPerHour}>
        {(p) => <input {...p} type="number" min={1} max={100000} {...budget.bind} />}
      </Field>
      <FormFailureNote failure={failure} shown={['submissionsPerHour']} />
      <FormButtons busy={fetching} submit={t('save')} onClose={onClose} />
    </form>
  );
}
