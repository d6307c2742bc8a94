// Short-lived signed links to attached files: `/files/<attachment id>?exp=<unix seconds>&sig=<…>`,
// where `sig` is the base64url HMAC-SHA256, under the gateway's secret, of the id and the expiry.
// A link is handed out only to a caller who may see what the file is attached to (the `url`
// field); it is then the only credential, so that a browser can open it in a new tab or an <img>
// without the access token, and it stops working after FILE_LINK_TTL_SECONDS. A link handed to a
// public reader of a forum submission's photo carries `pub=1` (signed too): it works only while
// the submission is still public, so hiding it by moderation stops links already handed out.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const FILES_PATH = '/files/';
/** How long a link works: ten minutes. */
export const FILE_LINK_TTL_SECONDS = 600;

const signature = (secret: Uint8Array, id: string, exp: number, pub: boolean) =>
  createHmac('sha256', secret)
    .update(`layanan-file\n${id}\n${exp}${pub ? '\npublic' : ''}`)
    .digest('base64url');

/**
 * The path and query of a link to attachment `id`, valid from `now` for FILE_LINK_TTL_SECONDS;
 * `audience: 'public'` for a public reader (`pub=1`: refused once what it is attached to is no
 * longer public).
 */
export function signFileLink(
  secret: Uint8Array,
  id: string,
  now: Date,
  audience: 'public' | 'entitled' = 'entitled',
): string {
  const exp = Math.floor(now.getTime() / 1000) + FILE_LINK_TTL_SECONDS;
  const pub = audience === 'public';
  return `${FILES_PATH}${id}?exp=${exp}${pub ? '&pub=1' : ''}&sig=${signature(secret, id, exp, pub)}`;
}

/**
 * `ok`, `expired` (a valid signature past its expiry) or `invalid`, compared in constant time;
 * `pub` is whether the link says `pub=1` (a public reader's link).
 */
export function verifyFileLink(
  secret: Uint8Array,
  id: string,
  exp: string | null,
  sig: string | null,
  now: Date,
  pub = false,
): 'ok' | 'expired' | 'invalid' {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return 'invalid';
  const expected = Buffer.from(signature(secret, id, Number(exp), pub));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return Number(exp) * 1000 < now.getTime() ? 'expired' : 'ok';
}
