// A download route (GET path?query): the caller resolved like the GraphQL request (Bearer token
// or API key into the same context), anonymous callers refused, and the errors the loaders throw
// answered as JSON problems with the status a client expects. CSV reports (their text always
// written by platform/csv.ts writeCsv) and issued PDFs (modules/documents) go through it.

import type { Message } from '@layanan/domain';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../app/context.js';
import { LayananError, NotFoundError } from '../graphql/errors.js';
import { messageOf } from '../graphql/failures.js';
import { AuthenticationError } from '../modules/accounts/identity.js';

/** The query read from the URL, or why it is bad (answered 400 with its code and message). */
export type CsvQuery<Q> = { ok: true; value: Q } | { ok: false; error: { code: string; message: Message } };

/** How a route reads its query (before anything else) and makes its file for a signed-in caller. */
export type CsvDownload<Q> = {
  read: (url: URL) => CsvQuery<Q>;
  load: (query: Q, ctx: GraphQLContext) => Promise<{ fileName: string; csv: string }>;
};

/** A file a download route answers: its bytes (or text) and type. */
export type DownloadFile = { fileName: string; body: string | Uint8Array<ArrayBuffer>; contentType: string };

/** A route serving `path` as a CSV download (UTF-8 with a byte-order mark); see `downloadRoute`. */
export function csvDownloadRoute<Q>(
  path: string,
  contextOf: (request: Request) => Promise<GraphQLContext>,
  download: CsvDownload<Q>,
): Plugin {
  return downloadRoute(path, contextOf, {
    read: download.read,
    load: async (query, ctx) => {
      const file = await download.load(query, ctx);
      // The byte-order mark makes spreadsheet programs read the file as UTF-8.
      return { fileName: file.fileName, body: `\uFEFF${file.csv}`, contentType: 'text/csv; charset=utf-8' };
    },
  });
}

/**
 * A route serving `path` as a download: a bad query answers 400, an anonymous caller 401;
 * `load` authorizes and loads as the GraphQL field does: FORBIDDEN answers 403, NotFoundError
 * 404, another LayananError 400; anything else stays an unexpected (masked) error.
 */
export function downloadRoute<Q>(
  path: string,
  contextOf: (request: Request) => Promise<GraphQLContext>,
  download: {
    read: (url: URL) => CsvQuery<Q>;
    load: (query: Q, ctx: GraphQLContext) => Promise<DownloadFile>;
  },
): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      const problem = (status: number, code: string, message: Message) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ code, messageId: message.id, messageEn: message.en }), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
      if (request.method !== 'GET') {
        problem(405, 'METHOD_NOT_ALLOWED', messageOf('METHOD_NOT_ALLOWED'));
        return;
      }
      const asMessage = (e: { messageId: string; messageEn: string }) => ({
        id: e.messageId,
        en: e.messageEn,
      });
      const query = download.read(url);
      if (!query.ok) {
        problem(400, query.error.code, query.error.message);
        return;
      }
      try {
        const ctx = await contextOf(request);
        if (ctx.identity.kind === 'anonymous') {
          problem(401, 'UNAUTHENTICATED', messageOf('UNAUTHENTICATED'));
          return;
        }
        const file = await download.load(query.value, ctx);
        endResponse(
          new fetchAPI.Response(file.body, {
            status: 200,
            headers: {
              'content-type': file.contentType,
              'content-disposition': `attachment; filename="${file.fileName}"`,
              'cache-control': 'no-store',
            },
          }),
        );
      } catch (error) {
        if (error instanceof AuthenticationError) {
          problem(401, error.code, asMessage(error));
        } else if (error instanceof GraphQLError && error.extensions.code === 'FORBIDDEN') {
          problem(403, 'FORBIDDEN', messageOf('FORBIDDEN'));
        } else if (error instanceof NotFoundError) {
          problem(404, error.code, asMessage(error));
        } else if (error instanceof LayananError) {
          problem(400, error.code, asMessage(error));
        } else {
          throw error;
        }
      }
    },
  };
}
