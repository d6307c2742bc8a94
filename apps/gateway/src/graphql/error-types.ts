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
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.string({
      description: "The message in the caller's language (Accept-Language: en for English).",
      resolve: (error, _args, ctx) => (ctx.lang === 'en' ? error.messageEn : error.messageId),
    }),
    messageId: t.exposeString('messageId', { description: 'Pesan dalam Bahasa Indonesia.' }),
    messageEn: t.exposeString('messageEn', { description: 'The message in English.' }),
  }),
});

const FieldProblemRef = builder.objectRef<FieldProblem>('FieldProblem').implement({
  fields: (t) => ({
    field: t.exposeString('field'),
    code: t.exposeString('code'),
    message: t.string({ resolve: (p, _a, ctx) => (ctx.lang === 'en' ? p.messageEn : p.messageId) }),
    messageId: t.exposeString('messageId'),
    messageEn: t.exposeString('messageEn'),
  }),
});

builder.objectType(LayananError, {
  name: 'OperationFailed',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof LayananError,
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    fields: t.field({ type: [FieldProblemRef], resolve: (error) => [...error.fields] }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({
    entity: t.exposeString('entity'),
    key: t.exposeString('key'),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof ConflictError,
});

builder.objectType(AuthenticationFailedError, {
  name: 'AuthenticationFailed',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof AuthenticationFailedError,
});
