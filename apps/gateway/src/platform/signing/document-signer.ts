// Signing issued documents (issue 19 item 5). A signer signs the 32 bytes of a PDF's SHA-256 and
// says which key did it; anyone can check the signature with the public key kept beside each
// document (`verifyDocumentSignature`). The city's own Ed25519 key (ed25519-signer.ts) is the
// implementation today; a certified electronic signature provider (TTE under PP 71/2019, e.g.
// BSrE) can replace it behind this interface. This is NOT a certified electronic signature.
import { createHash, createPublicKey, verify } from 'node:crypto';

export type DocumentSignature = {
  /** `Ed25519` for the city's own key. */
  algorithm: string;
  /** The key's fingerprint: SHA-256 (hex) of its public key (DER, SPKI). */
  keyId: string;
  /** The public key as PEM (SPKI). */
  publicKey: string;
  /** The signature over the digest's 32 bytes, base64. */
  signature: string;
};

export interface DocumentSigner {
  readonly algorithm: string;
  readonly keyId: string;
  readonly publicKey: string;
  /** Signs a SHA-256 digest given as 64 hex digits. */
  sign(sha256: string): Promise<DocumentSignature>;
}

/** The fingerprint of a public key (PEM, SPKI): SHA-256 of its DER bytes, hex. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/**
 * Whether `signature` is a valid Ed25519 signature of the digest `sha256` (hex) by `publicKey`
 * (PEM). False for anything malformed, never throws.
 */
export function verifyDocumentSignature(input: {
  sha256: string;
  signature: string;
  publicKey: string;
  algorithm: string;
}): boolean {
  if (input.algorithm !== 'Ed25519' || !/^[0-9a-f]{64}$/.test(input.sha256)) return false;
  try {
    return verify(
      null,
      Buffer.from(input.sha256, 'hex'),
      createPublicKey(input.publicKey),
      Buffer.from(input.signature, 'base64'),
    );
  } catch {
    return false;
  }
}
