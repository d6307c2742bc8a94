// The suite every BlobStore passes: the file store (platform/storage/blob-store.test.ts) and the
// S3-compatible store (s3-store.test.ts) register it with their own store.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlobStore, BlobTooLargeError } from '../platform/storage/blob-store.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Registers the shared BlobStore tests for `make` (called once before the tests). */
export function blobStoreSuite(
  name: string,
  make: () => Promise<{ store: BlobStore; close(): Promise<void> }>,
) {
  describe(name, () => {
    let store: BlobStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await make());
    });
    afterAll(async () => close());

    it('stores bytes under their SHA-256 and gives them back', async () => {
      const bytes = randomBytes(70_000);
      const stored = await store.put(bytes, { contentType: 'application/pdf' });
      expect(stored).toEqual({ sha256: sha(bytes), size: bytes.byteLength });
      expect(await store.has(stored.sha256)).toBe(true);
      const stream = await store.get(stored.sha256);
      expect(Buffer.compare(await buffer(stream as Readable), bytes)).toBe(0);
    });

    it('streams a body in chunks and hashes all of it', async () => {
      const chunks = [randomBytes(10), randomBytes(100_000), randomBytes(3)];
      const stored = await store.put(Readable.from(chunks));
      expect(stored.sha256).toBe(sha(Buffer.concat(chunks)));
      expect(stored.size).toBe(100_013);
    });

    it('keeps one copy of the same content', async () => {
      const bytes = randomBytes(1000);
      const first = await store.put(bytes);
      const second = await store.put(Buffer.from(bytes));
      expect(second).toEqual(first);
    });

    it('refuses a body over maxBytes and keeps nothing of it', async () => {
      const bytes = randomBytes(5000);
      await expect(
        store.put(Readable.from([bytes.subarray(0, 4000), bytes.subarray(4000)]), { maxBytes: 4500 }),
      ).rejects.toBeInstanceOf(BlobTooLargeError);
      expect(await store.has(sha(bytes))).toBe(false);
    });

    it('answers nothing for an unknown or malformed key', async () => {
      expect(await store.get('0'.repeat(64))).toBeUndefined();
      expect(await store.get('../../etc/passwd')).toBeUndefined();
      expect(await store.has('not-a-hash')).toBe(false);
    });

    it('deletes a blob (retention and erasure only)', async () => {
      const stored = await store.put(randomBytes(64));
      await store.delete(stored.sha256);
      expect(await store.has(stored.sha256)).toBe(false);
      await store.delete(stored.sha256);
    });
  });
}
