// The input guard's parsers (issue 15 kind 3, issue 16 kind 2): limits that throw instead of
// dropping, strict decoding, what PostgreSQL cannot store, a linear depth scan.
import { describe, expect, it } from 'vitest';
import {
  checkStorableValue,
  decodeStrict,
  FORM_LIMITS,
  InputRefused,
  JSON_MAX_DEPTH,
  jsonDepth,
  parseForm,
  parseJsonBody,
  storable,
} from './input-guard.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputRefused) return error.refusal;
    throw error;
  }
  return null;
};
const pairs = (n: number, key = 'x[]') => Array.from({ length: n }, (_, i) => `${key}=${i}`).join('&');

describe('input guard parsers', () => {
  it('parses forms like Open311 sends them, within the limits', () => {
    expect(parseForm('service_code=PBG&attribute[nik]=1&attribute[m][]=a&attribute[m][]=b&d=a+b%21')).toEqual(
      {
        service_code: 'PBG',
        attribute: { nik: '1', m: ['a', 'b'] },
        d: 'a b!',
      },
    );
    expect(parseForm('x=1&x=2')).toEqual({ x: '2' });
    expect((parseForm(pairs(FORM_LIMITS.arrayLimit)).x as string[]).length).toBe(100);
    expect(parseForm('__proto__[a]=1')).toEqual({});
  });

  it('refuses what is over a limit instead of dropping it', () => {
    expect(refusal(() => parseForm(pairs(201, 'k')))).toMatchObject({
      code: 'TOO_MANY_PARAMETERS',
      limit: 200,
    });
    expect(refusal(() => parseForm(pairs(101)))).toMatchObject({ code: 'TOO_MANY_PARAMETERS', limit: 100 });
    expect(refusal(() => parseForm('a[b][c][d]=1'))).toMatchObject({ code: 'INPUT_TOO_NESTED' });
  });

  it('decodes strictly and refuses what PostgreSQL cannot store', () => {
    expect(decodeStrict('PBG%20x')).toBe('PBG x');
    expect(refusal(() => decodeStrict('%E0%A4%A'))).toMatchObject({
      code: 'MALFORMED_ENCODING',
      status: 400,
    });
    expect(refusal(() => decodeStrict('%FF'))).toMatchObject({ code: 'MALFORMED_ENCODING' });
    expect(refusal(() => decodeStrict('a%00'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal(() => parseForm('a=%ZZ'))).toMatchObject({ code: 'MALFORMED_ENCODING' });
    expect(storable('emoji 🎉 and ĳ')).toBe(true);
    expect(storable('a\u0000')).toBe(false);
    expect(storable('\uD800x')).toBe(false);
    expect(storable('x\uDC00')).toBe(false);
    expect(refusal(() => checkStorableValue({ a: [{ b: ['ok', 'x\u0000'] }] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(refusal(() => checkStorableValue({ 'k\u0000': 1 }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('scans JSON depth in one pass, strings skipped, and refuses deep or broken JSON', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(parseJsonBody(`${'['.repeat(JSON_MAX_DEPTH)}${']'.repeat(JSON_MAX_DEPTH)}`)).toBeDefined();
    expect(refusal(() => parseJsonBody('['.repeat(1_000_000)))).toMatchObject({ code: 'INPUT_TOO_NESTED' });
    expect(refusal(() => parseJsonBody('{"a":'))).toMatchObject({ code: 'MALFORMED_JSON', status: 400 });
  });
});
