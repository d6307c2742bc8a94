import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSchemaDir } from '../paths.js';
import { useTempDir } from '../test-support/fixtures.js';
import { readSchemaFiles } from './schema-files.js';

describe('readSchemaFiles', () => {
  const dir = useTempDir('layanan-schema-files-');

  it('reads every file of the schema folder: the base file and one per area', async () => {
    const files = await readSchemaFiles(defaultSchemaDir);
    expect(files.map((file) => basename(file.path))).toEqual([
      'accounts.prisma',
      'attachments.prisma',
      'documents.prisma',
      'feedback.prisma',
      'forums.prisma',
      'org.prisma',
      'platform.prisma',
      'privacy.prisma',
      'public-notice.prisma',
      'schema.prisma',
      'services.prisma',
      'staff.prisma',
    ]);
    const blocks = files.flatMap((file) =>
      [...file.content.matchAll(/^(generator|datasource) (\w+) \{/gm)].map(
        (m) => `${basename(file.path)} ${m[2]}`,
      ),
    );
    expect(blocks).toEqual(['schema.prisma client', 'schema.prisma pothos', 'schema.prisma db']);
  });

  it('reads a single file, and refuses a folder without any .prisma file', async () => {
    const path = join(dir(), 'one.prisma');
    await writeFile(path, 'model One {\n  id Int @id\n}\n');
    expect(await readSchemaFiles(path)).toEqual([{ path, content: 'model One {\n  id Int @id\n}\n' }]);
    const empty = join(dir(), 'empty');
    await mkdir(empty);
    await writeFile(join(empty, 'notes.txt'), 'not a schema');
    await expect(readSchemaFiles(empty)).rejects.toThrow(/no \.prisma file/);
  });
});
