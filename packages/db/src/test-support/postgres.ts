import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DatabaseError } from '../errors.js';
import { parsePostgresUrl } from '../url.js';

export interface ScratchPostgresDatabase {
  readonly name: string;
  /** `adminUrl` with the database name replaced. */
  readonly url: string;
  /** Ends its other connections, then drops it. */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named database (`layanan_test_<random>`, or `options.name`) on the server of
 * `adminUrl`, which must allow CREATE DATABASE: empty, or a copy of the database
 * `options.template` (which nobody may be connected to).
 */
export async function createScratchPostgresDatabase(
  adminUrl: string,
  options: { template?: string; name?: string } = {},
): Promise<ScratchPostgresDatabase> {
  const admin = parsePostgresUrl(adminUrl);
  const name = options.name ?? `layanan_test_${randomBytes(6).toString('hex')}`;
  const template = options.template ? ` TEMPLATE "${options.template}"` : '';
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"${template}`));
  const url = new URL(admin.connectionString);
  url.pathname = `/${name}`;
  let dropping: Promise<void> | undefined;
  return {
    name,
    url: url.toString(),
    drop() {
      dropping ??= withAdmin(adminUrl, async (client) => {
        await client.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [name],
        );
        await client.query(`DROP DATABASE IF EXISTS "${name}"`);
      });
      return dropping;
    },
  };
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const target = parsePostgresUrl(adminUrl);
  const client = new pg.Client({ connectionString: target.connectionString, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new DatabaseError(
      'DATABASE_UNREACHABLE',
      {
        target: `${target.target} (TEST_DATABASE_URL)`,
        reason: error instanceof Error ? error.message : String(error),
      },
      { cause: error },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
