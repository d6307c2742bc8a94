// Object-level authorization (SECURITY.md, kind 4): for every node type, the rows a caller may
// see, as a Prisma `where`. The rule is declared once, beside the type (graphql/node-visibility.ts
// `nodeVisibility`), and the paths that hand out a row by id apply it: the typed queries (which
// build their `where` from the same rule) and `node`/`nodes`. A type without a rule shows nothing.
import type { PrismaClient, PrismaTypes } from '@layanan/db';
import type { Caller } from './command.js';

export type ModelName = keyof PrismaTypes & string;

/** The database a rule may read (a rule that needs the unit tree, say). */
export type VisibilityDb = Pick<PrismaClient, 'unit'>;

/**
 * Which rows of the model `caller` may see: a Prisma `where` of the model (`{}` for all rows,
 * `NOBODY` for none), possibly after reading the database.
 */
export type VisibilityRule<Where = object> = (caller: Caller, db: VisibilityDb) => Where | Promise<Where>;

/** A `where` no row matches. */
export const NOBODY = { id: { in: [] as string[] } };

/** Everyone sees every row (public objects: units, forums, staff by their public fields…). */
export const EVERYONE: VisibilityRule = () => ({});

/** Admins only (audit trail, API keys). */
export const ADMINS_ONLY: VisibilityRule = (caller) =>
  caller.kind === 'account' && caller.role === 'ADMIN' ? {} : NOBODY;

type Declared = { readonly model: ModelName; readonly rule: VisibilityRule };
const RULES = new Map<string, Declared>();

/** Registers the rule of a GraphQL object type over `model`; declaring a type twice is a mistake. */
export function declareVisibility(typeName: string, model: ModelName, rule: VisibilityRule): void {
  if (RULES.has(typeName)) throw new Error(`visibility of ${typeName} declared twice`);
  RULES.set(typeName, { model, rule });
}

/** The GraphQL type names that have a rule (the authorization matrix compares them to the schema). */
export function typesWithVisibility(): string[] {
  return [...RULES.keys()].sort();
}

/** The model of a type with a rule, and the `where` of the rows the caller may see; null without a rule. */
export async function visibleWhere(
  db: VisibilityDb,
  caller: Caller,
  typeName: string,
): Promise<{ model: ModelName; where: object } | null> {
  const declared = RULES.get(typeName);
  if (!declared) return null;
  return { model: declared.model, where: await declared.rule(caller, db) };
}

type Delegate = {
  findMany(args: object): Promise<Array<{ id: string }>>;
  findUniqueOrThrow(args: object): Promise<unknown>;
};

/** The Prisma delegate of a model by name (`Forum` → `prisma.forum`): every model keys its rows by `id`. */
export function delegateOf(prisma: PrismaClient, model: ModelName): Delegate {
  const name = `${model.charAt(0).toLowerCase()}${model.slice(1)}`;
  return (prisma as unknown as Record<string, Delegate>)[name] as Delegate;
}
