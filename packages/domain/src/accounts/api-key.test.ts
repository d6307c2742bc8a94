import { describe, expect, it } from 'vitest';
import { expectInvalidInput } from '../../test/support/invalid-input.js';
import { validateApiKey } from './api-key.js';

describe('validateApiKey', () => {
  it('trims the name and returns the scopes once each, sorted', () => {
    expect(
      validateApiKey({ name: ' SIMPEG ', scopes: ['staff:read', 'catalogue:read', 'staff:read'] }),
    ).toEqual({
      ok: true,
      value: { name: 'SIMPEG', scopes: ['catalogue:read', 'staff:read'] },
    });
  });

  it('refuses a short name and unknown or missing scopes', () => {
    const r = validateApiKey({ name: 'ab', scopes: ['root'] });
    const error = expectInvalidInput(r, 'API_KEY_INVALID', ['name:OUT_OF_RANGE', 'scopes:INVALID_SCOPE']);
    expect(error.fields[1]?.message.en).toContain('statistics:read');
    const none = validateApiKey({ name: 'Dashboard', scopes: [] });
    expect(none.ok ? [] : none.error.fields.map((f) => f.field)).toEqual(['scopes']);
    const long = validateApiKey({ name: 'x'.repeat(101), scopes: ['staff:read'] });
    expect(long.ok ? [] : long.error.fields.map((f) => f.field)).toEqual(['name']);
  });
});
