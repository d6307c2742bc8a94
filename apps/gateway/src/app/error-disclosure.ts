// No internal detail leaves the server (issue 15 kind 5). Every route answers a refusal in its
// own documented format (GraphQL errors, Open311's error list in JSON or XML, the reports'
// `{ code, messageId, messageEn }`, plain text for static files), and a failure nobody foresaw is
// a masked 500 that carries only the request id, logged once with the detail.
import type { Message } from '@layanan/domain';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import {
  bilingual,
  GATEWAY_ERROR_MESSAGES,
  type GatewayErrorCode,
  LIMIT_MESSAGES,
} from '../graphql/gateway-errors.js';
import { errorResponse } from '../modules/services/open311/render.js';
import { languageOf } from './context.js';

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
 * (both languages; Open311 picks the caller's) and extra extensions (GraphQL) or headers.
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
          errors: [{ message: bilingual(message), extensions: { code, ...extra.extensions } }],
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
      return new Response(bilingual(message), {
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
 * Wraps a route plugin (Open311, reports, static files, probes) so that anything its request
 * handler throws becomes `unexpectedError` instead of reaching the HTTP server's default answer.
 */
export function guardedRoute(plugin: Plugin, log: Logger, requestIdOf: (request: Request) => string): Plugin {
  const onRequest = plugin.onRequest;
  if (!onRequest) return plugin;
  return {
    ...plugin,
    async onRequest(payload) {
      try {
        await onRequest(payload);
      } catch (error) {
        payload.endResponse(unexpectedError(payload.request, requestIdOf(payload.request), error, log));
      }
    },
  };
}
