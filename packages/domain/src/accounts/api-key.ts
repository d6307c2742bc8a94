// API keys for other city systems: a name people recognise and the operations the key may call.
import {
  type DomainError,
  type ErrorMessages,
  errorCodes,
  type FieldError,
  type Message,
  wholeNumberErrors,
} from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { textLength } from '../text-limits.js';

/** Operations an API key may be granted. Later issues add to this list. */
export const API_KEY_SCOPES = ['catalogue:read', 'staff:read', 'requests:write', 'statistics:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_NAME_LENGTH = { min: 3, max: 100 } as const;

/**
 * A key's own budget of submissions per hour, set by an admin: a system filing for the whole
 * city must not share one citizen's budget (30 an hour by default), nor be starved by it.
 */
export const API_KEY_SUBMISSIONS_PER_HOUR = { min: 1, max: 100_000, default: 600 } as const;

const SCOPE_LIST = API_KEY_SCOPES.join(', ');

export const API_KEY_ERROR_MESSAGES = {
  API_KEY_INVALID: {
    id: 'Data kunci API tidak valid; periksa kolom yang ditandai.',
    en: 'The API key is invalid; check the marked fields.',
  },
  /** A field code: a scope outside API_KEY_SCOPES (only an API client can send one). */
  INVALID_SCOPE: { id: `Cakupan harus dari: ${SCOPE_LIST}`, en: `Scopes must be among: ${SCOPE_LIST}` },
  /** A field code: no scope at all; worded for the form's checkboxes, without the scope codes. */
  SCOPE_REQUIRED: { id: 'Pilih paling sedikit satu hak akses.', en: 'Choose at least one permission.' },
} as const satisfies ErrorMessages<string>;
export const ApiKeyErrorCode = errorCodes(API_KEY_ERROR_MESSAGES);
export type ApiKeyErrorCode = (typeof ApiKeyErrorCode)[keyof typeof ApiKeyErrorCode];

export type ApiKeyFieldError =
  | FieldError
  | (DomainError<'INVALID_SCOPE' | 'SCOPE_REQUIRED'> & { readonly field: string });
export type ApiKeyError = DomainError<'API_KEY_INVALID'> & { readonly fields: readonly ApiKeyFieldError[] };

const budgetErrors = (value: number) =>
  wholeNumberErrors('submissionsPerHour', value, API_KEY_SUBMISSIONS_PER_HOUR);

const invalid = (fields: ApiKeyFieldError[]): ApiKeyError => ({
  code: 'API_KEY_INVALID',
  message: API_KEY_ERROR_MESSAGES.API_KEY_INVALID,
  fields,
});

/** A key's submissions per hour, changed by an admin: a whole number within the bounds. */
export function validateApiKeyBudget(submissionsPerHour: number): Result<number, ApiKeyError> {
  const fields = budgetErrors(submissionsPerHour);
  return fields.length > 0 ? err(invalid(fields)) : ok(submissionsPerHour);
}

const NAME_MESSAGE: Message = {
  id: `Nama harus ${API_KEY_NAME_LENGTH.min}–${API_KEY_NAME_LENGTH.max} karakter`,
  en: `The name must be ${API_KEY_NAME_LENGTH.min}–${API_KEY_NAME_LENGTH.max} characters`,
};

/**
 * A new API key: a name of 3–100 characters (trimmed), at least one scope, all from
 * API_KEY_SCOPES, and its submissions per hour (API_KEY_SUBMISSIONS_PER_HOUR's default when not
 * given). Returns the name, the scopes without duplicates, sorted, and the budget.
 */
export function validateApiKey(input: {
  readonly name: string;
  readonly scopes: readonly string[];
  readonly submissionsPerHour?: number | null;
}): Result<{ name: string; scopes: ApiKeyScope[]; submissionsPerHour: number }, ApiKeyError> {
  const name = input.name.trim();
  const fields: ApiKeyFieldError[] = [];
  const length = textLength(name);
  if (length < API_KEY_NAME_LENGTH.min || length > API_KEY_NAME_LENGTH.max) {
    fields.push({
      field: 'name',
      code: 'OUT_OF_RANGE',
      message: NAME_MESSAGE,
      details: { length },
    });
  }
  const known = (scope: string): scope is ApiKeyScope =>
    (API_KEY_SCOPES as readonly string[]).includes(scope);
  const unknown = input.scopes.filter((s) => !known(s));
  if (input.scopes.length === 0) {
    fields.push({ field: 'scopes', code: 'SCOPE_REQUIRED', message: API_KEY_ERROR_MESSAGES.SCOPE_REQUIRED });
  } else if (unknown.length > 0) {
    fields.push({
      field: 'scopes',
      code: 'INVALID_SCOPE',
      message: API_KEY_ERROR_MESSAGES.INVALID_SCOPE,
      details: { unknown },
    });
  }
  const submissionsPerHour = input.submissionsPerHour ?? API_KEY_SUBMISSIONS_PER_HOUR.default;
  fields.push(...budgetErrors(submissionsPerHour));
  if (fields.length > 0) return err(invalid(fields));
  return ok({ name, scopes: [...new Set(input.scopes.filter(known))].sort(), submissionsPerHour });
}
