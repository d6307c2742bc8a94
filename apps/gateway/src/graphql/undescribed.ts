// Which public parts of a schema have no description: every type (but the built-in scalars),
// every field, every argument and every input field. Used by schema-descriptions.test.ts and
// `pnpm --filter @layanan/gateway exec tsx scripts/undescribed.ts` (lists them).
import {
  type GraphQLSchema,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';

/** `type X`, `field X.f`, `arg X.f(a)`, `input X.f` for each undescribed part, sorted. */
export function undescribedParts(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!type.description?.trim()) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`field ${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (!arg.description?.trim()) missing.push(`arg ${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`input ${type.name}.${field.name}`);
      }
    }
  }
  return missing.sort();
}
