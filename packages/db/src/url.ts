import { DatabaseError } from './errors.js';

export interface PostgresUrl {
  /** The URL as given, for the driver. Contains the password: never log it. */
  readonly connectionString: string;
  /** The same URL with the password replaced by `***`, safe for logs and errors. */
  readonly redacted: string;
  /** `host:port`, for error messages. */
  readonly target: string;
  readonly database: string;
}

const POSTGRES_PROTOCOLS = new Set(['postgresql:', 'postgres:']);

/** Redacts the password of anything URL-shaped; falls back to a fixed string for garbage. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL: still hide anything that looks like `user:password@`.
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

/** Validates a `postgresql://` / `postgres://` connection URL, throwing INVALID_DATABASE_URL. */
export function parsePostgresUrl(url: string): PostgresUrl {
  const trimmed = url.trim();
  const redacted = redactUrl(trimmed);
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new DatabaseError('INVALID_DATABASE_URL', {
      url: redacted,
      reasonEn: 'not a URL',
      reasonId: 'bukan URL',
    });
  }
  if (!POSTGRES_PROTOCOLS.has(parsed.protocol)) {
    throw new DatabaseError('INVALID_DATABASE_URL', {
      url: redacted,
      reasonEn: `scheme "${parsed.protocol.replace(/:$/, '')}" is not postgresql`,
      reasonId: `skema "${parsed.protocol.replace(/:$/, '')}" bukan postgresql`,
    });
  }
  // libpq allows a socket directory in ?host=…; otherwise a host name is required.
  const socketHost = parsed.searchParams.get('host');
  if (parsed.hostname === '' && !socketHost) {
    throw new DatabaseError('INVALID_DATABASE_URL', {
      url: redacted,
      reasonEn: 'no host',
      reasonId: 'tanpa host',
    });
  }
  const host = parsed.hostname || socketHost || 'localhost';
  const port = parsed.port || '5432';
  const database =
    decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username);
  return { connectionString: trimmed, redacted, target: `${host}:${port}`, database };
}
