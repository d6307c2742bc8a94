// The accounts of the test fixture (and of the demo seed) by the names tests use, and a login
// helper: `const t = await loginAll(h, ['warga', 'yulia'])` then `{ token: t.yulia }`.
import type { Harness } from './harness.js';

/** Citizen warga@ owns most test requests; yulia@ (staff) and hendra@ (supervisor) work at DPMPTSP, dewi@ at DISDUKCAPIL. */
export const ACCOUNTS = {
  admin: 'admin@layanan.test',
  hendra: 'hendra@layanan.test',
  yulia: 'yulia@layanan.test',
  dewi: 'dewi@layanan.test',
  warga: 'warga@layanan.test',
  warga2: 'warga2@layanan.test',
} as const;

export type AccountName = keyof typeof ACCOUNTS;

/** NIPs of the fixture's staff members who have accounts, plus Rahmat (DPMPTSP, no account). */
export const STAFF_NIP = {
  hendra: '197805142005011002',
  yulia: '198903222014022001',
  rahmat: '199207082019031004',
  dewi: '198511302010012003',
} as const;

/** Dev-logs in as each named account, one after the other; tokens by name. */
export async function loginAll<const N extends AccountName>(
  h: Pick<Harness, 'login'>,
  names: readonly N[],
): Promise<Record<N, string>> {
  const tokens = {} as Record<N, string>;
  for (const name of names) tokens[name] = await h.login(ACCOUNTS[name]);
  return tokens;
}
