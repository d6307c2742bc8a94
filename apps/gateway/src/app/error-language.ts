// Request-level errors in the caller's language (issue 21 item 5: one language, not both). A
// failure inside a result union already carries `message` in the caller's language; the errors
// in `errors` (limits, rate limits, tokens, authorization, malformed `Day` or ID values) are made
// before or outside a resolver, in both languages (`Indonesian / English`, gateway-errors.ts
// bilingual()). This plugin answers them in the language the caller names in Accept-Language
// (`id…`/`in…` or `en…`); a caller that names neither gets both, as before, since nothing says
// which one it reads.
import type { ExecutionResult, GraphQLError } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { inOneLanguage } from '../graphql/gateway-errors.js';
import type { Lang } from './context.js';

/** The language the caller names first in Accept-Language, if it is one Layanan speaks. */
export function statedLanguage(request: Request): Lang | null {
  const header = request.headers.get('accept-language')?.trim().toLowerCase() ?? '';
  if (header.startsWith('en')) return 'en';
  if (header.startsWith('id') || header.startsWith('in')) return 'id';
  return null;
}

function translate(result: unknown, lang: Lang): void {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const error of (one as ExecutionResult | null)?.errors ?? []) {
      (error as GraphQLError).message = inOneLanguage(error.message, lang);
    }
  }
}

/** Yoga plugin: request-level error messages in the caller's stated language (see above). */
export function errorsInCallersLanguage(): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      const lang = statedLanguage(request);
      if (!lang) return;
      if (isAsyncIterable(result)) {
        // Each event of a subscription as it is sent; closing the stream closes the source.
        setResult(
          mapAsyncIterator(result, (value) => {
            translate(value, lang);
            return value;
          }),
        );
        return;
      }
      translate(result, lang);
    },
  };
}
