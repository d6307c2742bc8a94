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

/** Sign-in failed. Deliberately vague: it never tells which of identifier or password was wrong. */
export class AuthenticationFailedError extends LayananError {
  constructor(code: 'INVALID_CREDENTIALS' | 'REFRESH_TOKEN_INVALID' | 'CURRENT_PASSWORD_WRONG') {
    const messages = {
      INVALID_CREDENTIALS: [
        'Email/nomor ponsel atau kata sandi salah.',
        'Wrong email/mobile number or password.',
      ],
      REFRESH_TOKEN_INVALID: [
        'Sesi berakhir atau tidak sah; silakan masuk kembali.',
        'The session has ended or is invalid; please sign in again.',
      ],
      CURRENT_PASSWORD_WRONG: ['Kata sandi saat ini salah.', 'The current password is wrong.'],
    } as const;
    super(code, messages[code][0], messages[code][1]);
    this.name = 'AuthenticationFailedError';
  }
}

/** A unique constraint refused a write: a concurrent request got there first (Prisma P2002). */
export const isUniqueViolation = (error: unknown): boolean =>
  !!error && typeof error === 'object' && 'code' in error && (error as { code: unknown }).code === 'P2002';
