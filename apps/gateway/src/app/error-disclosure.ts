// No internal detail leaves the server (issue 15 kind 5). Every route answers a refusal in its
// own documented format (GraphQL errors, Open311's error list in JSON or XML, the reports'
// `{ code, messageId, messageEn }`, plain text for static files), and a failure nobody foresaw is
// a masked 500 that carries only the request id, logged once with the detail.
import type { Message } from '@layanan/domain';
import { GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { calendarCoverageGraphQLError } from '../graphql/failures.js';
import {
  bilingual,
  GATEWAY_ERROR_MESSAGES,
  type GatewayErrorCode,
  LIMIT_MESSAGES,
} from '../graphql/gateway-errors.js';
import { errorResponse } from '../modules/services/open311/render.js';
import { type GraphQLContext, languageOf } from './context.js';
import { statedLanguage } from './error-language.js';

/** Which kind of route a path belongs to, and so the format of its errors. */
export type RouteKind = 'graphql' | 'open311' | 'report' | 'probe' | 'static';

export function routeOf(pathname: string): RouteKind {
  if (pathname === '/graphql' || pathname.startsWith('/graphql/')) return 'graphql';
  if (pathname.startsWith('/open311/')) return 'open311';
  if (pathname.startsWith('/reports/') || pathname.startsWith('/documents/')) return 'report';
  if (pathname === '/healthz' || pathname === '/readyz') return 'probe';
  return 'static';
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A refusal or failure in the format of the route of `request`: status, gateway code, message
 * (the caller's stated language, else both; Open311 picks the caller's) and extra extensions
 * (GraphQL) or headers.
 */
export function routeError(
  request: Request,
  status: number,
  code: GatewayErrorCode,
  message: Message = GATEWAY_ERROR_MESSAGES[code],
  extra: { extensions?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Response {
  const url = new URL(request.url);
  const headers = { 'cache-control': 'no-store', ...extra.headers };
  // One language when the caller names one (error-language.ts), else both.
  const stated = statedLanguage(request);
  const text = stated ? message[stated] : bilingual(message);
  switch (routeOf(url.pathname)) {
    case 'open311':
      return errorResponse(
        url.pathname.endsWith('.xml') ? 'xml' : 'json',
        status,
        [message[languageOf(request)]],
        headers,
      );
    case 'graphql':
      return new Response(
        JSON.stringify({
          errors: [{ message: text, extensions: { code, ...extra.extensions } }],
        }),
        { status, headers: { ...headers, 'content-type': JSON_TYPE } },
      );
    case 'report':
    case 'probe':
      return new Response(JSON.stringify({ code, messageId: message.id, messageEn: message.en }), {
        status,
        headers: { ...headers, 'content-type': JSON_TYPE },
      });
    default:
      return new Response(text, {
        status,
        headers: {
          ...headers,
          'content-type': 'text/plain; charset=utf-8',
          'x-content-type-options': 'nosniff',
        },
      });
  }
}

/**
 * The answer to a failure nobody foresaw: logged once here with its detail and the request id,
 * answered as a 500 that says only "unexpected error" and the request id.
 */
export function unexpectedError(request: Request, requestId: string, error: unknown, log: Logger): Response {
  log.error({ err: error, requestId, path: new URL(request.url).pathname }, 'unexpected error');
  return routeError(request, 500, 'UNEXPECTED_ERROR', LIMIT_MESSAGES.UNEXPECTED_ERROR(requestId), {
    extensions: { requestId },
  });
}

/**
 * The GraphQL error for a failure nobody foresaw, once it is logged: "Unexpected error" with the
 * request id (message and `extensions.requestId`), at `path` when a field failed, with `status`.
 */
export function unexpectedGraphQLError(
  requestId: string,
  at: { path?: readonly (string | number)[]; status?: number } = {},
): GraphQLError {
  const message = LIMIT_MESSAGES.UNEXPECTED_ERROR(requestId);
  return new GraphQLError(bilingual(message), {
    ...(at.path ? { path: at.path } : {}),
    extensions: {
      code: 'UNEXPECTED_ERROR',
      requestId,
      ...(at.status ? { http: { status: at.status } } : {}),
    },
  });
}

/** A GraphQLError raised on purpose (a refusal, a typed failure), not wrapping anything else. */
const isDeliberate = (error: unknown): boolean =>
  error instanceof GraphQLError && (error.originalError == null || isDeliberate(error.originalError));

/**
 * Errors of execution (a resolver that threw what nobody foresaw, a broken database): each is
 * logged once here with the request id, its path and the detail, and answered as
 * `unexpectedGraphQLError` at its path, so that Yoga's own masking has nothing left to log.
 * Deliberate GraphQL errors pass; a deadline past the calendar's known years says so.
 */
export function unexpectedExecutionErrors(log: Logger): Plugin<GraphQLContext> {
  const mask =
    (ctx: GraphQLContext) =>
    ({
      result,
      setResult,
    }: {
      result: { errors?: readonly GraphQLError[] };
      setResult: (r: never) => void;
    }) => {
      if (!result.errors?.some((error) => !isDeliberate(error))) return;
      const errors = result.errors.map((error) => {
        if (isDeliberate(error)) return error;
        const foreseen = calendarCoverageGraphQLError(error);
        if (foreseen) return foreseen;
        log.error(
          { err: error.originalError ?? error, requestId: ctx.requestId, field: error.path?.join('.') },
          'unexpected error',
        );
        return unexpectedGraphQLError(ctx.requestId, { path: error.path });
      });
      setResult({ ...result, errors } as never);
    };
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, mask(args.contextValue)),
    }),
    onSubscribe: ({ args }) => ({
      onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, mask(args.contextValue)),
    }),
  };
}

