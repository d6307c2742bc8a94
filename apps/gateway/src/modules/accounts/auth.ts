// Citizen sign-up and sessions: short-lived signed access tokens plus rotating refresh tokens.
import { randomUUID } from 'node:crypto';
import { checkPassword, normalizeEmail, normalizePhone, validateRegistration } from '@layanan/domain';
import { hash, verify } from '@node-rs/argon2';
import { actorOf, type GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { AuthenticationFailedError, ConflictError, ValidationError } from '../../graphql/errors.js';
import { failure, validationFailed } from '../../graphql/failures.js';
import { audited, auditSummary, type TransactionClient } from '../../platform/audited.js';
import { accountIdOf, forbidden } from '../../platform/authz.js';
import { generateRefreshToken, issueAccessToken, refreshTokenHash } from './identity.js';

// Argon2id with the library defaults (m = 19 MiB, t = 2, p = 1: OWASP's recommended minimum).
const hashPassword = (password: string) => hash(password, { algorithm: 2 });
// Verified when no account matches, so a wrong identifier costs as much time as a wrong password.
const DUMMY_HASH = hashPassword('layanan-timing-equaliser');

type Session = {
  accountId: string;
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
};

async function issueSession(
  tx: TransactionClient,
  ctx: GraphQLContext,
  accountId: string,
  familyId: string = randomUUID(),
): Promise<Session> {
  const { token: accessToken, expiresAt } = await issueAccessToken(
    accountId,
    ctx.config.jwtSecret,
    ctx.config.tokenTtlSeconds,
  );
  const { token: refreshToken, tokenHash } = generateRefreshToken();
  const refreshExpiresAt = new Date(Date.now() + ctx.config.refreshTtlSeconds * 1000);
  await tx.refreshToken.create({ data: { accountId, familyId, tokenHash, expiresAt: refreshExpiresAt } });
  return { accountId, accessToken, expiresAt, refreshToken, refreshExpiresAt };
}

const AuthPayload = builder.objectRef<Session>('AuthPayload').implement({
  description:
    'A new session. Send `Authorization: Bearer <accessToken>`; renew with `refreshSession` before it expires.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', {
      description: 'Short-lived access token (JWT); send it as `Authorization: Bearer …`.',
    }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: 'When the access token stops working.',
    }),
    refreshToken: t.exposeString('refreshToken', {
      description: 'Single use: every refresh returns a new one.',
    }),
    refreshExpiresAt: t.expose('refreshExpiresAt', {
      type: 'DateTime',
      description: 'When the refresh token stops working; sign in again after it.',
    }),
    account: t.prismaField({
      type: 'Account',
      description: 'The signed-in account (contact details included: it is the caller’s own).',
      grantScopes: ['ownSession'],
      resolve: (query, session, _args, ctx) =>
        ctx.prisma.account.findUniqueOrThrow({ ...query, where: { id: session.accountId } }),
    }),
  }),
});

const RegisterCitizenInput = builder.inputType('RegisterCitizenInput', {
  description: 'A new citizen account: an e-mail or a mobile number (at least one), a name and a password.',
  fields: (t) => ({
    email: t.string({ description: 'E-mail address; a taken one gives ConflictError.' }),
    phone: t.string({ description: 'Indonesian mobile number, 08… or +628….' }),
    displayName: t.string({
      required: true,
      description: 'The name shown for the person; must not be blank.',
    }),
    password: t.string({ required: true, description: 'At least 10 characters; a passphrase is best.' }),
  }),
});

builder.mutationField('registerCitizen', (t) =>
  t.field({
    type: AuthPayload,
    description: 'Create a citizen account with an email or a mobile number, and sign in.',
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: RegisterCitizenInput, required: true, description: 'The new account.' }) },
    resolve: async (_root, { input }, ctx) => {
      const checked = validateRegistration(input);
      if (!checked.ok) {
        throw validationFailed(checked.error.fields);
      }
      const { email, phone, displayName } = checked.value;
      const passwordHash = await hashPassword(input.password);
      return audited(ctx, { action: 'registerCitizen', entityType: 'Account' }, async (tx) => {
        const taken = await tx.account.findFirst({
          where: { OR: [...(email ? [{ email }] : []), ...(phone ? [{ phone }] : [])] },
          select: { id: true },
        });
        if (taken) {
          throw failure('ACCOUNT_EXISTS');
        }
        const account = await tx.account.create({
          data: { email, phone, displayName, role: 'CITIZEN', passwordHash },
        });
        const session = await issueSession(tx, ctx, account.id);
        return { result: session, entityId: account.id, after: { ...account } };
      });
    },
  }),
);

