// Where uploaded and issued files live (issue 19 item 2): content-addressed blobs, each stored once
// under the SHA-256 of its bytes. The database keeps who uploaded what, its size and type; the
// store keeps only bytes. Two implementations pass the same suite (blob-store.test.ts): files under
// the data directory (the embedded default, file-store.ts) and S3-compatible object storage.
import type { Readable } from 'node:stream';

/** What `put` stored: the content's SHA-256 (lower-case hex, the blob's key) and its size in bytes. */
export type StoredBlob = { sha256: string; size: number };

export type BlobStore = {
  /** `file:<dir>` or `s3://<bucket>`, for the log. */
  readonly target: string;
  /**
   * Streams `body` into the store and answers its SHA-256 and size. Storing content that is
   * already there keeps the first copy (nothing is overwritten). `maxBytes` stops the stream and
   * rejects with a `BlobTooLargeError` once more bytes arrive; nothing is kept then.
   */
  put(
    body: Readable | Uint8Array,
    options?: { maxBytes?: number; contentType?: string },
  ): Promise<StoredBlob>;
  /** The blob's bytes as a stream, or undefined when no blob has that SHA-256. */
  get(sha256: string): Promise<Readable | undefined>;
  has(sha256: string): Promise<boolean>;
  /** Removes a blob: only for the retention and erasure rules, never on replacement. */
  delete(sha256: string): Promise<void>;
};

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A blob key is exactly a lower-case SHA-256: nothing else reaches a path or an object key. */
export function isBlobKey(value: string): boolean {
  return SHA256_HEX.test(value);
}
