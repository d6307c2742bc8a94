// Typed GraphQL errors. Expected failures become members of a field's result union (errors
// plugin), so clients switch on __typename; anything else is masked by Yoga.
import type { DomainError } from '@layanan/domain';
import { GATEWAY_ERROR_MESSAGES, notFoundMessage } from './gateway-errors.js';

export type FieldProblem = { field: string; code: string; messageId: string; messageEn: string };

/** Base class of every expected failure the API reports as data. */
export class LayananError extends Error {
  constructor(
    readonly code: string,
    readonly messageId: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = 'LayananError';
  }
}

export class ValidationError extends LayananError {
  constructor(
    code: string,
    messageId: string,
    messageEn: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(code, messageId, messageEn);
    this.name = 'ValidationError';
  }

  /** A catalogued error by code (e.g. a rule a unique constraint enforced under concurrency). */
  static fromMessage(code: string, message: { id: string; en: string }, field: string): ValidationError {
    return new ValidationError(code, message.id, message.en, [
      { field, code, messageId: message.id, messageEn: message.en },
    ]);
  }

  /** Wraps a domain rule's error (STYLE.md 2–3) for one input field. */
  static fromDomain(error: DomainError<string>, field?: string): ValidationError {
    const fields = field
      ? [{ field, code: error.code, messageId: error.message.id, messageEn: error.message.en }]
      : [];
    return new ValidationError(error.code, error.message.id, error.message.en, fields);
  }

  /** Wraps a domain rule's per-field errors (`{ field, code, message: { id, en } }`). */
  static fromFieldErrors(
    fields: readonly { field: string; code: string; message: { id: string; en: string } }[],
    renameField: (field: string) => string = (field) => field,
  ): ValidationError {
    return ValidationError.fromFields(
      fields.map((f) => ({
        field: renameField(f.field),
        code: f.code,
        messageId: f.message.id,
        messageEn: f.message.en,
      })),
    );
  }

  static fromFields(fields: readonly FieldProblem[]): ValidationError {
    const message = GATEWAY_ERROR_MESSAGES.VALIDATION_FAILED;
    return new ValidationError('VALIDATION_FAILED', message.id, message.en, fields);
  }
}

export class NotFoundError extends LayananError {
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    const message = notFoundMessage(entity, key);
    super('NOT_FOUND', message.id, message.en);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends LayananError {
  constructor(code: string, messageId: string, messageEn: string) {
    super(code, messageId, messageEn);
    this.name = 'ConflictError';
  }
}

/** Sign-in failed. Deliberately vague: it never tells which of identifier or password was wrong. */
export class AuthenticationFailedError extends LayananError {
  constructor(code: 'INVALID_CREDENTIALS' | 'REFRESH_TOKEN_INVALID' | 'CURRENT_PASSWORD_WRONG') {
    super(code, GATEWAY_ERROR_MESSAGES[code].id, GATEWAY_ERROR_MESSAGES[code].en);
    this.name = 'AuthenticationFailedError';
  }
}

/** An illegal or unauthorised status change, or a missing reason (domain RequestErrorCode). */
export class RequestTransitionError extends LayananError {
  constructor(
    code: string,
    messageId: string,
    messageEn: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(code, messageId, messageEn);
    this.name = 'RequestTransitionError';
  }
}

/** A unique constraint refused a write: a concurrent request got there first (Prisma P2002). */
export const isUniqueViolation = (error: unknown): boolean =>
  !!error && typeof error === 'object' && 'code' in error && (error as { code: unknown }).code === 'P2002';
