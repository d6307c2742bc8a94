import type { ApiKey, Prisma } from '@layanan/db';
import { API_KEY_SUBMISSIONS_PER_HOUR, validateApiKey, validateApiKeyBudget } from '@layanan/domain/accounts';
import { builder } from '../../graphql/builder.js';
import { nodeIdArg } from '../../graphql/command-fields.js';
import { entityPayload, rowField } from '../../graphql/entity-payload.js';
import { NotFoundError, ValidationError } from '../../graphql/errors.js';
import { validationFailed } from '../../graphql/failures.js';
import { nodeVisibility } from '../../graphql/node-visibility.js';
import { nodeId } from '../../graphql/object-fields.js';
import { audited } from '../../platform/audited.js';
import type { AuditScope } from '../../platform/command.js';
import { ADMINS_ONLY } from '../../platform/visibility.js';
import { generateApiKey } from './identity.js';

const ApiKeyRef = builder.prismaNode('ApiKey', {
  id: nodeId,
  description:
    'A key for another city system. The secret is shown once, at creation; only its hash is stored.',
  authScopes: { admin: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Which system uses it.' }),
    prefix: t.exposeString('prefix', { description: 'The key’s public first characters, to recognise it.' }),
    scopes: t.exposeStringList('scopes', {
      description: 'What it may do: catalogue:read, staff:read, requests:write, statistics:read.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    ...t.exposeNullableFields('DateTime', {
      revokedAt: 'When it was revoked (it no longer works); null while active.',
      lastUsedAt: 'Last time a request used it; null if never.',
    }),
    submissionsPerHour: t.exposeInt('submissionsPerHour', {
      description:
        'Its own budget of submissions per hour (GraphQL and Open311), apart from any citizen’s; each reporter it files for has a smaller budget inside it (LAYANAN_RATE_SUBMIT_REPORTER).',
    }),
  }),
});

nodeVisibility(ApiKeyRef, ADMINS_ONLY);

builder.queryField('apiKeys', (t) =>
  t.prismaConnection({
    type: 'ApiKey',
    cursor: 'id',
    totalCount: (_root, _args, ctx) => ctx.prisma.apiKey.count(),
    description: 'Every API key, newest first, revoked ones included (secrets are never shown). Admins only.',
    authScopes: { admin: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.apiKey.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new key for another city system.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Which system will use it; must not be blank.' }),
    scopes: t.stringList({
      required: true,
      description:
        'At least one of catalogue:read, staff:read, requests:write, statistics:read; others give ValidationError.',
    }),
    submissionsPerHour: t.int({
      description: `Its own budget of submissions per hour, ${API_KEY_SUBMISSIONS_PER_HOUR.min}–${API_KEY_SUBMISSIONS_PER_HOUR.max}; ${API_KEY_SUBMISSIONS_PER_HOUR.default} when omitted.`,
    }),
  }),
});

const CreateApiKeyPayload = builder
  .objectRef<{ apiKeyId: string; key: string }>('CreateApiKeyPayload')
  .implement({
    description: 'The new key, with its secret shown this once.',
    fields: (t) => ({
      apiKeyId: t.exposeID('apiKeyId', { description: 'Database id of the new key.' }),
      key: t.exposeString('key', { description: 'The full key. Shown only in this response; store it now.' }),
      apiKey: rowField(t, {
        type: ApiKeyRef,
        id: 'apiKeyId',
        description: 'The stored key (without its secret).',
      }),
    }),
  });

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreateApiKeyPayload,
    description:
      'Create an API key for another city system. The secret is in this response only. Admins only.',
    authScopes: { admin: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: 'Its name and scopes.' }) },
    resolve: async (_root, { input }, ctx) => {
      const checked = validateApiKey(input);
      if (!checked.ok) throw validationFailed(checked.error.fields);
      const { name, scopes, submissionsPerHour } = checked.value;
      const { key, prefix, secretHash } = generateApiKey();
      return audited(ctx, { action: 'createApiKey', entityType: 'ApiKey' }, async (tx) => {
        const row = await tx.apiKey.create({
          data: { name, prefix, secretHash, scopes, submissionsPerHour },
        });
        return { result: { apiKeyId: row.id, key }, entityId: row.id, after: row };
      });
    },
  }),
);

/** An audited change of one key: NotFoundError for an unknown id; `change` gives the new values,
 * or null when there is nothing to change. */
function changeApiKey(
  ctx: AuditScope,
  action: string,
  id: string,
  change: (before: ApiKey) => Prisma.ApiKeyUpdateInput | null,
) {
  return audited(ctx, { action, entityType: 'ApiKey' }, async (tx) => {
    const before = await tx.apiKey.findUnique({ where: { id } });
    if (!before) throw new NotFoundError('ApiKey', id);
    const data = change(before);
    const after = data ? await tx.apiKey.update({ where: { id }, data }) : before;
    return { result: { apiKeyId: after.id }, entityId: after.id, before, after };
  });
}

const RevokeApiKeyPayload = entityPayload('RevokeApiKeyPayload', 'The key after revocation.', {
  apiKey: {
    type: ApiKeyRef,
    id: 'apiKeyId',
    idDescription: 'Database id of the key.',
    description: 'The key, now with revokedAt set.',
  },
});

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: RevokeApiKeyPayload,
    description: 'Revoke an API key at once; revoking a revoked key changes nothing. Admins only.',
    authScopes: { admin: true },
    errors: { types: [NotFoundError] },
    args: { id: nodeIdArg(t, ApiKeyRef, 'Global ID of the key; unknown gives NotFoundError.') },
    resolve: (_root, args, ctx) =>
      changeApiKey(ctx, 'revokeApiKey', args.id.id, (before) =>
        before.revokedAt ? null : { revokedAt: new Date() },
      ),
  }),
);

const SetApiKeyBudgetInput = builder.inputType('SetApiKeySubmissionBudgetInput', {
  description: 'A new budget of submissions per hour for one API key.',
  fields: (t) => ({
    id: t.globalID({
      required: true,
      for: ApiKeyRef,
      description: 'Global ID of the key; unknown gives NotFoundError.',
    }),
    submissionsPerHour: t.int({
      required: true,
      description: `${API_KEY_SUBMISSIONS_PER_HOUR.min}–${API_KEY_SUBMISSIONS_PER_HOUR.max}; others give ValidationError. Takes effect at the key's next request.`,
    }),
  }),
});

const SetApiKeyBudgetPayload = entityPayload(
  'SetApiKeySubmissionBudgetPayload',
  'The key with its new budget.',
  {
    apiKey: {
      type: ApiKeyRef,
      id: 'apiKeyId',
      idDescription: 'Database id of the key.',
      description: 'The key, now with the new submissionsPerHour.',
    },
  },
);

builder.mutationField('setApiKeySubmissionBudget', (t) =>
  t.field({
    type: SetApiKeyBudgetPayload,
    description:
      'Set how many submissions per hour an API key may make (GraphQL and Open311), e.g. for an integration that files for the whole city. Admins only.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      input: t.arg({ type: SetApiKeyBudgetInput, required: true, description: 'The key and its budget.' }),
    },
    resolve: (_root, { input }, ctx) => {
      const checked = validateApiKeyBudget(input.submissionsPerHour);
      if (!checked.ok) throw validationFailed(checked.error.fields);
      return changeApiKey(ctx, 'setApiKeySubmissionBudget', input.id.id, () => ({
        submissionsPerHour: checked.value,
      }));
    },
  }),
);
