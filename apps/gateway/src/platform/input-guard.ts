// The input guard (issue 15 kind 3, issue 16 kind 2): every path, query string and body the
// gateway accepts is read here, once, before any route or database call sees it, and refused with
// a clear 4xx when it is not what a route can take:
// - a body over the size limit (413), or in a format the route does not take (415, e.g. multipart);
// - malformed percent-encoding or UTF-8 (400);
// - text that PostgreSQL cannot store: NUL (U+0000) or a lone UTF-16 surrogate (400);
// - more parameters, array values or nesting than the limits below (400), never dropping the excess;
// - JSON nested deeper than JSON_MAX_DEPTH, or not JSON at all (400, without echoing the body).
// Every check is linear in the size of the input: forms and query strings are parsed by `qs` with
// its limits set to throw, JSON by JSON.parse after a one-pass depth scan.
import qs from 'qs';
import { multipartOperations } from './storage/graphql-multipart.js';
import { type MultipartLimits, type StagedMultipart, stageMultipart } from './storage/multipart.js';

/** Limits of urlencoded bodies and query strings (qs): parameters, values per array field, nesting. */
export const FORM_LIMITS = { parameterLimit: 200, arrayLimit: 100, depth: 2 } as const;
/** Nesting of JSON bodies (objects and arrays); GraphQL variables and Open311 JSON need far less. */
export const JSON_MAX_DEPTH = 64;

/** Why input was refused: the gateway code, the HTTP status and the limit broken, if any. */
export type InputRefusal = {
  code:
    | 'BAD_USER_INPUT'
    | 'MALFORMED_ENCODING'
    | 'TOO_MANY_PARAMETERS'
    | 'INPUT_TOO_NESTED'
    | 'MALFORMED_JSON'
    | 'PAYLOAD_TOO_LARGE'
    | 'UNSUPPORTED_MEDIA_TYPE';
  status: 400 | 413 | 415;
  limit?: number;
  /** UNSUPPORTED_MEDIA_TYPE: the content types the route takes, when it takes a body at all. */
  accepted?: readonly string[];
  /** BAD_USER_INPUT: where the character was (path, query string, body) and which (`U+0000`). */
  where?: string;
  character?: string;
};

/** Thrown by the parsers below; the guard answers it in the route's format. */
export class InputRefused extends Error {
  constructor(readonly refusal: InputRefusal) {
    super(refusal.code);
    this.name = 'InputRefused';
  }
}

const refuse = (refusal: InputRefusal): never => {
  throw new InputRefused(refusal);
};

