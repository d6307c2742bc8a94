// Both stores' first step of a put: stream the body into a new temporary file while hashing it,
// so that the content's key (its SHA-256) is known without holding the body in memory.
import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { BlobTooLargeError, type StoredBlob } from './blob-store.js';

/**
 * Writes `body` to the new file `path` (synced), answering its SHA-256 and size. Past `maxBytes`
 * it stops the stream and rejects with BlobTooLargeError; on any failure the file is removed.
 */
export async function writeHashedFile(
  body: Readable | Uint8Array,
  path: string,
  maxBytes: number | undefined,
): Promise<StoredBlob> {
  const file = await open(path, 'wx');
  const hash = createHash('sha256');
  let size = 0;
  try {
    const source = body instanceof Uint8Array ? Readable.from([body]) : body;
    for await (const chunk of source) {
      const bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.byteLength;
      if (maxBytes !== undefined && size > maxBytes) {
        if (!(body instanceof Uint8Array)) body.destroy();
        throw new BlobTooLargeError(maxBytes);
      }
      hash.update(bytes);
      await file.write(bytes);
    }
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(path, { force: true });
    throw error;
  }
  await file.close();
  return { sha256: hash.digest('hex'), size };
}
