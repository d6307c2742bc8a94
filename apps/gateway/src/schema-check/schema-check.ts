// Breaking-change check of the committed GraphQL schema (STYLE.md 12): the new schema.graphql
// against the one it replaces. A breaking change fails unless a commit says it is intended.
import { execFileSync } from 'node:child_process';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

export const BREAKING_CHANGE_MARKER = '[breaking-change]';
export const SCHEMA_PATH = 'apps/gateway/schema.graphql';

export type SchemaChange = {
  level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  message: string;
  path?: string;
};

/** Every change from `before` to `after` (SDL), with graphql-inspector's criticality. */
export async function schemaChanges(before: string, after: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(before), buildSchema(after));
  return changes.map((c) => ({
    level: c.criticality.level as SchemaChange['level'],
    message: c.message,
    ...(c.path ? { path: c.path } : {}),
  }));
}

export const breakingOnly = (changes: readonly SchemaChange[]) =>
  changes.filter((c) => c.level === CriticalityLevel.Breaking);

export type CheckOutcome = {
  ok: boolean;
  base: string | null;
  breaking: SchemaChange[];
  other: SchemaChange[];
  intended: boolean;
  note: string;
};

/** The decision alone, so that it can be tested on fabricated schemas and messages. */
export async function judge(
  before: string | null,
  after: string,
  commitMessages: string,
  base: string | null,
): Promise<CheckOutcome> {
  if (before === null)
    return {
      ok: true,
      base,
      breaking: [],
      other: [],
      intended: false,
      note: 'no earlier schema to compare with',
    };
  const changes = await schemaChanges(before, after);
  const breaking = breakingOnly(changes);
  const other = changes.filter((c) => c.level !== CriticalityLevel.Breaking);
  const intended = commitMessages.includes(BREAKING_CHANGE_MARKER);
  const ok = breaking.length === 0 || intended;
  const note =
    breaking.length === 0
      ? 'no breaking change'
      : intended
        ? `${breaking.length} breaking change(s), marked intended with ${BREAKING_CHANGE_MARKER}`
        : `${breaking.length} breaking change(s); if intended, say ${BREAKING_CHANGE_MARKER} in the commit message`;
  return { ok, base, breaking, other, intended, note };
}

const git = (cwd: string, ...args: string[]): string | null => {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
};

/**
 * The commit to compare with. On a branch: where it left main (origin/main when there is one),
 * so the check covers every commit of the branch. On main itself (CI's clean clone): the
 * previous commit, i.e. what the last commit or merge changed. SCHEMA_CHECK_BASE overrides.
 */
export function baseCommit(cwd: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.SCHEMA_CHECK_BASE?.trim();
  if (explicit) return git(cwd, 'rev-parse', '--verify', `${explicit}^{commit}`)?.trim() ?? null;
  const head = git(cwd, 'rev-parse', 'HEAD')?.trim();
  if (!head) return null;
  for (const main of ['origin/main', 'main']) {
    const fork = git(cwd, 'merge-base', 'HEAD', main)?.trim();
    if (fork && fork !== head) return fork;
  }
  return git(cwd, 'rev-parse', '--verify', 'HEAD~1^{commit}')?.trim() ?? null;
}

/** Compares the working tree's schema.graphql with the base commit's. */
export async function checkRepository(
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CheckOutcome> {
  const root = git(cwd, 'rev-parse', '--show-toplevel')?.trim() ?? cwd;
  const { readFileSync } = await import('node:fs');
  const after = readFileSync(`${root}/${SCHEMA_PATH}`, 'utf8');
  const base = baseCommit(root, env);
  const before = base ? git(root, 'show', `${base}:${SCHEMA_PATH}`) : null;
  const messages = base ? (git(root, 'log', '--format=%B', `${base}..HEAD`) ?? '') : '';
  return judge(before, after, `${messages}\n${env.SCHEMA_CHECK_MESSAGE ?? ''}`, base);
}
