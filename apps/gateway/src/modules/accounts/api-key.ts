import { validateApiKey } from '@layanan/domain/accounts';
import { builder } from '../../graphql/builder.js';
import { NotFoundError, ValidationError } from '../../graphql/errors.js';
import { audited } from '../../platform/audited.js';
import { generateApiKey } from './identity.js';

const ApiKeyRef = builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  description:
    'A key for another city system. The secret is shown once, at creation; only its hash is stored.',
  authScopes: { admin: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix'),
    scopes: t.exposeStringList('scopes'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaConnection({
    type: 'ApiKey',
    cursor: 'id',
    totalCount: (_root, _args, ctx) => ctx.prisma.apiKey.count(),
    authScopes: { admin: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.apiKey.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    scopes: t.stringList({ required: true }),
  }),
});

const CreateApiKeyPayload = builder
  .objectRef<{ apiKeyId: string; key: string }>('CreateApiKeyPayload')
  .implement({
    fields: (t) => ({
      apiKeyId: t.exposeID('apiKeyId'),
      key: t.exposeString('key', { description: 'The full key. Shown only in this response; store it now.' }),
    }),
  });

builder.objectFields(CreateApiKeyPayload, (t) => ({
  apiKey: t.prismaField({
    type: ApiKeyRef,
    resolve: (query, payload, _args, ctx) =>
      ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: payload.apiKeyId } }),
  }),
}));

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreateApiKeyPayload,
    authScopes: { admin: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const checked = validateApiKey(input);
      if (!checked.ok) throw ValidationError.fromFieldErrors(checked.error.fields);
      const { name, scopes } = checked.value;
      const { key, prefix, secretHash } = generateApiKey();
      return audited(ctx, { action: 'createApiKey', entityType: 'ApiKey' }, async (tx) => {
        const row = await tx.apiKey.create({
          data: { name, prefix, secretHash, scopes },
        });
        return { result: { apiKeyId: row.id, key }, entityId: row.id, after: row };
      });
    },
  }),
);

const RevokeApiKeyPayload = builder.objectRef<{ apiKeyId: string }>('RevokeApiKeyPayload').implement({
  fields: (t) => ({ apiKeyId: t.exposeID('apiKeyId') }),
});

builder.objectFields(RevokeApiKeyPayload, (t) => ({
  apiKey: t.prismaField({
    type: ApiKeyRef,
    resolve: (query, payload, _args, ctx) =>
      ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: payload.apiKeyId } }),
  }),
}));

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: RevokeApiKeyPayload,
    authScopes: { admin: true },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: ApiKeyRef }) },
    resolve: async (_root, args, ctx) =>
      audited(ctx, { action: 'revokeApiKey', entityType: 'ApiKey' }, async (tx) => {
        const before = await tx.apiKey.findUnique({ where: { id: args.id.id } });
        if (!before) throw new NotFoundError('ApiKey', args.id.id);
        const after = before.revokedAt
          ? before
          : await tx.apiKey.update({ where: { id: before.id }, data: { revokedAt: new Date() } });
        return { result: { apiKeyId: after.id }, entityId: after.id, before, after };
      }),
  }),
);
