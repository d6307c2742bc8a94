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
