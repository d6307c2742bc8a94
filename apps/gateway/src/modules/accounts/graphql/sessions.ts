// Citizen sign-up and sessions: the types and the mutations (the writes are commands/).
import type { GatewayConfig } from '../../../app/config.js';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { commandArgs, commandInput } from '../../../graphql/command-fields.js';
import { rowField } from '../../../graphql/entity-payload.js';
import { AuthenticationFailedError, ConflictError, ValidationError } from '../../../graphql/errors.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { changePassword } from '../commands/change-password.js';
import { registerCitizen } from '../commands/register-citizen.js';
import type { Session, SessionSettings } from '../commands/session.js';
import { login, logout, refreshSession } from '../commands/sign-in.js';

/** The session settings of the gateway's configuration. */
function sessionSettings(config: GatewayConfig): SessionSettings {
  return {
    jwtSecret: config.jwtSecret,
    accessTtlSeconds: config.tokenTtlSeconds,
    refreshTtlSeconds: config.refreshTtlSeconds,
  };
}

/** A command that opens a session, called with the session settings of the configuration. */
function withSessionSettings<Input, Result>(
  command: (deps: CommandDeps, caller: Caller, input: Input, settings: SessionSettings) => Result,
) {
  return (deps: CommandDeps, caller: Caller, input: Input, ctx: GraphQLContext) =>
    command(deps, caller, input, sessionSettings(ctx.config));
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
    account: rowField(t, {
      type: 'Account',
      id: 'accountId',
      description: 'The signed-in account (contact details included: it is the caller’s own).',
      grantScopes: ['ownSession'],
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
    ...commandInput(t, RegisterCitizenInput, 'The new account.', withSessionSettings(registerCitizen)),
  }),
);

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
    ...commandInput(t, LoginInput, 'The credentials.', withSessionSettings(login)),
  }),
);

builder.mutationField('refreshSession', (t) =>
  t.field({
    type: AuthPayload,
    description:
      'Exchange a refresh token for a new session. Each refresh token works once; using one twice ends every session that grew from the same sign-in.',
    errors: { types: [AuthenticationFailedError] },
    ...commandArgs(
      {
        refreshToken: t.arg.string({
          required: true,
          description:
            'AuthPayload.refreshToken of the current session; unknown, reused or expired gives AuthenticationFailed.',
        }),
      },
      (deps, caller, args, ctx) =>
        refreshSession(deps, caller, args.refreshToken, sessionSettings(ctx.config)),
    ),
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
    ...commandArgs(
      {
        refreshToken: t.arg.string({
          required: true,
          description: 'The refresh token of the session to end.',
        }),
      },
      (deps, caller, args) => logout(deps, caller, args.refreshToken),
    ),
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
    ...commandInput(t, ChangePasswordInput, 'Old and new password.', withSessionSettings(changePassword)),
  }),
);