/** Finds the account for an email or a phone number, whichever the identifier is. */
async function accountByIdentifier(ctx: GraphQLContext, identifier: string) {
  const email = normalizeEmail(identifier);
  if (email.ok) return ctx.prisma.account.findUnique({ where: { email: email.value } });
  const phone = normalizePhone(identifier);
  if (phone.ok) return ctx.prisma.account.findUnique({ where: { phone: phone.value } });
  return null;
}

/** Failed sign-ins are audited in their own transaction (the attempt itself changes nothing). */
async function auditFailure(ctx: GraphQLContext, action: string, entityId: string | null, reason: string) {
  await ctx.prisma.auditEntry.create({
    data: {
      ...actorOf(ctx.identity),
      action,
      entityType: 'Account',
      entityId,
      after: auditSummary({ outcome: 'failed', reason }),
      requestId: ctx.requestId,
    },
  });
}

const LoginInput = builder.inputType('LoginInput', {
  description: 'Credentials of a password sign-in.',
  fields: (t) => ({
    identifier: t.string({ required: true, description: 'Email address or mobile number.' }),
    password: t.string({
      required: true,
      description: 'The password; a wrong one gives AuthenticationFailed.',
    }),
  }),
});

builder.mutationField('login', (t) =>
  t.field({
    type: AuthPayload,
    description: 'Sign in with an email or mobile number and a password.',
    errors: { types: [AuthenticationFailedError] },
    args: { input: t.arg({ type: LoginInput, required: true, description: 'The credentials.' }) },
    resolve: async (_root, { input }, ctx) => {
      const account = await accountByIdentifier(ctx, input.identifier);
      const valid = account?.passwordHash
        ? await verify(account.passwordHash, input.password).catch(() => false)
        : await verify(await DUMMY_HASH, input.password).then(() => false);
      if (!account || !valid || account.disabledAt) {
        await auditFailure(
          ctx,
          'login',
          account?.id ?? null,
          account?.disabledAt ? 'disabled' : 'credentials',
        );
        throw failure('INVALID_CREDENTIALS');
      }
      return audited(ctx, { action: 'login', entityType: 'Account' }, async (tx) => ({
        result: await issueSession(tx, ctx, account.id),
        entityId: account.id,
      }));
    },
  }),
);

