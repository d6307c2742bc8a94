import { describe, expect, it } from 'vitest';
import { expectInvalidInput } from '../../test/support/invalid-input.js';
import { validateServiceUpdate } from './catalogue-entry.js';

describe('validateServiceUpdate', () => {
  it('accepts and trims the fields given, and only those', () => {
    expect(validateServiceUpdate({ name: '  Akta Kelahiran ', completionDays: 1 })).toEqual({
      ok: true,
      value: { name: 'Akta Kelahiran', completionDays: 1 },
    });
    expect(validateServiceUpdate({})).toEqual({ ok: true, value: {} });
  });

  it('reports every broken field with Indonesian and English messages', () => {
    const result = validateServiceUpdate({
      name: ' ',
      description: 'short',
      completionDays: 0,
      costIdr: 1.5,
    });
    const error = expectInvalidInput(result, 'CATALOGUE_ENTRY_INVALID', [
      'name:REQUIRED',
      'description:TOO_SHORT',
      'completionDays:OUT_OF_RANGE',
      'costIdr:NOT_INTEGER',
    ]);
    for (const field of error.fields) {
      expect(field.message.id).not.toBe(field.message.en);
      expect(field.message.id.length).toBeGreaterThan(5);
    }
    expect(error.fields[2]?.message.en).toMatch(/working days/);
  });

  it('keeps the limits inclusive', () => {
    expect(validateServiceUpdate({ completionDays: 250, costIdr: 0 }).ok).toBe(true);
    expect(validateServiceUpdate({ completionDays: 251 }).ok).toBe(false);
    expect(validateServiceUpdate({ costIdr: -1 }).ok).toBe(false);
  });
});
