// The accounts of the test fixture (and of the demo seed) by the names tests use, and a login
// helper: `const t = await loginAll(h, ['warga', 'yulia'])` then `{ token: t.yulia }`.
import { accountIdentifier } from '@layanan/domain';
import { issueSession, sessionSettings } from '../modules/accounts/commands/session.js';
import type { Harness } from './harness.js';

/** Citizen warga@ owns most test requests; yulia@ (staff) and hendra@ (supervisor) work at DPMPTSP, dewi@ at DISDUKCAPIL, andi@ (staff) at DPUPR. */
export const ACCOUNTS = {
  admin: 'admin@layanan.test',
  hendra: 'hendra@layanan.test',
  yulia: 'yulia@layanan.test',
  dewi: 'dewi@layanan.test',
  andi: 'andi@layanan.test',
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
  andi: '199012152023212011',
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

export type RegisteredCitizen = { accountId: string; accessToken: string; refreshToken: string };

/**
 * Registers a citizen through `registerCitizen` (which answers alike for new and taken
 * identifiers and signs nobody in), then opens a session for the new account directly, without
 * a `login`: the test's own sign-in attempts and their audit entries stay the only ones.
 */
export async function registeredCitizen(
  h: Pick<Harness, 'gql' | 'db' | 'config'>,
  input: { email?: string; phone?: string; displayName: string; password: string },
): Promise<RegisteredCitizen> {
  const r = await h.gql(
    'mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { __typename } }',
    { input: { ...input, privacyNoticeVersion: h.config.privacy.noticeVersion } },
  );
  if (r.body.data?.registerCitizen?.__typename !== 'RegistrationReceived') {
    throw new Error(`registerCitizen failed: ${JSON.stringify(r.body)}`);
  }
  const named = accountIdentifier(input.email ?? input.phone ?? '');
  if (!named.ok) throw new Error(`not an e-mail or phone: ${input.email ?? input.phone}`);
  const { kind, value } = named.value;
  const account = await h.db.prisma.account.findUniqueOrThrow({
    where: kind === 'email' ? { email: value } : { phone: value },
  });
  const session = await issueSession(h.db.prisma, new Date(), sessionSettings(h.config), account.id);
  return { accountId: account.id, accessToken: session.accessToken, refreshToken: session.refreshToken };
}

/** The global id of the staff member with this NIP, read as `token` (an admin's) sees it. */
export async function staffIdByNip(h: Pick<Harness, 'gql'>, nip: string, token: string): Promise<string> {
  const { body } = await h.gql('query($nip: String!) { staffByNip(nip: $nip) { id } }', { nip }, { token });
  return body.data.staffByNip.id as string;
}