// A surrogate without its partner: no UTF-8 encoding exists for it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character PostgreSQL cannot store (NUL, a lone surrogate) as `U+XXXX`, or null. */
export function unstorableCharacter(text: string): string | null {
  const found = text.includes('\u0000') ? '\u0000' : LONE_SURROGATE.exec(text)?.[0];
  if (found === undefined) return null;
  return `U+${(found.charCodeAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True when PostgreSQL can store the text as it is: no NUL (U+0000), no lone surrogate. */
export function storable(text: string): boolean {
  return unstorableCharacter(text) === null;
}

/** Throws BAD_USER_INPUT, naming `where` and the character, for a text PostgreSQL cannot store. */
export function checkStorable(text: string, where = 'body'): string {
  const character = unstorableCharacter(text);
  if (character) refuse({ code: 'BAD_USER_INPUT', status: 400, where, character });
  return text;
}

/**
 * Checks every string (and every object key) of a parsed value without recursion, so that any
 * nesting is checked in one linear pass.
 */
export function checkStorableValue(value: unknown, where = 'body'): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') checkStorable(v, where);
    // One push per item: `push(...v)` passes every item as an argument and overflows the stack
    // on a large array (a ~900 KB JSON array of variables).
    else if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        checkStorable(key, where);
        stack.push(item);
      }
    }
  }
}

/** Percent-decodes strictly: malformed escapes or UTF-8 are refused, never passed on raw. */
export function decodeStrict(text: string, plusIsSpace = false, where = 'path'): string {
  try {
    return checkStorable(decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text), where);
  } catch (error) {
    if (error instanceof InputRefused) throw error;
    return refuse({ code: 'MALFORMED_ENCODING', status: 400 });
  }
}

/** A parsed form or query string: strings, arrays of strings, objects of those (depth ≤ 2). */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type Form = Record<string, FormValue>;

/**
 * Parses `a=1&b[]=2&c[d]=3` (a query string without `?`, or an urlencoded body) with qs within
 * FORM_LIMITS; a repeated plain key keeps its last value, `k[]` collects values.
 */
export function parseForm(text: string, where = 'body'): Form {
  if (text === '') return {};
  try {
    return qs.parse(text, {
      ...FORM_LIMITS,
      throwOnLimitExceeded: true,
      strictDepth: true,
      duplicates: 'last',
      allowPrototypes: false,
      plainObjects: true,
      decoder: (s) => decodeStrict(s, true, where),
    }) as Form;
  } catch (error) {
    if (error instanceof InputRefused) throw error;
    const message = error instanceof Error ? error.message : '';
    if (/parameter limit/i.test(message)) refuse({ code: 'TOO_MANY_PARAMETERS', status: 400, limit: 200 });
    if (/array limit/i.test(message)) refuse({ code: 'TOO_MANY_PARAMETERS', status: 400, limit: 100 });
    return refuse({ code: 'INPUT_TOO_NESTED', status: 400, limit: FORM_LIMITS.depth });
  }
}

/** The deepest nesting of objects and arrays in a JSON text, in one pass (strings skipped). */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
      if (max > stopAbove) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** Parses a JSON body: nesting within JSON_MAX_DEPTH, valid JSON, every string storable. */
export function parseJsonBody(text: string): unknown {
  if (jsonDepth(text, JSON_MAX_DEPTH) > JSON_MAX_DEPTH)
    refuse({ code: 'INPUT_TOO_NESTED', status: 400, limit: JSON_MAX_DEPTH });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the body: it is not passed on.
    return refuse({ code: 'MALFORMED_JSON', status: 400 });
  }
  checkStorableValue(value);
  return value;
}

/** Checks a URL: its path decodes and is storable, its query string parses within the limits. */
export function checkUrl(url: URL): Form {
  decodeStrict(url.pathname);
  return parseForm(url.search.replace(/^\?/, ''), 'query string');
}

/** Reads a body as UTF-8 text, never more than `maxBytes` (declared or streamed). */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = { code: 'PAYLOAD_TOO_LARGE', status: 413, limit: maxBytes } as const;
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) refuse(tooLarge);
  // Read here once; routes take it from readGuardedBody (and /graphql from the guard's parser).
  const body = request.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      refuse(tooLarge);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse({ code: 'MALFORMED_ENCODING', status: 400 });
  }
}

/** A body as the guard read it: JSON, a form, or text of another type (checked as text). */
export type GuardedBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; value: StagedMultipart }
  | {
      kind: 'form';
      value: Form /** The body as sent, for the few keys a route takes repeated. */;
      text: string;
    }
  | { kind: 'text'; value: string };

const MEDIA_TYPE = /^\s*([^;\s]+)/;

const guarded = new WeakMap<Request, Promise<GuardedBody>>();

/**
 * Reads and checks a request's body: JSON and urlencoded forms are parsed (and so checked whole),
 * anything else is checked as text. Multipart/form-data (file uploads) is taken only where the
 * caller passes `multipart` limits (the upload routes): its files stream to staged files
 * (storage/multipart.ts), its text fields are checked as text; elsewhere it is refused (415).
 * Read once per request: the guard reads it first, a route that asks again gets the same value.
 */
export function readGuardedBody(
  request: Request,
  maxBytes: number,
  multipart?: MultipartLimits,
): Promise<GuardedBody> {
  let body = guarded.get(request);
  if (!body) {
    body = readBody(request, maxBytes, multipart);
    guarded.set(request, body);
  }
  return body;
}

/** The staged files of a request the guard read as multipart, to remove after the response. */
export async function stagedFilesOf(request: Request): Promise<StagedMultipart | undefined> {
  const body = await guarded.get(request)?.catch(() => undefined);
  return body?.kind === 'multipart' ? body.value : undefined;
}

async function readBody(
  request: Request,
  maxBytes: number,
  multipart: MultipartLimits | undefined,
): Promise<GuardedBody> {
  const type = (MEDIA_TYPE.exec(request.headers.get('content-type') ?? '')?.[1] ?? '').toLowerCase();
  if (type === 'multipart/form-data' && multipart) {
    const staged = await stageMultipart(request, multipart);
    try {
      for (const [name, value] of staged.fields) {
        checkStorable(name, 'body');
        checkStorable(value, 'body');
      }
    } catch (error) {
      await staged.cleanup();
      throw error;
    }
    return { kind: 'multipart', value: staged };
  }
  if (type.startsWith('multipart/')) refuse({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
  const text = await readBodyText(request, maxBytes);
  if (type === 'application/json' || type.endsWith('+json'))
    return { kind: 'json', value: parseJsonBody(text) };
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', value: parseForm(text), text };
  return { kind: 'text', value: checkStorable(text, 'body') };
}

/** GraphQL-over-HTTP parameters of one operation. */
export type GraphQLRequestParams = {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
};

const stringParam = (value: FormValue | undefined) =>
  typeof value === 'string' && value !== '' ? value : undefined;
// Yoga checks the shape (variables an object, …) of what is returned.
const jsonParam = (value: FormValue | undefined) => {
  const text = stringParam(value);
  return text === undefined ? undefined : (parseJsonBody(text) as Record<string, unknown>);
};

/**
 * The GraphQL parameters of a request, from what the guard read: a JSON body (one operation or a
 * batch), a form or query string (`query`, `operationName`, and `variables`/`extensions` as JSON
 * checked like a JSON body), or an `application/graphql` body. Null for any other body.
 */
export function graphqlParams(
  body: GuardedBody,
  contentType: string | null,
): GraphQLRequestParams | GraphQLRequestParams[] | null {
  if (body.kind === 'json') return body.value as GraphQLRequestParams | GraphQLRequestParams[];
  if (body.kind === 'multipart')
    return multipartOperations(body.value) as GraphQLRequestParams | GraphQLRequestParams[];
  if (body.kind === 'form') {
    const form = body.value;
    return {
      query: stringParam(form.query),
      operationName: stringParam(form.operationName),
      variables: jsonParam(form.variables),
      extensions: jsonParam(form.extensions),
    };
  }
  const type = (MEDIA_TYPE.exec(contentType ?? '')?.[1] ?? '').toLowerCase();
  return type === 'application/graphql' ? { query: body.value } : null;
}
