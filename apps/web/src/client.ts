// One urql client and one @layanan/client per (session, language): signing in or out and
// switching the language start from an empty cache, so nothing of the previous account or
// language is shown. The typed client files requests and reads the IKM; the urql client serves
// the app's own screens (and subscriptions over SSE).
import { createLayananClient, type LayananClient } from '@layanan/client';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createContext, useContext } from 'react';
import type { Lang } from './i18n.tsx';
import { freshAccessToken, renewRejectedToken } from './session.ts';
import { sseSubscription } from './sse.ts';

const GRAPHQL = '/graphql';

async function authHeaders(lang: Lang): Promise<Record<string, string>> {
  const token = await freshAccessToken();
  return { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** The access token a 401 answer refused ("Token akses tidak sah…"), if the request sent one. */
function refusedToken(response: Response, headers: Headers): string | null {
  if (response.status !== 401) return null;
  return headers.get('authorization')?.replace(/^Bearer /, '') ?? null;
}

/**
 * fetch with the session's access token, renewed first when it is about to expire. When the
 * gateway refuses the token (401: invalid or expired, e.g. after a restart), the session is renewed
 * and the request sent once more; when renewal fails the user is signed out (the header shows it)
 * and the refusal is returned.
 */
export function authedFetch(lang: Lang): typeof fetch {
  const send = async (input: Parameters<typeof fetch>[0], init: RequestInit | undefined, token?: string) => {
    const headers = new Headers(init?.headers);
    for (const [k, v] of Object.entries(await authHeaders(lang))) headers.set(k, v);
    if (token) headers.set('authorization', `Bearer ${token}`);
    return { response: await fetch(input, { ...init, headers }), headers };
  };
  return async (input, init) => {
    const first = await send(input, init);
    const refused = refusedToken(first.response, first.headers);
    if (!refused) return first.response;
    const renewed = await renewRejectedToken(refused);
    if (!renewed) return first.response;
    return (await send(input, init, renewed)).response;
  };
}

export function createClient(lang: Lang): Client {
  return new Client({
    url: GRAPHQL,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetch: authedFetch(lang),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) =>
          sseSubscription(
            { query: request.query, variables: request.variables as Record<string, unknown> },
            authedFetch(lang),
          ),
      }),
    ],
  });
}

/** The typed client: JSON POSTs (accepted by the gateway's CSRF prevention), `Accept-Language`. */
export function createApiClient(lang: Lang): LayananClient {
  return createLayananClient({ url: GRAPHQL, language: lang, fetch: authedFetch(lang) });
}

export const LayananContext = createContext<LayananClient | null>(null);

/** The session's typed client (see `ClientRoot` in App.tsx). */
export function useLayanan(): LayananClient {
  const client = useContext(LayananContext);
  if (!client) throw new Error('useLayanan outside LayananContext');
  return client;
}
