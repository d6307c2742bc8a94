import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseCommit, checkRepository, judge, SCHEMA_PATH, schemaChanges } from './schema-check.js';

const OLD = /* GraphQL */ `
  type Query { service(code: String!): Service, services: [Service!]! }
  type Service { code: String!, name: String!, costIdr: Int! }
`;

describe('schema breaking-change check', () => {
  it('detects a removed field as breaking', async () => {
    const after = OLD.replace(', costIdr: Int!', '');
    const outcome = await judge(OLD, after, 'Drop the cost', 'base');
    expect(outcome.ok).toBe(false);
    expect(outcome.breaking.map((c) => c.path)).toEqual(['Service.costIdr']);
    expect(outcome.note).toMatch(/\[breaking-change\]/);
  });

  it('detects a new required argument and a type change as breaking', async () => {
    const after = OLD.replace('services: [Service!]!', 'services(unit: String!): [Service!]!').replace(
      'costIdr: Int!',
      'costIdr: String!',
    );
    const breaking = (await schemaChanges(OLD, after)).filter((c) => c.level === 'BREAKING');
    expect(breaking.map((c) => c.path).sort()).toEqual(['Query.services.unit', 'Service.costIdr']);
  });

  it('lets additions through and accepts a marked breaking change', async () => {
    const added = OLD.replace('costIdr: Int!', 'costIdr: Int!, description: String');
    const fine = await judge(OLD, added, '', 'base');
    expect(fine).toMatchObject({ ok: true, breaking: [] });
    expect(fine.other.map((c) => c.level)).toEqual(['NON_BREAKING']);
    const marked = await judge(
      OLD,
      OLD.replace(', costIdr: Int!', ''),
      'Remove costIdr [breaking-change]',
      'b',
    );
    expect(marked).toMatchObject({ ok: true, intended: true });
    expect(marked.breaking).toHaveLength(1);
    expect((await judge(null, OLD, '', null)).ok).toBe(true);
  });

  describe('in a repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layanan-schema-check-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        cwd: dir,
        encoding: 'utf8',
      }).trim();
    const write = (sdl: string) => {
      mkdirSync(join(dir, 'apps/gateway'), { recursive: true });
      writeFileSync(join(dir, SCHEMA_PATH), sdl);
    };

    it('compares main with its previous commit, and a branch with where it left main', async () => {
      git('init', '-q', '-b', 'main');
      write(OLD);
      git('add', '.');
      git('commit', '-qm', 'first');
      const first = git('rev-parse', 'HEAD');
      const env = {};
      expect(baseCommit(dir, env)).toBeNull(); // the first commit has nothing to compare with
      expect((await checkRepository(dir, env)).ok).toBe(true);

      write(OLD.replace(', costIdr: Int!', ''));
      git('commit', '-qam', 'drop cost');
      expect(baseCommit(dir, env)).toBe(first);
      const onMain = await checkRepository(dir, env);
      expect(onMain).toMatchObject({ ok: false, base: first });

      git('checkout', '-q', '-b', 'feature');
      write(OLD.replace(', costIdr: Int!', ', costIdr: Int!, name2: String'));
      git('commit', '-qam', 'restore cost, add name2');
      const fork = git('rev-parse', 'main');
      expect(baseCommit(dir, env)).toBe(fork);
      expect((await checkRepository(dir, env)).ok).toBe(true);

      write(OLD.replace('name: String!, ', ''));
      git('commit', '-qam', 'drop name [breaking-change]');
      const marked = await checkRepository(dir, env);
      expect(marked).toMatchObject({ ok: true, intended: true });
      expect(marked.breaking.map((c) => c.path)).toEqual(['Service.name']);
    });
  });
});
