// Small building blocks the object types share: the Relay id every node type exposes, and lists
// of described fields exposed as they are (report rows are mostly counts and shares).
import { builder } from './builder.js';

/** The `id` option of a `builder.prismaNode`: the Relay global id, made from the `id` column. */
export const nodeId = {
  field: 'id',
  description:
    'Global ID (Relay): opaque and stable; fetch with `node(id:)`, pass it where this type’s id is asked.',
} as const;