// The hooks of the GraphQL phases: a GraphQLError thrown there is a deliberate refusal and passes.
const GRAPHQL_HOOKS = [
  'onRequestParse',
  'onParams',
  'onParse',
  'onValidate',
  'onContextBuilding',
  'onExecute',
  'onSubscribe',
  'onResultProcess',
] as const;

type AnyFunction = (...args: unknown[]) => unknown;
type Payload = {
  request?: Request;
  context?: { request?: Request };
  args?: { contextValue?: { request?: Request } };
};

const isThenable = (v: unknown): v is Promise<unknown> =>
  typeof (v as { then?: unknown } | null)?.then === 'function';
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Calls `fn`, and the hooks it returns (a function, or an object of them, as Envelop's
 * `onExecute → onExecuteDone → onNext` do), handing any throw or rejection to `fail`.
 */
function guardCall(fn: AnyFunction, fail: (error: unknown) => unknown): AnyFunction {
  const wrapResult = (result: unknown): unknown => {
    if (typeof result === 'function') return guardCall(result as AnyFunction, fail);
    if (isPlainObject(result)) {
      return Object.fromEntries(
        Object.entries(result).map(([k, v]) => [
          k,
          typeof v === 'function' ? guardCall(v as AnyFunction, fail) : v,
        ]),
      );
    }
    return result;
  };
  return function (this: unknown, ...args: unknown[]) {
    try {
      const result = fn.apply(this, args);
      return isThenable(result) ? result.then(wrapResult, fail) : wrapResult(result);
    } catch (error) {
      return fail(error);
    }
  };
}

/**
 * Wraps a plugin (Yoga or Envelop, and the plugins it adds in `onPluginInit`, as graphql-armor
 * does) so that anything one of its hooks throws that nobody foresaw — a stack overflow on a huge
 * input, a bug — is logged once with the request id and answered as a masked 500 naming the
 * request id: in `onRequest` in the route's format (`unexpectedError`), in the GraphQL phases as a
 * GraphQL error `UNEXPECTED_ERROR` (a GraphQLError thrown there is a deliberate refusal and
 * passes), in `onResponse` (the answer is already made) only logged.
 */
export function guardedPlugin<P extends object>(
  plugin: P,
  log: Logger,
  requestIdOf: (request: Request) => string,
): P {
  const hooks = plugin as unknown as Record<string, AnyFunction | undefined>;
  const out: Record<string, unknown> = { ...hooks };
  const logOnce = (request: Request | undefined, error: unknown): string => {
    const requestId = request ? requestIdOf(request) : 'unknown';
    log.error(
      { err: error, requestId, path: request ? new URL(request.url).pathname : undefined },
      'unexpected error',
    );
    return requestId;
  };
  const { onRequest, onResponse, onPluginInit } = hooks;
  if (onRequest) {
    out.onRequest = async (payload: Parameters<NonNullable<Plugin['onRequest']>>[0]) => {
      try {
        await onRequest(payload);
      } catch (error) {
        payload.endResponse(unexpectedError(payload.request, requestIdOf(payload.request), error, log));
      }
    };
  }
  if (onResponse) {
    out.onResponse = async (payload: { request: Request }) => {
      try {
        await onResponse(payload);
      } catch (error) {
        logOnce(payload.request, error);
      }
    };
  }
  if (onPluginInit) {
    out.onPluginInit = (payload: { addPlugin: (p: Plugin) => void }) =>
      onPluginInit({
        ...payload,
        addPlugin: (p: Plugin) => payload.addPlugin(guardedPlugin(p, log, requestIdOf)),
      });
  }
  for (const hook of GRAPHQL_HOOKS) {
    const fn = hooks[hook];
    if (!fn) continue;
    out[hook] = function (this: unknown, payload: Payload, ...rest: unknown[]) {
      const request = payload?.request ?? payload?.context?.request ?? payload?.args?.contextValue?.request;
      const fail = (error: unknown): never => {
        if (error instanceof GraphQLError || (error as Error | null)?.name === 'AbortError') throw error;
        throw unexpectedGraphQLError(logOnce(request, error), { status: 500 });
      };
      return guardCall(fn, fail).call(this, payload, ...rest);
    };
  }
  return out as unknown as P;
}
