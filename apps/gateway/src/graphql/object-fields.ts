// Small building blocks the object types share: the Relay id every node type exposes, the type
// of the field builder `t` for helpers that add the same fields to several types, and
// `t.exposeFields` / `t.exposeNullableFields`, which expose several properties of one scalar type
// with their descriptions, each name written once.
import { type SchemaTypes as AnySchemaTypes, type FieldKind, RootFieldBuilder } from '@pothos/core';
import type { builder } from './builder.js';

/** The schema's types, as the builder was set up with them. */
export type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The `t` of `fields: (t) => …` for an object type over rows of `Shape`. */
export type ObjectFields<Shape> = PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, Shape>;

/** A field such a helper returns, to spread into `fields`. */
export type ObjectField = PothosSchemaTypes.FieldRef<SchemaTypes, unknown, 'Object'>;

/** The `id` option of a `builder.prismaNode`: the Relay global id, made from the `id` column. */
export const nodeId = {
  field: 'id',
  description:
    'Global ID (Relay): opaque and stable; fetch with `node(id:)`, pass it where this type’s id is asked.',
} as const;

type ScalarName = 'String' | 'Int' | 'Float' | 'Boolean' | 'ID' | 'DateTime' | 'Day' | 'JSON';

/** What a field of the scalar resolves from: `number` for Int, a string or a Date for Day… */
type OutputOf<Types extends AnySchemaTypes, T extends ScalarName> = T extends keyof Types['outputShapes']
  ? Types['outputShapes'][T]
  : never;

/** The names of the row's properties that hold values of type `V`. */
type PropertiesOf<Shape, V> = { [K in keyof Shape]-?: Shape[K] extends V ? K : never }[keyof Shape] & string;

/** Descriptions by property name, where only the names in `Allowed` may stand. */
type Described<D, Allowed extends string> = D & { [K in keyof D]: K extends Allowed ? string : never };

/** The fields of one scalar type exposed from a row, by name. */
interface ExposeFields<Types extends AnySchemaTypes, Shape, Kind extends FieldKind> {
  /**
   * Exposes properties of the row as they are, each a field of the same name and of scalar
   * `type`, with its description: `...t.exposeFields('Int', { people: 'Active staff.', … })`.
   * Only properties holding values of that type may be named.
   */
  exposeFields<T extends ScalarName, D extends Record<string, string>>(
    type: T,
    descriptions: Described<D, PropertiesOf<Shape, OutputOf<Types, T>>>,
  ): Record<keyof D, PothosSchemaTypes.FieldRef<Types, unknown, Kind>>;
  /** `exposeFields` for properties that may be null: every field is nullable. */
  exposeNullableFields<T extends ScalarName, D extends Record<string, string>>(
    type: T,
    descriptions: Described<D, PropertiesOf<Shape, OutputOf<Types, T> | null>>,
  ): Record<keyof D, PothosSchemaTypes.FieldRef<Types, unknown, Kind>>;
}

// On the root field builder, which the object and Prisma object field builders extend (for the
// root types, with no properties to name, the methods are never useful).
declare global {
  export namespace PothosSchemaTypes {
    export interface RootFieldBuilder<
      Types extends AnySchemaTypes,
      ParentShape,
      Kind extends FieldKind = FieldKind,
    > extends ExposeFields<Types, ParentShape, Kind> {}
  }
}

type Exposer = {
  expose(name: string, options: { type: ScalarName; nullable: boolean; description: string }): unknown;
};

// Added to the builder the way Pothos's own plugins add field methods (plugin-relay's
// `t.globalID`); the names were checked against the row by the signatures above.
function exposeEach(t: Exposer, type: ScalarName, nullable: boolean, descriptions: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(descriptions).map(([name, description]) => [
      name,
      t.expose(name, { type, nullable, description }),
    ]),
  );
}
const fieldBuilder = RootFieldBuilder.prototype as unknown as Record<
  'exposeFields' | 'exposeNullableFields',
  (this: Exposer, type: ScalarName, descriptions: Record<string, string>) => unknown
>;
fieldBuilder.exposeFields = function exposeFields(type, descriptions) {
  return exposeEach(this, type, false, descriptions);
};
fieldBuilder.exposeNullableFields = function exposeNullableFields(type, descriptions) {
  return exposeEach(this, type, true, descriptions);
};
