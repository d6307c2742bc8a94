import { builder } from './builder.js';
import {
  AuthenticationFailedError,
  ConflictError,
  type FieldProblem,
  LayananError,
  NotFoundError,
  ValidationError,
} from './errors.js';

/** Every expected failure: a stable code plus a message in the caller's language and both languages. */
export const FailureInterface = builder.interfaceRef<LayananError>('Failure').implement({
  description:
    'An expected failure of an operation, returned in its result union instead of a GraphQL error: a stable code plus the message in Indonesian and English. Switch on `__typename` for the kind, on `code` for the reason.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description:
        'Stable SCREAMING_SNAKE code from the domain or gateway error catalogue (e.g. REQUEST_VERSION_CONFLICT); safe to switch on.',
    }),
    message: t.string({
      description: "The message in the caller's language (Accept-Language: en for English).",
      resolve: (error, _args, ctx) => (ctx.lang === 'en' ? error.messageEn : error.messageId),
    }),
    messageId: t.exposeString('messageId', { description: 'Pesan dalam Bahasa Indonesia.' }),
    messageEn: t.exposeString('messageEn', { description: 'The message in English.' }),
  }),
});

const FieldProblemRef = builder.objectRef<FieldProblem>('FieldProblem').implement({
  description: 'What is wrong with one input field of a ValidationError.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description:
        'Path of the field inside the input: names joined by dots, list indexes in brackets (e.g. `attributes[0].code`).',
    }),
    code: t.exposeString('code', {
      description: 'Stable code of the problem (e.g. SUBMISSION_TEXT_TOO_LONG).',
    }),
    message: t.string({
      description: "The message in the caller's language (Accept-Language: en for English).",
      resolve: (p, _a, ctx) => (ctx.lang === 'en' ? p.messageEn : p.messageId),
    }),
    messageId: t.exposeString('messageId', { description: 'Pesan dalam Bahasa Indonesia.' }),
    messageEn: t.exposeString('messageEn', { description: 'The message in English.' }),
  }),
});

builder.objectType(LayananError, {
  name: 'OperationFailed',
  description: 'A business rule refused the operation; `code` says which (e.g. SKP_SELF_RATING).',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof LayananError,
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused: one entry per field that is missing, malformed or out of range.',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    fields: t.field({
      type: [FieldProblemRef],
      description:
        'The problems, one per field, each naming its input field: at least one, except for the few codes about the input as a whole or the account rather than a field (SERVICE_CHANGE_EMPTY, ACCOUNT_EMAIL_MISSING, ACCOUNT_PHONE_MISSING).',
      resolve: (error) => [...error.fields],
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'A record the input names does not exist (or the caller may not see it).',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({
    entity: t.exposeString('entity', {
      description:
        'Type of the missing record (e.g. Service, Unit, ServiceRequest); the messages call it by its name in each language (Layanan, Unit kerja, Permohonan/laporan).',
    }),
    key: t.exposeString('key', {
      description: 'The key it was looked up by, as given (code, id or e-mail).',
    }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description:
    'The operation collides with the current data: a stale expectedVersion, a taken code, slug or e-mail, or something already done.',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof ConflictError,
});

builder.objectType(AuthenticationFailedError, {
  name: 'AuthenticationFailed',
  description:
    'Sign-in, password check or token refresh refused: wrong credentials, or an unknown, reused or expired refresh token.',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof AuthenticationFailedError,
});
