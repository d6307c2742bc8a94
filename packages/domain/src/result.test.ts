import { describe, expect, it } from 'vitest';
import { err, flatMapResult, isErr, isOk, mapResult, ok, type Result, unwrap } from './result.js';

describe('Result', () => {
  it('builds ok and err values with a discriminant', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err({ code: 'X' })).toEqual({ ok: false, error: { code: 'X' } });
    expect(isOk(ok(1))).toBe(true);
    expect(isErr(ok(1))).toBe(false);
    expect(isErr(err('e'))).toBe(true);
  });

  it('narrows on the ok flag', () => {
    const r: Result<number, { code: 'NEG' }> = Math.random() > 2 ? err({ code: 'NEG' }) : ok(2);
    if (r.ok) expect(r.value + 1).toBe(3);
    else expect.unreachable();
  });

  it('maps and chains, keeping the first error', () => {
    const half = (n: number): Result<number, string> => (n % 2 === 0 ? ok(n / 2) : err(`odd ${n}`));
    expect(mapResult(ok(2), (n) => n * 10)).toEqual(ok(20));
    expect(mapResult(err('bad') as Result<number, string>, (n) => n * 10)).toEqual(err('bad'));
    expect(flatMapResult(ok(8), half)).toEqual(ok(4));
    expect(flatMapResult(ok(3), half)).toEqual(err('odd 3'));
    expect(flatMapResult(err('first') as Result<number, string>, half)).toEqual(err('first'));
  });

  it('unwrap returns the value or throws with the error code', () => {
    expect(unwrap(ok('v'))).toBe('v');
    expect(() => unwrap(err({ code: 'NIP_INVALID_LENGTH' }))).toThrow(/NIP_INVALID_LENGTH/);
    expect(() => unwrap(err('plain'))).toThrow(/plain/);
  });
});
