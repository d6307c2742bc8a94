// One table: which GraphQL error type each error code is reported as. Every code of the domain
// catalogue (@layanan/domain ERROR_CATALOGS) and of the gateway catalogue (gateway-errors.ts) has
// exactly one entry (the table is in failure-types.ts; a new code without an entry does not
// compile), and the resolvers build their errors through `failure()` instead of choosing a type
// each time.
//
// Field errors name their field as a path inside the mutation's `input` argument: object keys
// joined by dots, list positions in brackets — `text`, `attributes.fungsi`, `holidays[3].date`
// (`inputPath()` builds them).
import { type DomainError, ERROR_MESSAGES, type FieldError, type Message } from '@layanan/domain';
import { CalendarCoverageError } from '@layanan/domain/calendar';
import { GraphQLError } from 'graphql';
import {
  AuthenticationFailedError,
  ConflictError,
  type FieldProblem,
  LayananError,
  NotFoundError,
  RequestTransitionError,
  ValidationError,
} from './errors.js';
import { FAILURE_FIELDS, FIELD_NAMED_WHERE_RAISED, fieldOf, NOT_ABOUT_ONE_FIELD } from './failure-fields.js';
import { FAILURE_TYPES, type FailureCode, type FailureType } from './failure-types.js';
import { GATEWAY_ERROR_MESSAGES, type GatewayErrorCode, type NotFoundEntity } from './gateway-errors.js';

export { FAILURE_TYPES, type FailureCode, type FailureType } from './failure-types.js';
export { FAILURE_FIELDS, FIELD_NAMED_WHERE_RAISED, fieldOf, NOT_ABOUT_ONE_FIELD };

/** The messages of a code, from the domain catalogue or the gateway's. */
export function messageOf(code: FailureCode): Message {
  return (
    (ERROR_MESSAGES as Readonly<Record<string, Message>>)[code] ??
    GATEWAY_ERROR_MESSAGES[code as GatewayErrorCode]
  );
}

/** `inputPath('holidays', 3, 'date')` → `holidays[3].date`: the one way field paths are written. */
export function inputPath(...segments: readonly (string | number)[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

type Coded = { readonly code: string; readonly message: Message };

/** One problem with one field of the input. */
export function fieldProblem(field: string, error: Coded): FieldProblem {
  return { field, code: error.code, messageId: error.message.id, messageEn: error.message.en };
}

/**
 * A domain rule's per-field errors as one ValidationError: a single problem keeps its own code
 * (e.g. `NIP_INVALID_BIRTH_DATE`), several become `VALIDATION_FAILED`. `prefix` places the
 * fields of a nested input (`inputPath('rating')` → `rating.note`).
 */
export function invalidFields(
  fields: readonly (FieldError | (Coded & { field: string }))[],
  prefix?: string,
) {
  const problems = fields.map((f) => fieldProblem(prefix ? `${prefix}.${f.field}` : f.field, f));
  return invalidInput(problems);
}

/** Problems already built as `FieldProblem`s: one keeps its code, several are VALIDATION_FAILED. */
export function invalidInput(problems: readonly FieldProblem[]): ValidationError {
  const [only] = problems;
  if (problems.length === 1 && only)
    return new ValidationError(only.code, only.messageId, only.messageEn, problems);
  return validationFailed(problems);
}

/**
 * Always `VALIDATION_FAILED` (a form's problems, however many), each field keeping its own code:
 * `FieldProblem`s as they are, or a domain rule's field errors (`rename` maps their field names to
 * the input's paths, e.g. `date` → `holidays[3].date`).
 */
export function validationFailed(
  fields: readonly (FieldProblem | (Coded & { field: string }))[],
  rename: (field: string) => string = (field) => field,
): ValidationError {
  const problems = fields.map((f) =>
    'messageId' in f ? { ...f, field: rename(f.field) } : fieldProblem(rename(f.field), f),
  );
  const message = GATEWAY_ERROR_MESSAGES.VALIDATION_FAILED;
  return new ValidationError('VALIDATION_FAILED', message.id, message.en, problems);
}

/**
 * The typed GraphQL error for a domain or gateway error, chosen by FAILURE_TYPES. `field` names
 * the input field a validation error is about (default: the code's field in FAILURE_FIELDS). Transition errors carry `from`/`to` in
 * `error.details`; types that need more data than a code (NotFoundError, SkpQuotaExceededError)
 * are built by their own constructors.
 */
export function failure(
  error: DomainError<FailureCode> | FailureCode,
  options: { field?: string } = {},
): LayananError {
  const e: DomainError<FailureCode> =
    typeof error === 'string' ? { code: error, message: messageOf(error) } : error;
  const type: FailureType = FAILURE_TYPES[e.code];
  switch (type) {
    case 'ValidationError': {
      // A domain field error names its own field (e.g. a reason TOO_LONG); it wins over the
      // resolver's, which wins over the code's own field (FAILURE_FIELDS).
      const field =
        'field' in e && typeof e.field === 'string' ? e.field : (options.field ?? fieldOf(e.code));
      return new ValidationError(e.code, e.message.id, e.message.en, field ? [fieldProblem(field, e)] : []);
    }
    case 'ConflictError':
      return new ConflictError(e.code, e.message.id, e.message.en);
    case 'AuthenticationFailed':
      return new AuthenticationFailedError(e.code, e.message);
    case 'RequestTransitionError':
      return new RequestTransitionError(
        e.code,
        e.message.id,
        e.message.en,
        String(e.details?.from ?? ''),
        String(e.details?.to ?? ''),
      );
    case 'NotFoundError':
      return new NotFoundError(e.details?.entity as NotFoundEntity, String(e.details?.key ?? ''));
    case 'SkpQuotaExceededError':
    case 'OperationFailed':
      return new LayananError(e.code, e.message.id, e.message.en);
  }
}

/**
 * A deadline computed past the years the working calendar knows throws the domain's
 * CalendarCoverageError from any command: reported as a request-level error with its code
 * (CALENDAR_YEAR_UNKNOWN), both messages and the unknown year, instead of a masked one.
 */
export function calendarCoverageGraphQLError(error: unknown): GraphQLError | undefined {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (!(original instanceof CalendarCoverageError)) return undefined;
  const { code, message, details } = original.error;
  return new GraphQLError(`${message.id} / ${message.en}`, {
    ...(error instanceof GraphQLError ? { path: error.path, nodes: error.nodes } : {}),
    extensions: { code, messageId: message.id, messageEn: message.en, ...details },
  });
}
