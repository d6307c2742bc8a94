// Proving an address and recovering an account (issue 18 item 4): e-mail verification links,
// phone codes behind the SMS interface, and "Lupa kata sandi". The writes are commands/.
import type { Message } from '@layanan/domain';
import type { Lang } from '../../../app/context.js';
import { mailSettings } from '../../../app/mail-config.js';
import { builder } from '../../../graphql/builder.js';
import { commandArgs, commandInput } from '../../../graphql/command-fields.js';
import { ConflictError, LayananError, ValidationError } from '../../../graphql/errors.js';
import {
  type PasswordResetRequested,
  requestPasswordReset,
  resetPassword,
} from '../commands/password-reset.js';
import {
  requestEmailVerification,
  requestPhoneVerification,
  type VerificationSent,
  verifyEmail,
  verifyPhone,
} from '../commands/verify-email.js';

const VerificationSentPayload = builder.objectRef<VerificationSent>('VerificationSent').implement({
  description: 'A verification link (e-mail) or code (SMS) was sent; earlier ones stop working.',
  fields: (t) => ({
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description:
        'When the link or code stops working (24 hours for e-mail, 15 minutes for SMS by default).',
    }),
  }),
});

builder.mutationField('requestEmailVerification', (t) =>
  t.field({
    type: VerificationSentPayload,
    description:
      'Mail a new verification link to the signed-in account’s e-mail address. ValidationError ACCOUNT_EMAIL_MISSING without an address; ConflictError ACCOUNT_ALREADY_VERIFIED. Rate-limited like sign-in.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, ConflictError] },
    ...commandArgs({}, (deps, caller, _args, ctx) =>
      requestEmailVerification(deps, caller, mailSettings(ctx.config)),
    ),
  }),
);

const EmailVerifiedPayload = builder
  .objectRef<{ accountId: string; attachedRequests: number }>('EmailVerified')
  .implement({
    description: 'The e-mail address is verified.',
    fields: (t) => ({
      verified: t.boolean({ description: 'Always true.', resolve: () => true }),
      attachedRequests: t.exposeInt('attachedRequests', {
        description:
          'How many requests filed for this address by counter staff or other systems now appear in the account.',
      }),
    }),
  });

builder.mutationField('verifyEmail', (t) =>
  t.field({
    type: EmailVerifiedPayload,
    description:
      'Use the token of a verification link (no sign-in needed). ValidationError on `token`: ACCOUNT_TOKEN_INVALID (wrong or unknown), ACCOUNT_TOKEN_EXPIRED, ACCOUNT_TOKEN_USED (a link works once). Rate-limited like sign-in.',
    errors: { types: [ValidationError] },
    ...commandArgs(
      {
        token: t.arg.string({
          required: true,
          description: 'The `token` parameter of the link `/verifikasi-email?token=…`.',
        }),
      },
      (deps, caller, args) => verifyEmail(deps, caller, args.token),
    ),
  }),
);

const PasswordResetInput = builder.inputType('RequestPasswordResetInput', {
  description: 'The e-mail address of the account whose password was forgotten.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'E-mail address (any spelling of it).' }),
  }),
});

/** The answer to every well-formed reset request, whether the address has an account or not. */
const RESET_REQUESTED: Message = {
  id: 'Permintaan diterima. Jika alamat ini terdaftar, tautan untuk mengatur ulang kata sandi telah dikirim ke sana; tautan berlaku singkat dan hanya sekali pakai.',
  en: 'Request received. If this address is registered, a link to reset the password has been sent to it; the link works for a short time and only once.',
};

const PasswordResetRequestedPayload = builder
  .objectRef<PasswordResetRequested & { lang: Lang }>('PasswordResetRequested')
  .implement({
    description:
      'The same answer whether or not the address has an account, so that asking cannot reveal who has one.',
    fields: (t) => ({
      received: t.exposeBoolean('received', { description: 'Always true: the request was received.' }),
      message: t.string({
        description: 'What happens next, in the caller’s language; the same text in every case.',
        resolve: (r) => RESET_REQUESTED[r.lang],
      }),
    }),
  });

builder.mutationField('requestPasswordReset', (t) =>
  t.field({
    type: PasswordResetRequestedPayload,
    description:
      '"Lupa kata sandi": mail a single-use reset link (1 hour by default) to the account with this e-mail address, if there is one. Answers PasswordResetRequested alike for known and unknown addresses; ValidationError only for something that is no e-mail address. Rate-limited per client address and per address asked for.',
    errors: { types: [ValidationError] },
    ...commandInput(t, PasswordResetInput, 'The address.', async (deps, caller, input, ctx) => ({
      ...(await requestPasswordReset(deps, caller, input, mailSettings(ctx.config))),
      lang: ctx.lang,
    })),
  }),
);

const ResetPasswordInput = builder.inputType('ResetPasswordInput', {
  description: 'The token of a reset link and the new password.',
  fields: (t) => ({
    token: t.string({
      required: true,
      description: 'The `token` parameter of the link `/atur-sandi?token=…`.',
    }),
    newPassword: t.string({
      required: true,
      description:
        'The new password: 10–128 characters, not a common password nor the person’s name or e-mail; else ValidationError.',
    }),
  }),
});

const PasswordResetPayload = builder.objectRef<{ accountId: string }>('PasswordReset').implement({
  description: 'The password was replaced and every session of the account ended; sign in with the new one.',
  fields: (t) => ({
    reset: t.boolean({ description: 'Always true.', resolve: () => true }),
  }),
});

builder.mutationField('resetPassword', (t) =>
  t.field({
    type: PasswordResetPayload,
    description:
      'Set a new password with the token of a reset link: every session and refresh token of the account ends, and the e-mail address counts as verified. ValidationError on `token` (ACCOUNT_TOKEN_INVALID, ACCOUNT_TOKEN_EXPIRED, ACCOUNT_TOKEN_USED) or on `newPassword` (the password policy). Rate-limited like sign-in.',
    errors: { types: [ValidationError] },
    ...commandInput(t, ResetPasswordInput, 'Token and new password.', (deps, caller, input) =>
      resetPassword(deps, caller, input),
    ),
  }),
);

builder.mutationField('requestPhoneVerification', (t) =>
  t.field({
    type: VerificationSentPayload,
    description:
      'Send a six-digit code by SMS to the signed-in account’s mobile number. No SMS provider is configured by default: then OperationFailed SMS_NOT_CONFIGURED and nothing is sent or stored. ValidationError ACCOUNT_PHONE_MISSING; ConflictError ACCOUNT_ALREADY_VERIFIED.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, ConflictError, LayananError] },
    ...commandArgs({}, (deps, caller, _args, ctx) => requestPhoneVerification(deps, caller, ctx.sms ?? null)),
  }),
);

const PhoneVerifiedPayload = builder.objectRef<{ accountId: string }>('PhoneVerified').implement({
  description: 'The mobile number is verified.',
  fields: (t) => ({
    verified: t.boolean({ description: 'Always true.', resolve: () => true }),
  }),
});

builder.mutationField('verifyPhone', (t) =>
  t.field({
    type: PhoneVerifiedPayload,
    description:
      'Use the six-digit code sent by SMS to the signed-in account’s mobile number. ValidationError on `code`: ACCOUNT_TOKEN_INVALID, ACCOUNT_TOKEN_EXPIRED, ACCOUNT_TOKEN_USED.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError] },
    ...commandArgs(
      { code: t.arg.string({ required: true, description: 'The six digits of the SMS.' }) },
      (deps, caller, args) => verifyPhone(deps, caller, args.code),
    ),
  }),
);
