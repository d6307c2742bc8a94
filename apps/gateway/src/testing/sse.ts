// Server-sent-event subscriptions against a gateway, for tests.
import type { Gateway } from '../app/gateway.js';

/** Opens a GraphQL subscription over SSE and collects `next` payloads until `count` arrive;
 * `ended` resolves when the server closes the stream. */
export function subscribe(
  gateway: Gateway,
  query: string,
  variables: Record<string, unknown>,
  token: string,
) {
  const controller = new AbortController();
  const received: any[] = [];
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const done = (async () => {
    const response = await gateway.fetch('http://layanan.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      while (reader) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += decoder.decode(value, { stream: true });
        let i = buffer.indexOf('\n\n');
        while (i >= 0) {
          const chunk = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = chunk.split('\n').find((l) => l.startsWith('data:'));
          if (data && data.length > 5) received.push(JSON.parse(data.slice(5)));
          i = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    received,
    ended: done,
    async next(count: number, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return received;
    },
    async close() {
      controller.abort();
      await reader?.cancel().catch(() => {});
      await done.catch(() => {});
    },
  };
}
