// Short-lived signed links to attached files: `/files/<attachment id>?exp=<unix seconds>&sig=<…>`,
// where `sig` is the base64url HMAC-SHA256, under the gateway's secret, of the id and the expiry.
// A link is handed out only to a caller who may see what the file is attached to (the `url`
// field); it is then the only credential, so that a browser can open it in a new tab or an <img>
// without the access token, and it stops working after FILE_LINK_TTL_SECONDS.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const FILES_PATH = '/files/';
/** How long a link works: ten minutes. */
export const FILE_LINK_TTL_SECONDS = 600;

const signature = (secret: Uint8Array, id: string, exp: number) =>
  createHmac('sha256', secret).update(`layanan-file\n${id}\n${exp}`).digest('base64url');

/** The path and query of a link to attachment `id`, valid from `now` for FILE_LINK_TTL_SECONDS. */
export function signFileLink(secret: Uint8Array, id: string, now: Date): string {
  const exp = Math.floor(now.getTime() / 1000) + FILE_LINK_TTL_SECONDS;
  return `${FILES_PATH}${id}?exp=${exp}&sig=${signature(secret, id, exp)}`;
}

/** `ok`, `expired` (a valid signature past its expiry) or `invalid`, compared in constant time. */
export function verifyFileLink(
  secret: Uint8Array,
  id: string,
  exp: string | null,
  sig: string | null,
  now: Date,
): 'ok' | 'expired' | 'invalid' {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return 'invalid';
  const expected = Buffer.from(signature(secret, id, Number(exp)));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return Number(exp) * 1000 < now.getTime() ? 'expired' : 'ok';
}
