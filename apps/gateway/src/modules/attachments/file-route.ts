// GET/HEAD /files/<attachment id>?exp=…&sig=…: an attached file through its signed link
// (signed-link.ts). The answer carries the type recognised at upload (never sniffed again:
// `X-Content-Type-Options: nosniff`), the sanitised name in `Content-Disposition` (photos inline,
// PDFs as a download) and a sandboxing Content-Security-Policy, streamed from the BlobStore.
import { Readable } from 'node:stream';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../../app/context.js';
import { routeError } from '../../app/error-disclosure.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { isUuid } from '../../platform/uuid.js';
import { FILES_PATH, verifyFileLink } from './signed-link.js';

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileRoute(deps: {
  secret: Uint8Array;
  prisma: GraphQLContext['prisma'];
  storage: BlobStore;
}): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(FILES_PATH)) return;
      const id = url.pathname.slice(FILES_PATH.length);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(
          routeError(request, 405, 'METHOD_NOT_ALLOWED', undefined, { headers: { allow: 'GET, HEAD' } }),
        );
        return;
      }
      const pub = url.searchParams.get('pub') === '1';
      const verdict = isUuid(id)
        ? verifyFileLink(
            deps.secret,
            id,
            url.searchParams.get('exp'),
            url.searchParams.get('sig'),
            new Date(),
            pub,
          )
        : 'invalid';
      if (verdict !== 'ok') {
        endResponse(
          routeError(request, 403, verdict === 'expired' ? 'FILE_LINK_EXPIRED' : 'FILE_LINK_INVALID'),
        );
        return;
      }
      const found = await deps.prisma.attachment.findUnique({
        where: { id },
        include: { submission: { select: { hiddenAt: true } } },
      });
      // An erased file (its uploader's erasure, the retention schedule) is gone even where another
      // upload shares its bytes; a public reader's link stops once its submission is hidden.
      const withdrawn = pub && (!found?.submission || found.submission.hiddenAt !== null);
      const attachment = found?.erasedAt || withdrawn ? null : found;
      const body = attachment && (await deps.storage.get(attachment.sha256));
      if (!attachment || !body) {
        endResponse(routeError(request, 404, 'NOT_FOUND'));
        return;
      }
      const headers = {
        'content-type': attachment.mediaType,
        'content-length': String(attachment.size),
        'content-disposition': contentDisposition(
          attachment.mediaType.startsWith('image/') ? 'inline' : 'attachment',
          attachment.fileName,
        ),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      };
      if (request.method === 'HEAD') {
        body.destroy();
        endResponse(new fetchAPI.Response(null, { status: 200, headers }));
        return;
      }
      endResponse(new fetchAPI.Response(Readable.toWeb(body) as ReadableStream, { status: 200, headers }));
    },
  };
}
