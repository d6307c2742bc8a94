import { ACCOUNT_ROLES, emailSpelling, emailVerified, shownErased } from '@layanan/domain/accounts';
import { builder } from '../../graphql/builder.js';
import { rowField } from '../../graphql/entity-payload.js';
import { NotFoundError } from '../../graphql/errors.js';
import { gatewayGraphQLError } from '../../graphql/gateway-errors.js';
import { nodeVisibility } from '../../graphql/node-visibility.js';
import { nodeId } from '../../graphql/object-fields.js';
import { audited } from '../../platform/audited.js';
import { visibleAccounts } from './access.js';
import { startSession } from './commands/session.js';
import { type Identity, issueAccessToken } from './identity.js';

export const AccountRoleEnum = builder.enumType('AccountRole', {
  values: ACCOUNT_ROLES,
  description:
    'What an account may do: CITIZEN (files requests, submissions, surveys), STAFF (works its unit’s requests), SUPERVISOR (also reassigns and rates its unit), ADMIN (everything, city-wide).',
});

const AccountRef = builder.prismaNode('Account', {
  id: nodeId,
  description: 'A person who signs in. Contact details are visible only to the person and admins.',
  // `ownSession` is granted by the payload that just signed the caller in (the token is not sent yet).
  authScopes: (account) => ({ admin: true, selfAccount: account.id, $granted: 'ownSession' }),
  fields: (t) => ({
    displayName: t.string({
      description: 'The name shown for the person; after erasure a placeholder in the caller’s language.',
      resolve: (a, _args, ctx) => shownErased(a.displayName, ctx.lang),
    }),
    role: t.expose('role', { type: AccountRoleEnum, description: 'What the account may do.' }),
    email: t.exposeString('email', {
      nullable: true,
      description: 'Sign-in e-mail (lower case); null if none.',
    }),
    emailVerified: t.boolean({
      description:
        'Whether the account proved its e-mail address with a verification link (`verifyEmail`); false without one. Requests filed for the address by counter staff or other systems are attached only once it is true.',
      select: { email: true, emailVerifiedAt: true },
      resolve: (account) => emailVerified(account),
    }),
    phoneVerified: t.boolean({
      description:
        'Whether the account proved its mobile number with an SMS code (`verifyPhone`); no SMS provider is configured by default.',
      select: { phone: true, phoneVerifiedAt: true },
      resolve: (account) => account.phone !== null && account.phoneVerifiedAt !== null,
    }),
    staff: t.relation('staff', {
      nullable: true,
      description: 'The staff register entry of a staff account; null for citizens.',
    }),
  }),
});

nodeVisibility(AccountRef, visibleAccounts);

const IdentityKindEnum = builder.enumType('IdentityKind', {
  description:
    'What kind of caller: ANONYMOUS (no token), ACCOUNT (signed in) or SYSTEM (another city system with an API key).',
  values: ['ANONYMOUS', 'ACCOUNT', 'SYSTEM'] as const,
});

export const Viewer = builder.objectRef<Identity>('Viewer').implement({
  description: 'Who is calling.',
  fields: (t) => ({
    kind: t.field({
      type: IdentityKindEnum,
      description: 'Anonymous, an account or a system.',
      resolve: (id) => (id.kind === 'anonymous' ? 'ANONYMOUS' : id.kind === 'account' ? 'ACCOUNT' : 'SYSTEM'),
    }),
    role: t.field({
      type: AccountRoleEnum,
      nullable: true,
      description: 'The account’s role; null unless signed in.',
      resolve: (id) => (id.kind === 'account' ? id.role : null),
    }),
    account: t.prismaField({
      type: 'Account',
      nullable: true,
      description: 'The signed-in account; null for anonymous callers and systems.',
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
    scopes: t.stringList({
      description:
        'The API key’s scopes (catalogue:read, staff:read, requests:write, statistics:read); empty for people.',
      resolve: (id) => (id.kind === 'system' ? [...id.scopes] : []),
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: Viewer,
    description: 'Who is calling, from the bearer token or API key; an anonymous viewer without one.',
    resolve: (_root, _args, ctx) => ctx.identity,
  }),
);

const DevLoginPayload = builder
  .objectRef<{ token: string; expiresAt: Date; accountId: string }>('DevLoginPayload')
  .implement({
    description: 'A development sign-in: an access token without a refresh token.',
    fields: (t) => ({
      token: t.exposeString('token', {
        description: 'Access token (JWT); send it as `Authorization: Bearer …`.',
      }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the token stops working.' }),
      accountId: t.exposeID('accountId', { description: 'Database id of the account signed in as.' }),
      account: rowField(t, {
        type: 'Account',
        id: 'accountId',
        description: 'The account signed in as.',
        grantScopes: ['ownSession'],
      }),
    }),
  });

builder.mutationField('devLogin', (t) =>
  t.field({
    type: DevLoginPayload,
    description:
      'DEVELOPMENT ONLY: sign in as a seeded account by email, without a password. Exists only when NODE_ENV is development or test (any other value, or none, is production) and LAYANAN_DEV_LOGIN is not false; otherwise DEV_LOGIN_DISABLED.',
    errors: { types: [NotFoundError] },
    args: {
      email: t.arg.string({
        required: true,
        description:
          'E-mail of an active seeded account (case-insensitive); unknown or disabled gives NotFoundError.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      if (!ctx.config.devLogin) {
        throw gatewayGraphQLError('DEV_LOGIN_DISABLED');
      }
      const email = emailSpelling(args.email);
      return audited(ctx, { action: 'devLogin', entityType: 'Account' }, async (tx) => {
        const account = await tx.account.findUnique({ where: { email } });
        if (!account || account.disabledAt) throw new NotFoundError('Account', email);
        const now = new Date();
        const sessionId = await startSession(tx, now, account.id);
        const { token, expiresAt } = await issueAccessToken(
          { accountId: account.id, sessionId },
          ctx.config.jwtSecret,
          ctx.config.tokenTtlSeconds,
          now,
        );
        return { result: { token, expiresAt, accountId: account.id }, entityId: account.id };
      });
    },
  }),
);