builder.mutationField('refreshSession', (t) =>
  t.field({
    type: AuthPayload,
    description:
      'Exchange a refresh token for a new session. Each refresh token works once; using one twice ends every session that grew from the same sign-in.',
    errors: { types: [AuthenticationFailedError] },
    args: {
      refreshToken: t.arg.string({
        required: true,
        description:
          'AuthPayload.refreshToken of the current session; unknown, reused or expired gives AuthenticationFailed.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const tokenHash = refreshTokenHash(args.refreshToken);
      const outcome = await ctx.prisma.$transaction(async (tx) => {
        const row = tokenHash
          ? await tx.refreshToken.findUnique({ where: { tokenHash }, include: { account: true } })
          : null;
        if (!row) return { failed: 'unknown' as const, accountId: null };
        if (row.rotatedAt) {
          // A rotated token came back: it was stolen or replayed. End the whole family.
          await tx.refreshToken.updateMany({
            where: { familyId: row.familyId, revokedAt: null },
            data: { revokedAt: new Date() },
          });
          return { failed: 'reused' as const, accountId: row.accountId };
        }
        if (row.revokedAt || row.expiresAt < new Date() || row.account.disabledAt) {
          return { failed: 'ended' as const, accountId: row.accountId };
        }
        const claimed = await tx.refreshToken.updateMany({
          where: { id: row.id, rotatedAt: null, revokedAt: null },
          data: { rotatedAt: new Date() },
        });
        if (claimed.count !== 1) return { failed: 'reused' as const, accountId: row.accountId };
        const session = await issueSession(tx, ctx, row.accountId, row.familyId);
        await tx.auditEntry.create({
          data: {
            ...actorOf(ctx.identity),
            action: 'refreshSession',
            entityType: 'Account',
            entityId: row.accountId,
            requestId: ctx.requestId,
          },
        });
        return { failed: null, accountId: row.accountId, session };
      });
      if (outcome.failed !== null || !('session' in outcome) || !outcome.session) {
        await auditFailure(ctx, 'refreshSession', outcome.accountId, outcome.failed ?? 'unknown');
        throw failure('REFRESH_TOKEN_INVALID');
      }
      return outcome.session;
    },
  }),
);

const LogoutPayload = builder.objectRef<{ revoked: boolean }>('LogoutPayload').implement({
  description: 'Whether a session was ended.',
  fields: (t) => ({
    revoked: t.exposeBoolean('revoked', { description: 'False when the token had already ended.' }),
  }),
});

builder.mutationField('logout', (t) =>
  t.field({
    type: LogoutPayload,
    description: 'End the session of this refresh token (and the sessions it was renewed from or into).',
    args: {
      refreshToken: t.arg.string({ required: true, description: 'The refresh token of the session to end.' }),
    },
    resolve: async (_root, args, ctx) => {
      const tokenHash = refreshTokenHash(args.refreshToken);
      return audited(ctx, { action: 'logout', entityType: 'Account' }, async (tx) => {
        const row = tokenHash ? await tx.refreshToken.findUnique({ where: { tokenHash } }) : null;
        if (!row) return { result: { revoked: false }, entityId: null };
        const { count } = await tx.refreshToken.updateMany({
          where: { familyId: row.familyId, revokedAt: null },
          data: { revokedAt: new Date() },
        });
        return { result: { revoked: count > 0 }, entityId: row.accountId };
      });
    },
  }),
);

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  description: 'The current password and the new one.',
  fields: (t) => ({
    currentPassword: t.string({
      required: true,
      description: 'The password now; a wrong one gives AuthenticationFailed.',
    }),
    newPassword: t.string({
      required: true,
      description:
        'The new password: 10–128 characters, not a common password nor the person’s name or e-mail; else ValidationError.',
    }),
  }),
});

builder.mutationField('changePassword', (t) =>
  t.field({
    type: AuthPayload,
    description: 'Change the password: every other session ends, and a new one is returned.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, AuthenticationFailedError] },
    args: {
      input: t.arg({ type: ChangePasswordInput, required: true, description: 'Old and new password.' }),
    },
    resolve: async (_root, { input }, ctx) => {
      const accountId = accountIdOf(ctx.identity);
      if (!accountId) throw forbidden();
      const account = await ctx.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
      const valid = account.passwordHash
        ? await verify(account.passwordHash, input.currentPassword).catch(() => false)
        : false;
      if (!valid) {
        await auditFailure(ctx, 'changePassword', accountId, 'current password');
        throw failure('CURRENT_PASSWORD_WRONG');
      }
      const policy = checkPassword(input.newPassword, {
        email: account.email,
        displayName: account.displayName,
      });
      if (!policy.ok) throw failure(policy.error, { field: 'newPassword' });
      const passwordHash = await hashPassword(input.newPassword);
      return audited(ctx, { action: 'changePassword', entityType: 'Account' }, async (tx) => {
        // Whole seconds: access tokens carry their issue time in seconds.
        const changedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
        await tx.account.update({
          where: { id: accountId },
          data: { passwordHash, passwordChangedAt: changedAt },
        });
        await tx.refreshToken.updateMany({
          where: { accountId, revokedAt: null },
          data: { revokedAt: new Date() },
        });
        return { result: await issueSession(tx, ctx, accountId), entityId: accountId };
      });
    },
  }),
);
