// Every public type, field, argument and input field of the schema says what it holds (its shape,
// units, the errors or nulls it returns, the rule it follows). A new undescribed part fails here;
// `pnpm --filter @layanan/gateway exec tsx scripts/undescribed.ts` lists them.
import { buildSchema, getNamedType, isInterfaceType, isUnionType } from 'graphql';
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

  it('names in each query and mutation description only failure types its result can be', () => {
    const failure = schema.getType('Failure');
    if (!isInterfaceType(failure)) throw new Error('no Failure interface');
    const failures = new Set(schema.getPossibleTypes(failure).map((t) => t.name));
    const wrong: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        const type = getNamedType(field.type);
        const members = new Set(isUnionType(type) ? type.getTypes().map((t) => t.name) : [type.name]);
        const named = (field.description ?? '').match(/\b[A-Z][A-Za-z]+\b/g) ?? [];
        for (const name of new Set(named)) {
          const failureLike = failures.has(name) || /^[A-Z][a-z]+[A-Za-z]*(Error|Failed)$/.test(name);
          if (failureLike && !members.has(name)) wrong.push(`${root?.name}.${field.name}: ${name}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
