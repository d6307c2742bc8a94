// Documents nested too deep are refused before graphql-js parses them (issue 15 retest): its
// parser recurses once per level of selections, lists and objects, so 5000 levels of `{a{a{…`
// overflowed the stack (a 500) long before graphql-armor's depth rule, which runs on the parsed
// document, could see them. A linear scan of bracket depth runs first.
import type { Plugin } from 'graphql-yoga';
import { gatewayGraphQLError, LIMIT_MESSAGES } from '../graphql/gateway-errors.js';

/**
 * Room above LAYANAN_MAX_DEPTH for the brackets that are not selection levels: the operation's
 * own braces, arguments' parentheses, list and input-object literals. Far below what the parser
 * survives, far above what any query of the schema needs.
 */
export const BRACKET_ALLOWANCE = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const NEWLINE = 0x0a;
const CR = 0x0d;
const OPEN = new Set([0x7b, 0x5b, 0x28]); // { [ (
const CLOSE = new Set([0x7d, 0x5d, 0x29]); // } ] )

/**
 * The deepest nesting of `{`, `[` and `(` in a GraphQL document, outside strings, block strings
 * and comments, in one pass; stops counting once it passes `stopAbove`.
 */
export function documentDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === HASH) {
      while (i < text.length && text.charCodeAt(i) !== NEWLINE && text.charCodeAt(i) !== CR) i++;
    } else if (c === QUOTE && text.startsWith('"""', i)) {
      i += 3;
      while (i < text.length && !text.startsWith('"""', i)) i += text.startsWith('\\"""', i) ? 4 : 1;
      i += 2;
    } else if (c === QUOTE) {
      i++;
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i += 2;
        else if (d === QUOTE || d === NEWLINE || d === CR) break;
        else i++;
      }
    } else if (OPEN.has(c)) {
      depth++;
      if (depth > max) max = depth;
      if (max > stopAbove) return max;
    } else if (CLOSE.has(c)) depth--;
  }
  return max;
}

/** Refuses, before parsing, a document whose brackets nest deeper than the depth limit allows. */
export function documentDepthGuard(maxDepth: number): Plugin {
  const limit = maxDepth + BRACKET_ALLOWANCE;
  return {
    onParams({ params }) {
      if (typeof params.query !== 'string' || documentDepth(params.query, limit) <= limit) return;
      const message = LIMIT_MESSAGES.QUERY_TOO_DEEP(maxDepth);
      throw gatewayGraphQLError(
        'QUERY_TOO_DEEP',
        { messageId: message.id, messageEn: message.en, http: { status: 400 } },
        message,
      );
    },
  };
}
