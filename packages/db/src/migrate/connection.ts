import type { PGliteInterface, Transaction } from '@electric-sql/pglite';
import type { ClientBase } from 'pg';

/** What the migration runner needs from a database session. */
export interface SqlSession {
  /** One statement with `$1`-style parameters; returns the rows. */
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
  /** A whole script (many statements, `$$` bodies, literals with `;`) sent as it is. */
  exec(script: string): Promise<void>;
}

/**
 * A single session (advisory locks are per session) that can also run a transaction. Both
 * implementations keep every statement on the same connection.
 */
export interface MigrationConnection extends SqlSession {
  readonly dialect: 'pglite' | 'postgresql';
  /** Runs `fn` in BEGIN … COMMIT; any error rolls the whole unit back and is rethrown. */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
}

/** A pg `Client` (or a checked-out `PoolClient`) held for the whole run. */
export function pgConnection(client: ClientBase): MigrationConnection {
  const session: SqlSession = {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(script: string) {
      // No parameters: pg uses the simple query protocol, which accepts many statements.
      // (Not @prisma/adapter-pg's executeScript, which splits on `;` and breaks `$$` bodies.)
      await client.query(script);
    },
  };
  return {
    dialect: 'postgresql',
    ...session,
    async transaction(fn) {
      await client.query('BEGIN');
      try {
        const result = await fn(session);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
  };
}

function pgliteSession(db: PGliteInterface | Transaction): SqlSession {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      // Awaited (pglite-prisma-adapter 0.7.2's executeScript forgets to, so a failing script
      // there would look applied).
      await db.exec(script);
    },
  };
}

/** A PGlite instance; PGlite has one session, shared with Prisma through the adapter. */
export function pgliteConnection(db: PGliteInterface): MigrationConnection {
  return {
    dialect: 'pglite',
    ...pgliteSession(db),
    transaction(fn) {
      return db.transaction((tx) => fn(pgliteSession(tx)));
    },
  };
}
