// The S3-compatible BlobStore passes the same suite as the file store, against an S3-compatible
// server (s3rver, pure JavaScript) that the test starts on a free port.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { describe, expect, it } from 'vitest';
import { blobStoreSuite } from '../../testing/blob-store-suite.js';
import { createS3BlobStore, parseS3Url } from './s3-store.js';

async function startS3(bucket: string) {
  const directory = await mkdtemp(join(tmpdir(), 'layanan-s3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    url: `s3://S3RVER:S3RVER@127.0.0.1:${port}/${bucket}/layanan?region=us-east-1&forcePathStyle=true&tls=false`,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

blobStoreSuite('S3-compatible BlobStore (s3rver)', async () => {
  const s3 = await startS3('layanan-files');
  const tempDir = await mkdtemp(join(tmpdir(), 'layanan-s3-temp-'));
  return {
    store: createS3BlobStore(parseS3Url(s3.url), { tempDir }),
    close: async () => {
      // Every put removed its temporary file, also the refused ones.
      expect(await readdir(tempDir)).toEqual([]);
      await rm(tempDir, { recursive: true, force: true });
      await s3.close();
    },
  };
});

describe('LAYANAN_S3_URL', () => {
  it('reads endpoint, bucket, prefix, credentials and options', () => {
    expect(
      parseS3Url(
        's3://AK%2F1:SK%2B2@minio.local:9000/berkas/kota/sawahlunto?region=ap-southeast-3&tls=false',
      ),
    ).toEqual({
      endpoint: 'http://minio.local:9000',
      region: 'ap-southeast-3',
      bucket: 'berkas',
      prefix: 'kota/sawahlunto/',
      accessKeyId: 'AK/1',
      secretAccessKey: 'SK+2',
      forcePathStyle: true,
    });
    expect(parseS3Url('s3://AK:SK@amazonaws.com/berkas?region=ap-southeast-3')).toMatchObject({
      endpoint: undefined,
      forcePathStyle: false,
    });
  });

  it('says what is missing', () => {
    expect(() => parseS3Url('s3://AK:SK@host')).toThrow(/bucket/);
    expect(() => parseS3Url('s3://host/bucket')).toThrow(/access key/);
    expect(() => parseS3Url('https://AK:SK@host/bucket')).toThrow(/s3:\/\//);
  });
});
