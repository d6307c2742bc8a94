// The BlobStore on S3-compatible object storage (AWS S3, MinIO, Ceph, Garage…), chosen by
// LAYANAN_S3_URL. Objects are `<prefix><first two hex digits>/<sha256>`. The key is the content's
// hash, known only once the whole body has been read: a put streams the body into a temporary
// local file while hashing (never holding it in memory), then uploads that file under its key
// unless an object is already there (nothing is overwritten), and removes the temporary file.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { type BlobStore, isBlobKey } from './blob-store.js';
import { writeHashedFile } from './hashed-file.js';

/** Connection settings of an S3-compatible store. */
export type S3Settings = {
  /** `http(s)://host:port`; undefined for AWS's own endpoints. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  /** Prepended to every key (e.g. `layanan/`); empty by default. */
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (`host/bucket/key`), which most self-hosted servers need. */
  forcePathStyle: boolean;
};

/**
 * Reads `s3://KEY:SECRET@HOST[:PORT]/BUCKET[/PREFIX]?region=…&forcePathStyle=true&tls=false`
 * (key and secret percent-encoded; `tls=false` for plain HTTP, e.g. a local MinIO; host
 * `amazonaws.com` or none for AWS itself). Throws a RangeError naming what is wrong.
 */
export function parseS3Url(text: string): S3Settings {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError('LAYANAN_S3_URL is not a URL (s3://KEY:SECRET@HOST:PORT/BUCKET?region=…)');
  }
  if (url.protocol !== 's3:') throw new RangeError('LAYANAN_S3_URL must start with s3://');
  const [bucket = '', ...rest] = url.pathname.replace(/^\/+/, '').split('/');
  if (!bucket) throw new RangeError('LAYANAN_S3_URL names no bucket (s3://KEY:SECRET@HOST/BUCKET)');
  if (!url.username || !url.password)
    throw new RangeError('LAYANAN_S3_URL needs the access key and secret (s3://KEY:SECRET@HOST/BUCKET)');
  const prefix = rest.filter(Boolean).join('/');
  const q = url.searchParams;
  const aws = url.hostname === '' || url.hostname === 'amazonaws.com';
  const tls = q.get('tls') !== 'false';
  return {
    endpoint: aws ? undefined : `${tls ? 'https' : 'http'}://${url.host}`,
    region: q.get('region') || 'us-east-1',
    bucket,
    prefix: prefix ? `${prefix}/` : '',
    accessKeyId: decodeURIComponent(url.username),
    secretAccessKey: decodeURIComponent(url.password),
    forcePathStyle: q.get('forcePathStyle') === 'true' || !aws,
  };
}

const missing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/** A BlobStore on the bucket of `settings`; `tempDir` holds bodies while they are hashed. */
export function createS3BlobStore(settings: S3Settings, options: { tempDir?: string } = {}): BlobStore {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Checksums only where the API requires them: several S3-compatible servers reject the
    // newer default ones (CRC32 trailers on streamed bodies).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const tempDir = options.tempDir ?? tmpdir();
  const Bucket = settings.bucket;
  const keyOf = (sha256: string) => `${settings.prefix}${sha256.slice(0, 2)}/${sha256}`;
  const has = async (sha256: string) => {
    if (!isBlobKey(sha256)) return false;
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) }));
      return true;
    } catch (error) {
      if (missing(error)) return false;
      throw error;
    }
  };
  return {
    target: `s3://${settings.bucket}/${settings.prefix}`,
    async put(body, putOptions = {}) {
      await mkdir(tempDir, { recursive: true });
      const temporary = join(tempDir, `.s3-upload-${randomUUID()}`);
      try {
        const { sha256, size } = await writeHashedFile(body, temporary, putOptions.maxBytes);
        if (!(await has(sha256))) {
          await client.send(
            new PutObjectCommand({
              Bucket,
              Key: keyOf(sha256),
              Body: createReadStream(temporary),
              ContentLength: size,
              ContentType: putOptions.contentType ?? 'application/octet-stream',
            }),
          );
        }
        return { sha256, size };
      } finally {
        await rm(temporary, { force: true });
      }
    },
    async get(sha256) {
      if (!isBlobKey(sha256)) return undefined;
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(sha256) }));
        return answer.Body as Readable | undefined;
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    has,
    async delete(sha256) {
      if (isBlobKey(sha256)) await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(sha256) }));
    },
  };
}
