import { GATEWAY_ERROR_MESSAGES, type NotFoundEntity, notFoundMessage } from './gateway-errors.js';

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
}

/** A record the input names does not exist; the messages call it by its name (NOT_FOUND_NAMES). */
export class NotFoundError extends LayananError {
  constructor(
    readonly entity: NotFoundEntity,
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
  constructor(
    code: 'INVALID_CREDENTIALS' | 'REFRESH_TOKEN_INVALID' | 'CURRENT_PASSWORD_WRONG' | (string & {}),
    message: { id: string; en: string } = GATEWAY_ERROR_MESSAGES[code as 'INVALID_CREDENTIALS'],
  ) {
    super(code, message.id, message.en);
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
