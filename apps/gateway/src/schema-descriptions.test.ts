// Every public type, field, argument and input field of the schema says what it holds (its shape,
// units, the errors or nulls it returns, the rule it follows). A new undescribed part fails here;
// `pnpm --filter @layanan/gateway exec tsx scripts/undescribed.ts` lists them.
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './graphql/schema.js';
import { undescribedParts } from './graphql/undescribed.js';

describe('schema descriptions', () => {
  it('describes every public type, field, argument and input field', () => {
    expect(undescribedParts(schema)).toEqual([]);
  });

  it('notices an undescribed part (the check itself)', () => {
    const sdl = `
      """A request."""
      type Query { """Look one up.""" request("""Its code.""" code: String!, lang: String): Request }
      """A request."""
      type Request { code: String! }`;
    expect(undescribedParts(buildSchema(sdl))).toEqual(['arg Query.request(lang)', 'field Request.code']);
  });
});
