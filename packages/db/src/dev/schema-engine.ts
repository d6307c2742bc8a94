// Development only: Prisma's schema engine compiled to Wasm, driven without the native binary
// (see ../shared/PRISMA-OFFLINE.md). Never imported by runtime code, so it is not bundled and
// @prisma/schema-engine-wasm stays a devDependency.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { DiffResult, MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { oneLine } from '../errors.js';
import { MIGRATION_LOCK_FILE, MIGRATION_SCRIPT_FILE, readMigrations } from '../migrate/migrations-dir.js';
import { PGLITE_EXTENSIONS } from '../pglite-extensions.js';
import { readSchemaFiles } from './schema-files.js';

type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
};

// The project's lib settings (no DOM) do not declare the WebAssembly global; this is the part
// used here.
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let gluePromise: Promise<Glue> | undefined;

/** Instantiates the Wasm once per process (the JS glue keeps it in module state). */
function loadGlue(): Promise<Glue> {
  gluePromise ??= (async () => {
    // Node 20 cannot `import` a .wasm module, so instantiate it by hand and hand the exports
    // to the wasm-bindgen glue.
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Glue;
    const gluePath = fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const module = await wasmApi.compile(await readFile(gluePath.replace(/\.js$/, '.wasm')));
    const instance = new wasmApi.Instance(module, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return glue;
  })();
  return gluePromise;
}

/**
 * pglite-prisma-adapter with two fixes: `executeScript` awaits `exec` (0.7.2 does not, so a
 * failing migration would look applied), and each shadow database is a fresh clone that is
 * closed when the engine disposes it.
 */
class PGliteEngineAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'pglite-prisma-adapter';

  /** `blank` is never written to: the engine only reads it for `diff`, shadows are clones. */
  constructor(private readonly blank: PGlite) {}

  async connect(): Promise<SqlDriverAdapter> {
    return withFixes(await new PrismaPGlite(this.blank).connect(), this.blank, false);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = (await this.blank.clone()) as PGlite;
    return withFixes(await new PrismaPGlite(shadow).connect(), shadow, true);
  }
}

function withFixes(adapter: SqlDriverAdapter, db: PGlite, closeOnDispose: boolean): SqlDriverAdapter {
  const onError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  const dispose = adapter.dispose.bind(adapter);
  return Object.assign(adapter, {
    async executeScript(script: string) {
      try {
        await db.exec(script);
      } catch (error) {
        onError(error);
      }
    },
    async dispose() {
      await dispose();
      if (closeOnDispose && !db.closed) await db.close();
    },
  });
}

export interface DevSchemaEngine {
  /**
   * SQL that takes a database migrated with every migration of `migrationsDir` to the schema
   * at `schemaPath`: a `.prisma` file or a folder of them (every file is given to the engine,
   * see readSchemaFiles). `changed` is false (and `sql` empty of statements) when they agree.
   */
  diffMigrationsToSchema(input: { migrationsDir: string; schemaPath: string }): Promise<{
    changed: boolean;
    sql: string;
  }>;
  close(): Promise<void>;
}

/** Starts the Wasm engine over in-memory PGlite databases: no PostgreSQL server needed. */
export async function openSchemaEngine(
  options: { log?: (line: string) => void } = {},
): Promise<DevSchemaEngine> {
  const glue = await loadGlue();
  const blank = new PGlite('memory://', { extensions: PGLITE_EXTENSIONS });
  await blank.waitReady;
  let engine: SchemaEngine;
  try {
    engine = await glue.SchemaEngine.new(
      { datamodels: undefined },
      (line: string) => options.log?.(line),
      bindMigrationAwareSqlAdapterFactory(new PGliteEngineAdapterFactory(blank)),
    );
  } catch (error) {
    await blank.close();
    throw engineError(error);
  }

  return {
    async diffMigrationsToSchema({ migrationsDir, schemaPath }) {
      const [migrationsList, files] = await Promise.all([
        loadMigrationList(migrationsDir),
        readSchemaFiles(schemaPath),
      ]);
      let result: DiffResult;
      try {
        result = await engine.diff({
          from: { tag: 'migrations', ...migrationsList },
          to: { tag: 'schemaDatamodel', files },
          script: true,
          exitCode: true,
          filters: { externalTables: [], externalEnums: [] },
        });
      } catch (error) {
        throw engineError(error);
      }
      // exitCode 2 = the schema differs from the migrations (`--exit-code` semantics).
      return { changed: result.exitCode === 2, sql: result.stdout ?? '' };
    },
    async close() {
      engine.free();
      if (!blank.closed) await blank.close();
    },
  };
}

/** The engine's view of `prisma/migrations`, already read from disk. */
export async function loadMigrationList(migrationsDir: string): Promise<MigrationList> {
  const lockPath = `${migrationsDir}/${MIGRATION_LOCK_FILE}`;
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  const migrations = await readMigrations(migrationsDir);
  return {
    baseDir: migrationsDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: MIGRATION_SCRIPT_FILE, content: { tag: 'ok', value: migration.script } },
    })),
  };
}

/** One line from the engine's error: its message without the Rust span trace, plus its code. */
function engineError(error: unknown): Error {
  const { message, code } = (typeof error === 'object' && error !== null ? error : {}) as {
    message?: unknown;
    code?: unknown;
  };
  if (typeof message !== 'string') return new Error(String(error), { cause: error });
  const text = oneLine(message.split(/\n\s*0: /)[0] ?? message);
  return new Error(typeof code === 'string' ? `${text} (${code})` : text, { cause: error });
}
