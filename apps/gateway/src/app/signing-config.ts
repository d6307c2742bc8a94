// Where the key that signs issued documents comes from (issue 19 item 5; platform/signing):
// `LAYANAN_SIGNING_KEY` holds an Ed25519 private key as PEM (PKCS#8) or the path of a PEM file.
// Without it, development mode keeps a generated key in `signing-key.pem` beside the data
// directory (created once, reused on every start) or, for a `memory://` database, one per process;
// production refuses to start. The key itself is read by platform/signing/ed25519-signer.ts.
import { join } from 'node:path';
import { IN_MEMORY_DATA_DIR } from '@layanan/db';
import type { Message } from '@layanan/domain';
import { stateDir } from './state-dir.js';

export type SigningConfig =
  /** The PEM text itself. */
  | { kind: 'pem'; pem: string }
  /** A PEM file; `generate`: create it with a new key when it does not exist (development). */
  | { kind: 'file'; path: string; generate: boolean }
  /** A key for this process only (development on a throw-away database). */
  | { kind: 'ephemeral' };

export const SIGNING_CONFIG_MESSAGES = {
  required: {
    id: 'wajib diisi di produksi: kunci privat Ed25519 (PEM PKCS#8) atau path berkasnya, untuk menandatangani dokumen terbit (buat dengan: openssl genpkey -algorithm ed25519)',
    en: 'required in production: an Ed25519 private key (PEM, PKCS#8) or the path of its file, to sign issued documents (make one with: openssl genpkey -algorithm ed25519)',
  },
  unreadable: (detail: string): Message => ({
    id: `kunci penandatangan tidak dapat dibaca atau bukan kunci privat Ed25519 (${detail})`,
    en: `the signing key cannot be read or is not an Ed25519 private key (${detail})`,
  }),
} as const;

export function signingConfig(
  env: NodeJS.ProcessEnv,
  context: { production: boolean; dataDir: string; required: (message: Message) => never },
): SigningConfig {
  const value = env.LAYANAN_SIGNING_KEY?.trim();
  if (value) {
    return value.startsWith('-----BEGIN')
      ? { kind: 'pem', pem: value }
      : { kind: 'file', path: value, generate: false };
  }
  if (context.production) return context.required(SIGNING_CONFIG_MESSAGES.required);
  if (context.dataDir.startsWith(IN_MEMORY_DATA_DIR)) return { kind: 'ephemeral' };
  return { kind: 'file', path: join(stateDir(context.dataDir), 'signing-key.pem'), generate: true };
}
