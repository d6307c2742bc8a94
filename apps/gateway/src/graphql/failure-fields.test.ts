// Every validation error a mutation documents names the input field it concerns, so the web app
// shows it beside that field: the code's own field (FAILURE_FIELDS), present in that mutation's
// input, or a field named where the error is raised (FIELD_NAMED_WHERE_RAISED).
import { getNamedType, isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ValidationError } from './errors.js';
import {
  FAILURE_FIELDS,
  FAILURE_TYPES,
  type FailureCode,
  FIELD_NAMED_WHERE_RAISED,
  failure,
  fieldOf,
  NOT_ABOUT_ONE_FIELD,
} from './failures.js';
import { schema } from './schema.js';

const validationCodes = (Object.keys(FAILURE_TYPES) as FailureCode[]).filter(
  (code) => FAILURE_TYPES[code] === 'ValidationError',
);

/** The names a mutation's input offers: the fields of its `input` argument, or its arguments. */
function inputNames(field: { args: readonly { name: string; type: never }[] }): Set<string> {
  const names = new Set<string>();
  for (const arg of field.args) {
    const type = getNamedType(arg.type);
    if (arg.name === 'input' && isInputObjectType(type)) {
      for (const name of Object.keys(type.getFields())) names.add(name);
    } else names.add(arg.name);
  }
  return names;
}

describe('the field of a validation error', () => {
  it('is a field of every mutation that documents the code, or is named where it is raised', () => {
    const mutations = schema.getMutationType()?.getFields() ?? {};
    const wrong: string[] = [];
    let checked = 0;
    for (const [name, field] of Object.entries(mutations)) {
      const documented = new Set(field.description?.match(/\b[A-Z][A-Z0-9_]{3,}\b/g) ?? []);
      const names = inputNames(field as never);
      for (const code of validationCodes) {
        if (!documented.has(code)) continue;
        checked++;
        const own = fieldOf(code);
        if (own) {
          const top = own.split(/[.[]/)[0] ?? own;
          if (!names.has(top)) wrong.push(`${name}: ${code} → ${own}, not in its input`);
        } else if (!FIELD_NAMED_WHERE_RAISED.has(code) && !(code in NOT_ABOUT_ONE_FIELD)) {
          wrong.push(`${name}: ${code} names no field`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('is the one failure() reports when nothing else names it', () => {
    for (const [code, field] of Object.entries(FAILURE_FIELDS)) {
      const error = failure(code as FailureCode) as ValidationError;
      expect(
        error.fields.map((f) => [f.field, f.code]),
        code,
      ).toEqual([[field, code]]);
      // The resolver's own path wins (e.g. newPassword for a password rule).
      const placed = failure(code as FailureCode, { field: 'other' }) as ValidationError;
      expect(placed.fields[0]?.field).toBe('other');
    }
  });

  it('lists only validation codes, each in one place', () => {
    const listed = [
      ...Object.keys(FAILURE_FIELDS),
      ...FIELD_NAMED_WHERE_RAISED,
      ...Object.keys(NOT_ABOUT_ONE_FIELD),
    ];
    for (const code of listed) expect(FAILURE_TYPES[code as FailureCode], code).toBe('ValidationError');
    expect(new Set(listed).size).toBe(listed.length);
  });
});
