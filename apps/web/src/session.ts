// The signed-in session, kept in localStorage so a reload stays signed in. Access tokens are
// short-lived: `freshAccessToken` renews them with the single-use refresh token before they expire.
export type Role = 'ADMIN' | 'CITIZEN' | 'STAFF' | 'SUPERVISOR';

export type Session = {
  accessToken: string;
  expiresAt: string;
  refreshToken: string | null;
  account: { id: string; displayName: string; role: Role };
};

const KEY = 'layanan.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();

export function getSession(): Session | null {
  return current;
}

export function setSession(next: Session | null): void {
  current = next;
  if (next) localStorage.setItem(KEY, JSON.stringify(next));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener(next);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isStaffRole(role: Role | undefined): boolean {
  return role === 'STAFF' || role === 'SUPERVISOR' || role === 'ADMIN';
}

const REFRESH = `mutation Refresh($token: String!) {
  refreshSession(refreshToken: $token) {
    __typename
    ... on AuthPayload { accessToken refreshToken expiresAt account { id displayName role } }
  }
}`;

let refreshing: Promise<string | null> | null = null;

/**
 * Renews the session with its single-use refresh token (one renewal at a time); null and signed
 * out when the gateway refuses it. Offline, the session is kept and its token returned.
 */
function renew(session: Session): Promise<string | null> {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REFRESH, variables: { token: session.refreshToken } }),
      });
      const body = (await response.json()) as {
        data?: {
          refreshSession: { __typename: string } & Partial<Omit<Session, 'account'>> &
            Pick<Session, 'account'>;
        };
      };
      const result = body.data?.refreshSession;
      if (result?.__typename === 'AuthPayload' && result.accessToken && result.expiresAt) {
        setSession({
          accessToken: result.accessToken,
          expiresAt: result.expiresAt,
          refreshToken: result.refreshToken ?? null,
          account: result.account,
        });
        return result.accessToken;
      }
      setSession(null);
      return null;
    } catch {
      // Offline: keep the session; the request fails and the user can retry.
      return session.accessToken;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** The access token to send now: renewed first when it expires within a minute. */
export async function freshAccessToken(): Promise<string | null> {
  const session = current;
  if (!session) return null;
  const expiresIn = new Date(session.expiresAt).getTime() - Date.now();
  if (expiresIn > 60_000) return session.accessToken;
  if (!session.refreshToken) {
    if (expiresIn <= 0) setSession(null);
    return expiresIn > 0 ? session.accessToken : null;
  }
  return renew(session);
}

/**
 * The gateway refused `rejected` as invalid or expired (e.g. after a restart with a new signing
 * key): the session is renewed once with its refresh token, and the new access token returned to
 * retry with. Without a refresh token, or when the renewal is refused, the user is signed out
 * (null). A token already replaced by another request's renewal is not renewed again.
 */
export async function renewRejectedToken(rejected: string): Promise<string | null> {
  const session = current;
  if (!session) return null;
  if (session.accessToken !== rejected) return session.accessToken;
  if (!session.refreshToken) {
    setSession(null);
    return null;
  }
  const token = await renew(session);
  // Offline renewal keeps the old token: retrying with it would only be refused again.
  return token === rejected ? null : token;
}

const LOGOUT = `mutation Logout($token: String!) { logout(refreshToken: $token) { revoked } }`;

/**
 * Signs out here and on the gateway: the session's refresh token is revoked (`logout`), so it cannot
 * be renewed from a copy; the local session ends even when the gateway cannot be reached.
 */
export async function signOut(): Promise<void> {
  const session = current;
  if (session?.refreshToken) {
    try {
      await fetch('/graphql', {
        method: 'POST',
        // The refresh token is the credential; an expired access token would only be refused.
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LOGOUT, variables: { token: session.refreshToken } }),
      });
    } catch {
      // Offline: the session still ends on this device.
    }
  }
  setSession(null);
}
