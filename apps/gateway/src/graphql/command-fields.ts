// The glue between a mutation and its write command (platform/command.ts): the resolver hands the
// arguments, with the request's dependencies and caller, to the command that GraphQL, Open311,
// CSV routes and jobs share. Most mutations take one required `input` (`commandInput`); the
// others name their arguments (`commandArgs`).
import type {
  ArgBuilder,
  InputFieldMap,
  InputObjectRef,
  InputShapeFromFields,
  ObjectParam,
} from '@pothos/core';
import type { GraphQLContext } from '../app/context.js';
import { type Caller, type CommandDeps, commandDeps } from '../platform/command.js';
import type { builder } from './builder.js';

type Types = (typeof builder)['$inferSchemaTypes'];

/** A write command as a resolver calls it; the context is there for what only it holds (the config). */
type Command<Values, Result> = (
  deps: CommandDeps,
  caller: Caller,
  values: Values,
  ctx: GraphQLContext,
) => Result;

/**
 * The `args` and `resolve` of a mutation whose arguments go to a write command:
 *
 *   ...commandArgs({ sessionId: nodeIdArg(t, ForumSessionRef, 'Global ID of the session.'), … },
 *     (deps, caller, args) => publishSessionMinutes(deps, caller, { sessionId: args.sessionId.id, … }))
 */
export function commandArgs<Args extends InputFieldMap, Result>(
  args: Args,
  command: Command<InputShapeFromFields<Args>, Result>,
) {
  return {
    args,
    resolve: (_root: unknown, values: InputShapeFromFields<Args>, ctx: GraphQLContext) =>
      command(commandDeps(ctx), ctx.identity, values, ctx),
  };
}

/**
 * The `args` and `resolve` of a mutation whose one required `input` goes to a write command:
 *
 *   createForum: t.field({ type, description, authScopes, errors,
 *     ...commandInput(t, CreateForumInput, 'The forum.', createForum) }),
 *
 * `command` receives the input as GraphQL decoded it; one that wants other values (a global id's
 * database id) is a small lambda around the command.
 */
export function commandInput<Input, Result>(
  t: { arg: ArgBuilder<Types> },
  type: InputObjectRef<Types, Input>,
  description: string,
  command: Command<Input, Result>,
) {
  return {
    args: { input: t.arg({ type, required: true, description }) },
    resolve: (_root: unknown, args: { input: Input }, ctx: GraphQLContext) =>
      command(commandDeps(ctx), ctx.identity, args.input, ctx),
  };
}

/** A required argument holding the global id of a node of one type (`for`). */
export function nodeIdArg<For extends ObjectParam<Types>>(
  t: { arg: ArgBuilder<Types> },
  type: For,
  description: string,
) {
  return t.arg.globalID({ required: true, for: type, description });
}
