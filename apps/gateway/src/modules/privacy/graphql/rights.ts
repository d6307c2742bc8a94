// A person's corrections and erasure of their own account (UU 27/2022 art. 6, 8). The writes are
// commands/.
import { mailSettings } from '../../../app/mail-config.js';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { rowField } from '../../../graphql/entity-payload.js';
import {
  AuthenticationFailedError,
  ConflictError,
  LayananError,
  ValidationError,
} from '../../../graphql/errors.js';
import { type ErasureDone, eraseAccount } from '../commands/erase-account.js';
import { type UpdateProfileInput, updateProfile } from '../commands/update-profile.js';

const UpdateProfileInputRef = builder.inputType('UpdateProfileInput', {
  description: 'The profile fields to change; absent or null fields stay as they are.',
  fields: (t) => ({
    displayName: t.string({ required: false, description: 'The name shown (2–80 characters).' }),
    email: t.string({
      required: false,
      description:
        'A new e-mail address: a pending change. A link is mailed to it at once, and the account keeps its present address until the link is used (verifyEmail). An empty string removes the address at once while a mobile number remains.',
    }),
    phone: t.string({
      required: false,
      description:
        'A new mobile number (e.g. 0812…): a pending change. A code is sent to it by SMS, and the account keeps its present number until the code is used (verifyPhone); without an SMS provider (the default) no code is sent and the change cannot complete. An empty string removes the number at once while an e-mail remains.',
    }),
  }),
});

const UpdateProfilePayload = builder
  .objectRef<{ accountId: string; emailVerificationSent: boolean }>('UpdateProfilePayload')
  .implement({
    description:
      'The profile after the change. The answer is the same whether or not a new address belongs to another account (that account’s owner is told instead).',
    fields: (t) => ({
      account: rowField(t, {
        type: 'Account',
        id: 'accountId',
        description: 'The account as now stored: a new e-mail or number shows only once proved.',
      }),
      emailVerificationSent: t.exposeBoolean('emailVerificationSent', {
        description:
          'True when a new e-mail address was given: a link is on its way there, and the change takes effect when it is opened.',
      }),
    }),
  });

builder.mutationField('updateProfile', (t) =>
  t.field({
    type: UpdateProfilePayload,
    description:
      'Correct your own profile (UU 27/2022 art. 6): name, e-mail, mobile number. The name and a removal take effect at once; a new e-mail or number is pending until proved by the link or code sent to it (a number cannot be proved without an SMS provider). Whether another account has the new address is never revealed: the answer is the same, nothing is sent to that address, and its owner is told (ConflictError is no longer answered; it stays in the union for existing clients). ValidationError PROFILE_UPDATE_INVALID (fields) for a bad value or no contact left. Audited; rate-limited like sign-in.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, ConflictError] },
    ...commandInput(
      t,
      UpdateProfileInputRef,
      'What to change.',
      (deps, caller, input: UpdateProfileInput, ctx) =>
        updateProfile(deps, caller, input, mailSettings(ctx.config), ctx.sms ?? null),
    ),
  }),
);

const PasswordConfirmationInput = builder.inputType('EraseMyAccountInput', {
  description: 'The account’s password, to confirm an act that cannot be undone.',
  fields: (t) => ({
    password: t.string({
      required: true,
      description: 'The password now; a wrong one gives AuthenticationFailed.',
    }),
  }),
});

export const AccountErasedPayload = builder.objectRef<ErasureDone>('AccountErased').implement({
  description:
    'The account is erased: its name, contacts, password, texts, files, notifications and mail are gone, every session has ended; its requests and forum submissions stay, anonymised, in the city’s statistics (docs/personal-data.md).',
  fields: (t) => ({
    erasedAt: t.expose('erasedAt', { type: 'DateTime', description: 'When.' }),
    requests: t.exposeInt('requests', { description: 'How many requests were anonymised.' }),
    submissions: t.exposeInt('submissions', { description: 'How many forum submissions were anonymised.' }),
  }),
});

export const ERASURE_ERRORS = { types: [AuthenticationFailedError, ConflictError, LayananError] };
export { PasswordConfirmationInput };

builder.mutationField('eraseMyAccount', (t) =>
  t.field({
    type: AccountErasedPayload,
    description:
      'Erase your own account (UU 27/2022 art. 8, 43), confirmed with your password; cannot be undone. What is removed and what the law keeps: docs/personal-data.md. AuthenticationFailed CURRENT_PASSWORD_WRONG (audited); OperationFailed ERASURE_NOT_CITIZEN for staff accounts; ConflictError ERASURE_ALREADY_DONE for an account already erased. Every session ends at once. Audited; rate-limited like sign-in.',
    authScopes: { authenticated: true },
    errors: ERASURE_ERRORS,
    ...commandInput(t, PasswordConfirmationInput, 'Your password.', (deps, caller, input) =>
      eraseAccount(deps, caller, input, 'erase'),
    ),
  }),
);

builder.prismaObjectField('Account', 'phone', (t) =>
  t.exposeString('phone', {
    nullable: true,
    description:
      'Mobile number as registered (+62…); null if none. Visible to the person and admins, as the e-mail.',
  }),
);
