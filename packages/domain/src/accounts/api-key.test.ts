import { describe, expect, it } from 'vitest';
import { expectInvalidInput } from '../../test/support/invalid-input.js';
import { API_KEY_SUBMISSIONS_PER_HOUR, validateApiKey, validateApiKeyBudget } from './api-key.js';

describe('validateApiKey', () => {
  it('trims the name and returns the scopes once each, sorted', () => {
    expect(
      validateApiKey({ name: ' SIMPEG ', scopes: ['staff:read', 'catalogue:read', 'staff:read'] }),
    ).toEqual({
      ok: true,
      value: {
        name: 'SIMPEG',
        scopes: ['catalogue:read', 'staff:read'],
        submissionsPerHour: API_KEY_SUBMISSIONS_PER_HOUR.default,
      },
    });
  });

  it('refuses a short name and unknown or missing scopes', () => {
    const r = validateApiKey({ name: 'ab', scopes: ['root'] });
    const error = expectInvalidInput(r, 'API_KEY_INVALID', ['name:OUT_OF_RANGE', 'scopes:INVALID_SCOPE']);
    expect(error.fields[1]?.message.en).toContain('statistics:read');
    const none = validateApiKey({ name: 'Dashboard', scopes: [] });
    // None ticked: a message for the form's checkboxes, without the raw scope codes.
    expect(none.ok ? [] : none.error.fields).toEqual([
      {
        field: 'scopes',
        code: 'SCOPE_REQUIRED',
        message: { id: 'Pilih paling sedikit satu hak akses.', en: 'Choose at least one permission.' },
      },
    ]);
    const long = validateApiKey({ name: 'x'.repeat(101), scopes: ['staff:read'] });
    expect(long.ok ? [] : long.error.fields.map((f) => f.field)).toEqual(['name']);
  });
});

describe('an API key’s submissions per hour', () => {
  it('takes a whole number within the bounds, at creation and later', () => {
    const created = validateApiKey({ name: 'LAPOR!', scopes: ['requests:write'], submissionsPerHour: 5000 });
    expect(created.ok && created.value.submissionsPerHour).toBe(5000);
    expect(validateApiKeyBudget(1)).toEqual({ ok: true, value: 1 });
    expect(validateApiKeyBudget(API_KEY_SUBMISSIONS_PER_HOUR.max).ok).toBe(true);
  });

  it.each([
    [0, 'OUT_OF_RANGE'],
    [-5, 'OUT_OF_RANGE'],
    [API_KEY_SUBMISSIONS_PER_HOUR.max + 1, 'OUT_OF_RANGE'],
    [2.5, 'NOT_INTEGER'],
    [Number.NaN, 'NOT_INTEGER'],
  ])('refuses %s (%s)', (value, code) => {
    const problem = [`submissionsPerHour:${code}`];
    expectInvalidInput(validateApiKeyBudget(value), 'API_KEY_INVALID', problem);
    const created = validateApiKey({ name: 'LAPOR!', scopes: ['requests:write'], submissionsPerHour: value });
    expectInvalidInput(created, 'API_KEY_INVALID', problem);
  });
});
