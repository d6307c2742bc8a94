// The document signing key: kept across starts in development, read from PEM text or a file,
// refused clearly when it is not an Ed25519 private key; signatures verify with the public key.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { verifyDocumentSignature } from './document-signer.js';
import { generateSigningKeyPem, loadDocumentSigner } from './ed25519-signer.js';

const digest = createHash('sha256').update('%PDF-1.3 test').digest('hex');

describe('document signing key', () => {
  it('is generated once beside the data directory in development and reused on the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layanan-signing-'));
    const config = loadConfig({ NODE_ENV: 'development', LAYANAN_DATA_DIR: join(dir, 'pglite') });
    expect(config.signing).toEqual({ kind: 'file', path: join(dir, 'signing-key.pem'), generate: true });
    const first = loadDocumentSigner(config.signing);
    const pem = readFileSync(join(dir, 'signing-key.pem'), 'utf8');
    expect(statSync(join(dir, 'signing-key.pem')).mode & 0o777).toBe(0o600);
    const second = loadDocumentSigner(config.signing);
    expect(second.keyId).toBe(first.keyId);
    expect(readFileSync(join(dir, 'signing-key.pem'), 'utf8')).toBe(pem);
    expect(loadConfig({ NODE_ENV: 'test', LAYANAN_DATA_DIR: 'memory://x' }).signing).toEqual({
      kind: 'ephemeral',
    });
  });

  it('reads PEM text or a file, signs the digest, and the public key verifies it', async () => {
    const pem = generateSigningKeyPem();
    const dir = mkdtempSync(join(tmpdir(), 'layanan-signing-'));
    writeFileSync(join(dir, 'key.pem'), pem);
    const fromText = loadDocumentSigner(loadConfig({ NODE_ENV: 'test', LAYANAN_SIGNING_KEY: pem }).signing);
    const fromFile = loadDocumentSigner(
      loadConfig({ NODE_ENV: 'test', LAYANAN_SIGNING_KEY: join(dir, 'key.pem') }).signing,
    );
    expect(fromFile.keyId).toBe(fromText.keyId);
    expect(fromText.keyId).toMatch(/^[0-9a-f]{64}$/);
    const signed = await fromText.sign(digest);
    expect(signed).toMatchObject({
      algorithm: 'Ed25519',
      keyId: fromText.keyId,
      publicKey: fromText.publicKey,
    });
    expect(verifyDocumentSignature({ sha256: digest, ...signed })).toBe(true);
    const other = createHash('sha256').update('changed').digest('hex');
    expect(verifyDocumentSignature({ sha256: other, ...signed })).toBe(false);
    const stranger = loadDocumentSigner({ kind: 'ephemeral' });
    expect(verifyDocumentSignature({ sha256: digest, ...signed, publicKey: stranger.publicKey })).toBe(false);
    expect(verifyDocumentSignature({ sha256: digest, ...signed, publicKey: 'garbage' })).toBe(false);
  });

  it('refuses a missing file or another kind of key with a clear ConfigError, and is required in production', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => loadDocumentSigner({ kind: 'pem', pem: rsa })).toThrow(/LAYANAN_SIGNING_KEY.*Ed25519/);
    expect(() => loadDocumentSigner({ kind: 'file', path: '/nonexistent/key.pem', generate: false })).toThrow(
      /LAYANAN_SIGNING_KEY.*\/nonexistent\/key.pem/,
    );
    expect(() =>
      loadConfig({ NODE_ENV: 'production', LAYANAN_JWT_SECRET: 'x'.repeat(40), LAYANAN_DEV_LOGIN: 'false' }),
    ).toThrow(/LAYANAN_SIGNING_KEY: .*produksi.*production/);
  });
});
