// One urql client and one @layanan/client per (session, language): signing in or out and
// switching the language start from an empty cache, so nothing of the previous account or
// language is shown. The typed client files requests and reads the IKM; the urql client serves
// the app's own screens (and subscriptions over SSE).
import { createLayananClient, type LayananClient } from '@layanan/client';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createContext, useContext } from 'react';
import type { Lang } from './i18n.tsx';
import { freshAccessToken } from './session.ts';
import { sseSubscription } from './sse.ts';

const GRAPHQL = '/graphql';

async function authHeaders(lang: Lang): Promise<Record<string, string>> {
  const token = await freshAccessToken();
  return { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

/** fetch with the session's access token, renewed first when it is about to expire. */
function authedFetch(lang: Lang): typeof fetch {
  return async (input, init) => {
    const extra = await authHeaders(lang);
    const merged = new Headers(init?.headers);
    for (const [k, v] of Object.entries(extra)) merged.set(k, v);
    return fetch(input, { ...init, headers: merged });
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
            () => authHeaders(lang),
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
