// Open311 GeoReport v2 errors: the texts are in the gateway catalogue (OPEN311_MESSAGES in
// graphql/gateway-errors.ts), in Indonesian and English; the Accept-Language of the call picks one.
import type { Message } from '@layanan/domain';
import type { Lang } from '../../../app/context.js';
import { LIMIT_MESSAGES, OPEN311_MESSAGES } from '../../../graphql/gateway-errors.js';

export { OPEN311_MESSAGES };

/** The message in the caller's language. */
export const text = (lang: Lang, message: Message): string => message[lang];

/** An Open311 error: HTTP status, the descriptions of the error list and extra headers. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly descriptions: readonly string[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(descriptions.join('; '));
  }

  static of(status: number, lang: Lang, message: Message): Open311Error {
    return new Open311Error(status, [text(lang, message)]);
  }

  /** 429 with Retry-After: the API key's (or its reporter's) submission budget is spent. */
  static rateLimited(lang: Lang, retryAfterSeconds: number): Open311Error {
    return new Open311Error(429, [text(lang, LIMIT_MESSAGES.RATE_LIMITED(retryAfterSeconds))], {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
