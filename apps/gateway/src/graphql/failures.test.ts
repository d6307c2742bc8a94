import { ERROR_CATALOGS } from '@layanan/domain';
import { describe, expect, it } from 'vitest';
import { ConflictError, RequestTransitionError, ValidationError } from './errors.js';
import { FAILURE_TYPES, failure, inputPath, invalidFields, messageOf } from './failures.js';
import { GATEWAY_ERROR_MESSAGES } from './gateway-errors.js';

describe('the failure table', () => {
  const domainCodes = Object.values(ERROR_CATALOGS).flatMap((catalog) => Object.keys(catalog));
  const gatewayCodes = Object.keys(GATEWAY_ERROR_MESSAGES);

  it('maps every catalogued code, and only those, to one GraphQL error type', () => {
    expect(Object.keys(FAILURE_TYPES).sort()).toEqual([...domainCodes, ...gatewayCodes].sort());
  });

  it('has an Indonesian and an English message for every code', () => {
    for (const code of Object.keys(FAILURE_TYPES) as (keyof typeof FAILURE_TYPES)[]) {
      const message = messageOf(code);
      expect(message.id, code).toMatch(/\S/);
      expect(message.en, code).toMatch(/\S/);
      expect(message.id, code).not.toBe(message.en);
    }
  });

  it('builds the mapped type with the catalogue messages', () => {
    const conflict = failure('SURVEY_ALREADY_ANSWERED');
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.messageEn).toBe(messageOf('SURVEY_ALREADY_ANSWERED').en);
    const invalid = failure('TOO_LONG', { field: 'text' });
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).fields.map((f) => f.field)).toEqual(['text']);
    const transition = failure({
      code: 'REQUEST_TRANSITION_NOT_ALLOWED',
      message: messageOf('REQUEST_TRANSITION_NOT_ALLOWED'),
      details: { from: 'COMPLETED', to: 'VERIFIED' },
    });
    expect(transition).toBeInstanceOf(RequestTransitionError);
    expect((transition as RequestTransitionError).from).toBe('COMPLETED');
  });
});

describe('field paths', () => {
  it('joins keys with dots and list positions in brackets', () => {
    expect(inputPath('text')).toBe('text');
    expect(inputPath('attributes', 'fungsi')).toBe('attributes.fungsi');
    expect(inputPath('holidays', 3, 'date')).toBe('holidays[3].date');
  });

  it('keeps a single problem’s own code and folds several into VALIDATION_FAILED', () => {
    const one = invalidFields([{ field: 'nip', code: 'NIP_REQUIRED', message: messageOf('NIP_REQUIRED') }]);
    expect(one.code).toBe('NIP_REQUIRED');
    const two = invalidFields(
      [
        { field: 'a', code: 'REQUIRED', message: messageOf('REQUIRED') },
        { field: 'b', code: 'TOO_LONG', message: messageOf('TOO_LONG') },
      ],
      'rating',
    );
    expect(two.code).toBe('VALIDATION_FAILED');
    expect(two.fields.map((f) => f.field)).toEqual(['rating.a', 'rating.b']);
  });
});
