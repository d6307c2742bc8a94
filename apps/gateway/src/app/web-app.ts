// Serves the built web app (apps/web/dist) on the gateway's origin: static files with their
// content types, index.html for client-side routes (SPA fallback), nothing outside the root.
// API paths (/graphql, probes, /open311/, /reports/, /open-data/) are left to the handlers that own them.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';

const API_PREFIXES = [
  '/graphql',
  '/healthz',
  '/readyz',
  '/open311/',
  '/reports/',
  '/open-data/',
  '/documents/',
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// Scripts only from this origin: stored user text can never run even if it contained markup.
// Images also from blob: URLs, which only the app's own scripts make (previews of chosen photos).
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

export type WebAppOptions = {
  /** The directory holding index.html and assets/ (absolute or relative to the working directory). */
  root: string;
  /** Told to the app at /web-config.json so it offers the demo accounts only where devLogin works. */
  devLogin: boolean;
  /** In production source maps are not served (they would publish the app's source). */
  production?: boolean;
};

export function isApiPath(pathname: string): boolean {
  return API_PREFIXES.some((p) => pathname === p.replace(/\/$/, '') || pathname.startsWith(p));
}

async function fileAt(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function webApp(options: WebAppOptions): Plugin {
  const root = resolve(options.root);
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (isApiPath(url.pathname)) return;
      const headers = (type: string, cache: string): Record<string, string> => ({
        'content-type': type,
        'cache-control': cache,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
        ...(type.startsWith('text/html') ? { 'content-security-policy': CSP } : {}),
      });
      const send = (
        status: number,
        body: string | Uint8Array<ArrayBuffer> | null,
        type: string,
        cache: string,
      ) =>
        endResponse(
          new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
            status,
            headers: headers(type, cache),
          }),
        );

      if (url.pathname === '/web-config.json') {
        send(200, JSON.stringify({ devLogin: options.devLogin }), CONTENT_TYPES['.json']!, 'no-store');
        return;
      }
      let decoded: string;
      try {
        decoded = decodeURIComponent(url.pathname);
      } catch {
        send(400, 'Bad request', CONTENT_TYPES['.txt']!, 'no-store');
        return;
      }
      // Normalised and checked against the root: `..`, encoded slashes and NUL never leave it.
      const relative = normalize(decoded).replace(/^([/\\])+/, '');
      const target = join(root, relative);
      if (decoded.includes('\0') || (target !== root && !target.startsWith(root + sep))) {
        send(404, 'Not found', CONTENT_TYPES['.txt']!, 'no-store');
        return;
      }
      const hidden = options.production === true && extname(target).toLowerCase() === '.map';
      if (relative !== '' && !hidden && (await fileAt(target))) {
        const type = CONTENT_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
        // Vite puts a content hash in every asset name, so those never change.
        const cache = relative.startsWith(`assets${sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache';
        send(200, new Uint8Array(await readFile(target)), type, cache);
        return;
      }
      // A path with a file extension is a missing file; anything else is a route of the app.
      if (extname(relative) !== '') {
        send(404, 'Not found', CONTENT_TYPES['.txt']!, 'no-store');
        return;
      }
      const index = join(root, 'index.html');
      if (!(await fileAt(index))) return;
      send(200, new Uint8Array(await readFile(index)), CONTENT_TYPES['.html']!, 'no-cache');
    },
  };
}
