// The file BlobStore passes the suite every store passes (testing/blob-store-suite.ts, re-exported here).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobStoreSuite } from '../../testing/blob-store-suite.js';
import { BlobTooLargeError } from './blob-store.js';
import { createFileBlobStore } from './file-store.js';

export { blobStoreSuite };

let dir = '';
blobStoreSuite('file BlobStore', async () => {
  dir = await mkdtemp(join(tmpdir(), 'layanan-blobs-'));
  return { store: createFileBlobStore(dir), close: () => rm(dir, { recursive: true, force: true }) };
});

describe('file BlobStore layout', () => {
  it('leaves no temporary file behind after a refused put', async () => {
    const own = await mkdtemp(join(tmpdir(), 'layanan-blobs-'));
    const store = createFileBlobStore(own);
    await expect(store.put(randomBytes(100), { maxBytes: 10 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect((await readdir(own)).filter((name) => name.startsWith('.upload-'))).toEqual([]);
    await rm(own, { recursive: true, force: true });
  });
});
