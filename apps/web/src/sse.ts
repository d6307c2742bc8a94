// GraphQL subscriptions over server-sent events, as graphql-yoga serves them: a POST with
// `Accept: text/event-stream` answered by `event: next` / `event: complete` messages. fetch
// (not EventSource) so the Authorization and Accept-Language headers go along: `send` is the app's
// authenticated fetch (see client.ts), which also renews a refused token. A dropped stream is
// reopened after a pause, with a renewed token.
import type { ExecutionResult } from '@urql/core';

export type SseRequest = { query?: string; variables?: Record<string, unknown>; operationName?: string };
type Sink = { next(value: ExecutionResult): void; error(error: unknown): void; complete(): void };

export function sseSubscription(
  request: SseRequest,
  send: typeof fetch,
  retryMs = 2000,
): { subscribe(sink: Sink): { unsubscribe(): void } } {
  return {
    subscribe(sink) {
      const controller = new AbortController();
      let stopped = false;
      const run = async (): Promise<void> => {
        while (!stopped) {
          try {
            const response = await send('/graphql', {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                accept: 'text/event-stream',
              },
              body: JSON.stringify(request),
              signal: controller.signal,
            });
            if (!response.ok || !response.body) {
              const text = await response.text();
              try {
                sink.next(JSON.parse(text) as ExecutionResult);
              } catch {
                sink.error(new Error(`HTTP ${response.status}`));
              }
              sink.complete();
              return;
            }
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer += value;
              let end = buffer.indexOf('\n\n');
              while (end >= 0) {
                const message = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                end = buffer.indexOf('\n\n');
                let event = 'message';
                const data: string[] = [];
                for (const line of message.split('\n')) {
                  if (line.startsWith('event:')) event = line.slice(6).trim();
                  else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
                }
                if (event === 'complete') {
                  sink.complete();
                  return;
                }
                if (data.length > 0) sink.next(JSON.parse(data.join('\n')) as ExecutionResult);
              }
            }
          } catch (error) {
            if (stopped) return;
            if (!(error instanceof TypeError)) {
              sink.error(error);
              return;
            }
          }
          if (!stopped) await new Promise((resolve) => setTimeout(resolve, retryMs));
        }
      };
      void run();
      return {
        unsubscribe() {
          stopped = true;
          controller.abort();
        },
      };
    },
  };
}
