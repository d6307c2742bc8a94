// Development only: the Prisma schema as the engine wants it, every file with its text.

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface SchemaFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Reads a Prisma schema the way the Prisma CLI does: `path` is one `.prisma` file, or a folder
 * searched recursively for `*.prisma` files (the multi-file schema). Files come sorted by path,
 * so the engine sees the same input on every machine. A folder without any `.prisma` file is
 * an error rather than an empty schema (which would diff as "drop every table").
 */
export async function readSchemaFiles(path: string): Promise<SchemaFile[]> {
  if (!(await stat(path)).isDirectory()) return [{ path, content: await readFile(path, 'utf8') }];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.prisma'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  if (paths.length === 0) {
    throw new Error(`tidak ada berkas .prisma / no .prisma file in ${path}`);
  }
  return Promise.all(paths.map(async (file) => ({ path: file, content: await readFile(file, 'utf8') })));
}
