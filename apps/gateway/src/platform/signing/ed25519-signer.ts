// The city's own document signer: an Ed25519 key from configuration (app/signing-config.ts). In
// development the key is generated once into a file (mode 0600) and reused on every start, so
// documents issued yesterday still verify today.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../../app/config.js';
import { SIGNING_CONFIG_MESSAGES, type SigningConfig } from '../../app/signing-config.js';
import { type DocumentSigner, keyFingerprint } from './document-signer.js';

/** A signer with this Ed25519 private key. */
export function ed25519Signer(privateKey: KeyObject): DocumentSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('not an Ed25519 private key');
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const keyId = keyFingerprint(publicKey);
  return {
    algorithm: 'Ed25519',
    keyId,
    publicKey,
    async sign(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new TypeError('sign: not a SHA-256 hex digest');
      const signature = sign(null, Buffer.from(sha256, 'hex'), privateKey).toString('base64');
      return { algorithm: 'Ed25519', keyId, publicKey, signature };
    },
  };
}

/** A new Ed25519 private key as PEM (PKCS#8). */
export function generateSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function fromPem(pem: string, source: string): DocumentSigner {
  try {
    return ed25519Signer(createPrivateKey(pem));
  } catch (error) {
    throw new ConfigError(
      'LAYANAN_SIGNING_KEY',
      SIGNING_CONFIG_MESSAGES.unreadable(
        `${source}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }
}

/**
 * The signer the configuration names. A development key file that does not exist yet is created
 * (never overwritten). Throws ConfigError when the key cannot be read or is not Ed25519.
 */
export function loadDocumentSigner(config: SigningConfig): DocumentSigner {
  if (config.kind === 'pem') return fromPem(config.pem, 'PEM');
  if (config.kind === 'ephemeral') return fromPem(generateSigningKeyPem(), 'generated');
  if (config.generate && !existsSync(config.path)) {
    mkdirSync(dirname(config.path), { recursive: true });
    try {
      writeFileSync(config.path, generateSigningKeyPem(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another instance created it first: use theirs.
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  }
  let pem: string;
  try {
    pem = readFileSync(config.path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      'LAYANAN_SIGNING_KEY',
      SIGNING_CONFIG_MESSAGES.unreadable(
        `${config.path}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }
  return fromPem(pem, config.path);
}
