// The key that signs the one-click unsubscribe links of e-mails (outbox.ts `unsubscribeUrl`). A
// link must keep working after a restart — it sits in people's mailboxes for months — so the key
// is durable: `LAYANAN_MAIL_LINK_SECRET`; else derived from `LAYANAN_JWT_SECRET` (so production,
// which requires that secret, needs nothing more); else a random key kept in a file beside the
// data directory (`.data/mail-link.key`, mode 0600), created on first use.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type MailLinkKeySource =
  /** LAYANAN_MAIL_LINK_SECRET, at least 32 characters. */
  | { kind: 'secret'; secret: string }
  /** HMAC-SHA256 of a fixed label under the JWT secret: another key than the tokens' own. */
  | { kind: 'derived'; jwtSecret: string }
  /** A random 32-byte key in base64url, kept in `path`. */
  | { kind: 'file'; path: string };

/** The label under which the JWT secret derives the link key; changing it voids every link. */
const DERIVATION_LABEL = 'layanan:mail-link:v1';

function readKeyFile(path: string): Uint8Array | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const key = Buffer.from(text.trim(), 'base64url');
  if (key.length < 32) throw new Error(`${path}: not a mail link key (32 bytes, base64url)`);
  return key;
}

/** The key of `source`; creates the file of a `file` source when it does not exist. */
export function loadMailLinkKey(source: MailLinkKeySource): Uint8Array {
  if (source.kind === 'secret') return new TextEncoder().encode(source.secret);
  if (source.kind === 'derived') {
    return createHmac('sha256', source.jwtSecret).update(DERIVATION_LABEL).digest();
  }
  const existing = readKeyFile(source.path);
  if (existing) return existing;
  mkdirSync(dirname(source.path), { recursive: true });
  try {
    // `wx`: two instances starting at once on one data directory keep the first one's key.
    writeFileSync(source.path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const created = readKeyFile(source.path);
  if (!created) throw new Error(`${source.path}: the mail link key could not be created`);
  return created;
}
