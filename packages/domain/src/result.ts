/**
 * The outcome of a domain function: a value, or a typed error (STYLE.md habit 2).
 * Domain functions return this instead of throwing; they throw only for programmer errors.
 */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export type Ok<T> = Extract<Result<T, never>, { ok: true }>;
export type Err<E> = Extract<Result<never, E>, { ok: false }>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

export function isOk<T, E>(result: Result<T, E>): result is Ok<T> {
  return result.ok;
}

export function isErr<T, E>(result: Result<T, E>): result is Err<E> {
  return !result.ok;
}

/** Transforms the value of a successful result; errors pass through unchanged. */
export function mapResult<T, U, E>(result: Result<T, E>, fn: (value: T) => U): Result<U, E> {
  return result.ok ? ok(fn(result.value)) : result;
}

/** Chains a step that can fail; the first error wins. */
export function flatMapResult<T, U, E, F>(
  result: Result<T, E>,
  fn: (value: T) => Result<U, F>,
): Result<U, E | F> {
  return result.ok ? fn(result.value) : result;
}

/**
 * The value of a result, or a thrown `Error` carrying the error. For call sites where a failure
 * is a bug (trusted seed data, tests) — not for handling user input.
 */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  const code =
    typeof result.error === 'object' && result.error !== null && 'code' in result.error
      ? String((result.error as { code: unknown }).code)
      : String(result.error);
  throw new Error(`unwrap() on an error result: ${code}`, { cause: result.error });
}
