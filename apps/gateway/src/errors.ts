// Typed GraphQL errors. Expected failures become members of a field's result union (errors
// plugin), so clients switch on __typename; anything else is masked by Yoga.
import type { DomainError } from '@layanan/domain';

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

  /** Wraps a domain rule's error (STYLE.md 2–3) for one input field. */
  static fromDomain(error: DomainError<string>, field?: string): ValidationError {
    const fields = field
      ? [{ field, code: error.code, messageId: error.message.id, messageEn: error.message.en }]
      : [];
    return new ValidationError(error.code, error.message.id, error.message.en, fields);
  }

  static fromFields(fields: readonly FieldProblem[]): ValidationError {
    return new ValidationError(
      'VALIDATION_FAILED',
      'Masukan tidak valid; periksa kolom yang ditandai',
      'The input is invalid; check the marked fields',
      fields,
    );
  }
}

export class NotFoundError extends LayananError {
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super('NOT_FOUND', `${entity} "${key}" tidak ditemukan`, `${entity} "${key}" was not found`);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends LayananError {
  constructor(code: string, messageId: string, messageEn: string) {
    super(code, messageId, messageEn);
    this.name = 'ConflictError';
  }
}
