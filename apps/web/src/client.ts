// One urql client per (session, language): signing in or out and switching the language start
// from an empty cache, so nothing of the previous account or language is shown.
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import type { Lang } from './i18n.tsx';
import { freshAccessToken } from './session.ts';
import { sseSubscription } from './sse.ts';

export function createClient(lang: Lang): Client {
  const headers = async (): Promise<Record<string, string>> => {
    const token = await freshAccessToken();
    return { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  };
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetch: async (input, init) => {
      const extra = await headers();
      const merged = new Headers(init?.headers);
      for (const [k, v] of Object.entries(extra)) merged.set(k, v);
      return fetch(input, { ...init, headers: merged });
    },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) =>
          sseSubscription(
            { query: request.query, variables: request.variables as Record<string, unknown> },
            headers,
          ),
      }),
    ],
  });
}
