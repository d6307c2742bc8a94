#!/usr/bin/env node

// node dist/cli.js <migrate|status|seed|resolve> — the database chores, for `pnpm db:migrate`
// and `pnpm db:seed`. DATABASE_URL selects PostgreSQL; otherwise the embedded PGlite database in
// LAYANAN_DATA_DIR (default ./.data/pglite). Errors print one line and exit 1.

import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { createDatabase, type Database } from './client.js';
import { isDevelopmentMode } from './environment.js';
import { DatabaseError, describeError } from './errors.js';
import { importStaff } from './import-staff.js';
import type { ResolveAction } from './migrate/runner.js';
import { seed } from './seed.js';

const USAGE = `penggunaan / usage: node dist/cli.js <command>
  migrate                          terapkan migrasi tertunda / apply pending migrations
  status                           tampilkan status migrasi / show migration status (exit 1 if not up to date)
  seed                             isi data contoh (idempoten) / load demo data (idempotent);
                                   hanya / only with NODE_ENV=development or test (demo accounts have no password)
  resolve --rolled-back <name>     tandai migrasi gagal sebagai dibatalkan / mark a failed migration rolled back
  resolve --applied <name>         tandai migrasi sebagai sudah diterapkan / mark a migration applied
  import-staff <file.csv>          impor pegawai dari CSV (ekspor SIASN) / import staff from a SIASN-like CSV
                                   (exit 0: all rows imported, 3: some rows rejected and listed)
env: DATABASE_URL (postgresql://…), LAYANAN_DATA_DIR (default ./.data/pglite)`;

function target(db: Database): string {
  return db.kind === 'postgresql' ? `PostgreSQL ${db.url}` : `PGlite ${db.dataDir}`;
}

async function open(migrateFirst: boolean): Promise<Database> {
  return createDatabase({
    url: process.env.DATABASE_URL,
    dataDir: process.env.LAYANAN_DATA_DIR,
    migrate: migrateFirst,
    logger: (level, message) => {
      if (level === 'warn' || level === 'error') console.error(`${level}: ${message}`);
    },
  });
}

async function runMigrate(): Promise<number> {
  const db = await open(false);
  try {
    const result = await db.migrate();
    for (const migration of result.applied) {
      console.log(`diterapkan / applied: ${migration.name} (${migration.durationMs} ms)`);
    }
    console.log(
      result.applied.length === 0
        ? `tidak ada migrasi tertunda / no pending migrations (${result.alreadyApplied.length} sudah / already applied) — ${target(db)}`
        : `${result.applied.length} migrasi diterapkan / migration(s) applied — ${target(db)}`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

async function runStatus(): Promise<number> {
  const db = await open(false);
  try {
    const status = await db.status();
    console.log(`${target(db)}`);
    console.log(`diterapkan / applied: ${status.applied.length}`);
    if (status.pending.length > 0) console.log(`tertunda / pending: ${status.pending.join(', ')}`);
    for (const failed of status.failed) console.log(`gagal / failed: ${failed.name}`);
    if (status.modified.length > 0) console.log(`diubah / edited: ${status.modified.join(', ')}`);
    if (status.unknown.length > 0) console.log(`tidak dikenal / not in folder: ${status.unknown.join(', ')}`);
    console.log(status.upToDate ? 'mutakhir / up to date' : 'belum mutakhir / not up to date');
    return status.upToDate ? 0 : 1;
  } finally {
    await db.close();
  }
}

async function runSeed(): Promise<number> {
  // The demo accounts have no password (the dev login signs in as them): never outside
  // development mode, whatever else NODE_ENV says (issue 15, kind 9).
  if (!isDevelopmentMode(process.env.NODE_ENV)) {
    console.error(
      `data contoh hanya untuk NODE_ENV=development atau test / demo data only with NODE_ENV=development or test (NODE_ENV=${process.env.NODE_ENV ?? ''})`,
    );
    return 1;
  }
  const db = await open(true);
  try {
    const { created } = await seed(db.prisma);
    const counts = Object.entries(created)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ');
    console.log(`data contoh dimuat / seed done — dibuat / created: ${counts || 'nothing'} — ${target(db)}`);
    return 0;
  } finally {
    await db.close();
  }
}

async function runResolve(args: readonly string[]): Promise<number> {
  const flag = args[0];
  const name = args[1];
  const action: ResolveAction | undefined =
    flag === '--rolled-back' ? 'rolled-back' : flag === '--applied' ? 'applied' : undefined;
  if (action === undefined || !name) {
    console.error(USAGE);
    return 2;
  }
  const db = await open(false);
  try {
    await db.resolveMigration(name, action);
  } finally {
    await db.close();
  }
  console.log(`${name} ditandai / marked ${action}`);
  return 0;
}

async function runImportStaff(args: readonly string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  // `pnpm --filter @layanan/db import:staff FILE` runs in packages/db; the file and the default
  // data directory are meant relative to where the command was typed.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  const csv = await readFile(resolvePath(file), 'utf8').catch((error: unknown) => {
    throw new Error(`berkas tidak terbaca / cannot read ${file}: ${describeError(error)}`);
  });
  const db = await open(true);
  try {
    const bar = process.stderr.isTTY
      ? (done: number, total: number) => {
          const width = 30;
          const filled = total === 0 ? width : Math.round((done / total) * width);
          process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
          if (done === total) process.stderr.write('\n');
        }
      : undefined;
    const result = await importStaff(db.prisma, csv, {
      now: new Date(),
      ...(bar ? { onProgress: bar } : {}),
    });
    for (const e of result.errors) {
      console.log(
        `baris/row ${e.row} NIP ${e.nip || '-'} ${e.field} ${e.code}: ${e.messageId} / ${e.messageEn}`,
      );
    }
    const rejected = new Set(result.errors.map((e) => e.row)).size;
    console.log(
      `impor selesai / import done — ${result.total} baris/rows: dibuat/created ${result.created}, diperbarui/updated ${result.updated}, tetap/unchanged ${result.unchanged}, ditolak/rejected ${rejected} — ${target(db)}`,
    );
    return result.errors.length > 0 ? 3 : 0;
  } finally {
    await db.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate':
      return runMigrate();
    case 'status':
      return runStatus();
    case 'seed':
      return runSeed();
    case 'resolve':
      return runResolve(rest);
    case 'import-staff':
      return runImportStaff(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`perintah tidak dikenal / unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // One line, no stack trace: the code tells programs what happened, the text tells people.
    console.error(
      error instanceof DatabaseError
        ? `error ${error.code}: ${error.message}`
        : `error: ${describeError(error)}`,
    );
    process.exitCode = 1;
  },
);
