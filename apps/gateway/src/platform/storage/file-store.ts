// The embedded default BlobStore: files under `<dir>/<first two hex digits>/<sha256>` (by default
// `.data/files`, beside the PGlite data). A put streams into a temporary file in the same
// directory while hashing, then renames it into place, so a crash never leaves a half blob under
// a real key and a concurrent put of the same content is harmless.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type BlobStore, isBlobKey } from './blob-store.js';
import { writeHashedFile } from './hashed-file.js';

export function createFileBlobStore(dir: string): BlobStore {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);
  const exists = async (path: string) =>
    access(path).then(
      () => true,
      () => false,
    );
  return {
    target: `file:${dir}`,
    async put(body, options = {}) {
      await mkdir(dir, { recursive: true });
      const temporary = join(dir, `.upload-${randomUUID()}`);
      const { sha256, size } = await writeHashedFile(body, temporary, options.maxBytes);
      const path = pathOf(sha256);
      if (await exists(path)) {
        await rm(temporary, { force: true });
      } else {
        await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
        await rename(temporary, path);
      }
      return { sha256, size };
    },
    async get(sha256) {
      if (!isBlobKey(sha256) || !(await exists(pathOf(sha256)))) return undefined;
      return createReadStream(pathOf(sha256));
    },
    async has(sha256) {
      return isBlobKey(sha256) && exists(pathOf(sha256));
    },
    async delete(sha256) {
      if (isBlobKey(sha256)) await rm(pathOf(sha256), { force: true });
    },
  };
}
