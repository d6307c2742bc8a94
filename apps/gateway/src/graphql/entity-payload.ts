// Payloads of mutations that changed a row: the resolver returns the row's id (`{ commitmentId }`)
// and a payload field loads the row through the Prisma plugin, spreading `query`, so the client's
// whole selection on it costs one query (and reads what the transaction committed).
import type { PrismaTypes } from '@layanan/db';
import type { ObjectRef } from '@pothos/core';
import type { PrismaModelTypes, PrismaObjectRef } from '@pothos/plugin-prisma';
import { delegateOf } from '../platform/visibility.js';
import { builder } from './builder.js';

type Types = (typeof builder)['$inferSchemaTypes'];
type ModelName = keyof PrismaTypes & string;

/** The keys of a payload shape that hold a string (a row id). */
type IdKey<Shape> = { [K in keyof Shape]: Shape[K] extends string ? K : never }[keyof Shape] & string;

/** A payload field holding a changed row. */
export type RowField<Key extends string = string> = {
  /** The row's model: its name (`'Staff'`) or the ref its prismaObject / prismaNode returned. */
  readonly type: ModelName | PrismaObjectRef<Types, PrismaModelTypes>;
  /** The payload key holding the row's database id. */
  readonly id: Key;
  readonly description: string;
  /** Scopes the field grants the row (`ownSession` for the account just signed in). */
  readonly grantScopes?: string[];
};

/**
 * The field of a payload that loads a changed row by the id the payload holds:
 * `staff: rowField(t, { type: 'Staff', id: 'staffId', description: 'The staff member as now stored.' })`.
 */
export function rowField<Shape extends object>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Shape>,
  row: RowField<IdKey<Shape>>,
) {
  const model = (typeof row.type === 'string' ? row.type : row.type.modelName) as ModelName;
  return t.prismaField({
    // The model is chosen at run time, so its row shape cannot be checked here; the id key can.
    type: row.type as ModelName,
    description: row.description,
    ...(row.grantScopes ? { grantScopes: row.grantScopes } : {}),
    resolve: (query, payload, _args, ctx) =>
      delegateOf(ctx.prisma, model).findUniqueOrThrow({
        ...query,
        where: { id: payload[row.id] as string },
      }) as Promise<never>,
  });
}

/** A payload row that may also show its id (`serviceId: ID!`, first) with this description. */
export type PayloadRow = RowField & { readonly idDescription?: string };

/** The shape a resolver returns for a payload: each row's id under its key. */
export type PayloadShape<Rows extends Record<string, PayloadRow>> = {
  [K in Rows[keyof Rows]['id']]: string;
};

/**
 * A mutation's payload made of the rows it changed, resolved from their ids:
 *
 *   const CommitmentPayload = entityPayload('CommitmentPayload', 'The commitment after the change.', {
 *     commitment: { type: CommitmentRef, id: 'commitmentId', description: 'The commitment as it is now.' },
 *   });  // resolve returns { commitmentId }
 *
 * Payloads with other fields besides (a secret shown once, a computed grade) use `rowField`.
 */
export function entityPayload<const Rows extends Record<string, PayloadRow>>(
  name: string,
  description: string,
  rows: Rows,
): ObjectRef<Types, PayloadShape<Rows>> {
  type Shape = PayloadShape<Rows>;
  const entries = Object.entries(rows);
  return builder.objectRef<Shape>(name).implement({
    description,
    fields: (t) =>
      Object.fromEntries([
        ...entries
          .filter(([, row]) => row.idDescription)
          .map(([, row]) => [row.id, t.exposeID(row.id as IdKey<Shape>, { description: row.idDescription })]),
        ...entries.map(([field, row]) => [field, rowField(t, row as RowField<IdKey<Shape>>)]),
      ]),
  });
}
