import { describe, expect, it } from 'vitest';
import { translate } from './i18n.tsx';
import { fieldErrors, localMessage, mutationFailure } from './ui.tsx';

describe('server failures in the user’s language', () => {
  const t = (lang: 'id' | 'en') => (key: Parameters<typeof translate>[1]) => translate(lang, key);

  it('words a known request-level code itself, in the user’s language', () => {
    const failure = mutationFailure(undefined, {
      message: '[GraphQL] Akses ditolak / Access denied',
      graphQLErrors: [{ message: 'Akses ditolak / Access denied', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(failure).toEqual({
      __typename: 'Error',
      message: 'Akses ditolak / Access denied',
      code: 'FORBIDDEN',
    });
    expect(localMessage(failure?.message, failure?.code, 'en', t('en'))).toBe(
      'You are not allowed to do this.',
    );
    expect(localMessage(failure?.message, failure?.code, 'id', t('id'))).toBe(
      'Anda tidak berhak melakukan tindakan ini.',
    );
  });

  it('shows the half of a two-language message in the user’s language, without urql’s prefix', () => {
    expect(localMessage('[GraphQL] Kueri terlalu dalam / Query too deep', undefined, 'id', t('id'))).toBe(
      'Kueri terlalu dalam',
    );
    expect(
      localMessage('[GraphQL] Kueri terlalu dalam / Query too deep', 'QUERY_TOO_DEEP', 'en', t('en')),
    ).toBe('Query too deep');
    expect(localMessage('Alasan wajib diisi.', undefined, 'en', t('en'))).toBe('Alasan wajib diisi.');
  });

  it('names field errors as the form’s fields: input.reason is reason', () => {
    expect(
      fieldErrors({
        __typename: 'ValidationError',
        fields: [
          { field: 'input.reason', message: 'wajib' },
          { field: 'input', message: 'tanggal lampau' },
        ],
      }),
    ).toEqual({ reason: 'wajib', input: 'tanggal lampau' });
  });
});
