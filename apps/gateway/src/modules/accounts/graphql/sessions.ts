// Citizen sign-up and sessions: the types and the mutations (the writes are commands/).
import type { Message } from '@layanan/domain';
import type { GraphQLContext, Lang } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { commandArgs, commandInput } from '../../../graphql/command-fields.js';
import { rowField } from '../../../graphql/entity-payload.js';
import { AuthenticationFailedError, ValidationError } from '../../../graphql/errors.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { changePassword } from '../commands/change-password.js';
import { type RegistrationReceived, registerCitizen } from '../commands/register-citizen.js';
import { type Session, type SessionSettings, sessionSettings } from '../commands/session.js';
import { login, logout, refreshSession } from '../commands/sign-in.js';

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
    email: t.string({
      description:
        'E-mail address. A taken one is answered like a free one (the owner is told, not the caller).',
    }),
    phone: t.string({ description: 'Indonesian mobile number, 08… or +628….' }),
    displayName: t.string({
      required: true,
      description: 'The name shown for the person; must not be blank.',
    }),
    password: t.string({ required: true, description: 'At least 10 characters; a passphrase is best.' }),
    privacyNoticeVersion: t.string({
      required: false,
      description:
        'The version of the privacy notice the form showed and the person consented to (`privacyNotice.version`); registering records that consent. Needed (UU 27/2022 art. 20–22: consent is explicit): none gives ValidationError PRIVACY_CONSENT_REQUIRED, another version PRIVACY_NOTICE_OUTDATED (the field stays nullable for existing clients).',
    }),
  }),
});

/** The answer to every well-formed registration, whether the e-mail or number was free or taken. */
const REGISTRATION_RECEIVED: Message = {
  id: 'Pendaftaran diterima. Jika email atau nomor ponsel ini belum terdaftar, akun Anda sudah dibuat: masuk dengan kata sandi tadi. Jika sudah terdaftar, tidak ada yang diubah.',
  en: 'Registration received. If this e-mail or mobile number was not registered yet, your account is ready: sign in with that password. If it was, nothing was changed.',
};

const RegistrationReceivedPayload = builder
  .objectRef<RegistrationReceived & { lang: Lang }>('RegistrationReceived')
  .implement({
    description:
      'The same answer whether the e-mail or mobile number was new or already registered, so that registering cannot reveal who has an account. A new account signs in with `login`; the owner of an existing one is told instead of the caller.',
    fields: (t) => ({
      received: t.exposeBoolean('received', { description: 'Always true: the registration was received.' }),
      message: t.string({
        description:
          'What happens next, in the caller’s language (Accept-Language); the same text in both cases.',
        resolve: (r) => REGISTRATION_RECEIVED[r.lang],
      }),
    }),
  });

builder.mutationField('registerCitizen', (t) =>
  t.field({
    type: RegistrationReceivedPayload,
    description:
      'Register a citizen account with an email or a mobile number. Answers RegistrationReceived alike for a new and an already registered email or number (nothing is created or changed then); sign in with `login` afterwards. ValidationError only for malformed input.',
    errors: { types: [ValidationError] },
    ...commandInput(t, RegisterCitizenInput, 'The new account.', async (deps, caller, input, ctx) => ({
      ...(await registerCitizen(deps, caller, input, ctx.config.privacy.noticeVersion)),
      lang: ctx.lang,
    })),
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
    description:
      'End the session of this refresh token (the whole sign-in it was renewed from or into): its refresh tokens and access tokens are refused from the next request on, on every gateway instance, and its live subscriptions end.',
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
