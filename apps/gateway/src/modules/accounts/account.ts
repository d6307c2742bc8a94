import { ACCOUNT_ROLES } from '@layanan/domain/accounts';
import { builder } from '../../graphql/builder.js';
import { NotFoundError } from '../../graphql/errors.js';
import { gatewayGraphQLError } from '../../graphql/gateway-errors.js';
import { audited } from '../../platform/audited.js';
import { type Identity, issueAccessToken } from './identity.js';

export const AccountRoleEnum = builder.enumType('AccountRole', { values: ACCOUNT_ROLES });

builder.prismaNode('Account', {
  id: { field: 'id' },
  description: 'A person who signs in. Contact details are visible only to the person and admins.',
  // `ownSession` is granted by the payload that just signed the caller in (the token is not sent yet).
  authScopes: (account) => ({ admin: true, selfAccount: account.id, $granted: 'ownSession' }),
  fields: (t) => ({
    displayName: t.exposeString('displayName'),
    role: t.expose('role', { type: AccountRoleEnum }),
    email: t.exposeString('email', { nullable: true }),
    staff: t.relation('staff', { nullable: true }),
  }),
});

const IdentityKindEnum = builder.enumType('IdentityKind', {
  values: ['ANONYMOUS', 'ACCOUNT', 'SYSTEM'] as const,
});

const Viewer = builder.objectRef<Identity>('Viewer').implement({
  description: 'Who is calling.',
  fields: (t) => ({
    kind: t.field({
      type: IdentityKindEnum,
      resolve: (id) => (id.kind === 'anonymous' ? 'ANONYMOUS' : id.kind === 'account' ? 'ACCOUNT' : 'SYSTEM'),
    }),
    role: t.field({
      type: AccountRoleEnum,
      nullable: true,
      resolve: (id) => (id.kind === 'account' ? id.role : null),
    }),
    account: t.prismaField({
      type: 'Account',
      nullable: true,
      resolve: (query, id, _args, ctx) =>
        id.kind === 'account'
          ? ctx.prisma.account.findUnique({ ...query, where: { id: id.accountId } })
          : null,
    }),
    unit: t.prismaField({
      type: 'Unit',
      nullable: true,
      description: 'The unit of a staff member, supervisor or admin linked to the staff register.',
      resolve: (query, id, _args, ctx) =>
        id.kind === 'account' && id.unitId
          ? ctx.prisma.unit.findUnique({ ...query, where: { id: id.unitId } })
          : null,
    }),
    systemName: t.string({
      nullable: true,
      description: 'The name of the API key, for other city systems.',
      resolve: (id) => (id.kind === 'system' ? id.name : null),
    }),
    scopes: t.stringList({ resolve: (id) => (id.kind === 'system' ? [...id.scopes] : []) }),
  }),
});

builder.queryField('me', (t) => t.field({ type: Viewer, resolve: (_root, _args, ctx) => ctx.identity }));

const DevLoginPayload = builder
  .objectRef<{ token: string; expiresAt: Date; accountId: string }>('DevLoginPayload')
  .implement({
    fields: (t) => ({
      token: t.exposeString('token'),
      expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
      accountId: t.exposeID('accountId'),
    }),
  });

builder.objectFields(DevLoginPayload, (t) => ({
  account: t.prismaField({
    type: 'Account',
    grantScopes: ['ownSession'],
    resolve: (query, payload, _args, ctx) =>
      ctx.prisma.account.findUniqueOrThrow({ ...query, where: { id: payload.accountId } }),
  }),
}));

builder.mutationField('devLogin', (t) =>
  t.field({
    type: DevLoginPayload,
    description:
      'DEVELOPMENT ONLY: sign in as a seeded account by email, without a password. Disabled when NODE_ENV=production or LAYANAN_DEV_LOGIN=false.',
    errors: { types: [NotFoundError] },
    args: { email: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (!ctx.config.devLogin) {
        throw gatewayGraphQLError('DEV_LOGIN_DISABLED');
      }
      const email = args.email.trim().toLowerCase();
      return audited(ctx, { action: 'devLogin', entityType: 'Account' }, async (tx) => {
        const account = await tx.account.findUnique({ where: { email } });
        if (!account || account.disabledAt) throw new NotFoundError('Account', email);
        const { token, expiresAt } = await issueAccessToken(
          account.id,
          ctx.config.jwtSecret,
          ctx.config.tokenTtlSeconds,
        );
        return { result: { token, expiresAt, accountId: account.id }, entityId: account.id };
      });
    },
  }),
);
